// report.json: the committed JSON Schema is the one generated from the zod types, and a real run's report
// is valid against both the zod types and the committed JSON Schema read back by an independent reader
// (zod's JSON Schema import); what the schema does not allow is refused.
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { z } from 'zod';
import { renderJson } from '../../reports/index.js';
import { RunResultSchema } from '../../reports/report-schema.js';
import { REPORT_SCHEMA_FILE, renderReportSchema } from '../../reports/write-report-schema.js';
import { runFixtures } from './fixtures/runs.js';

const committed = await readFile(REPORT_SCHEMA_FILE, 'utf8');
const report = JSON.parse(renderJson(await runFixtures('run-a'))) as Record<string, any>;

t.test('the committed schema is up to date', async (t) => {
  t.equal(committed, renderReportSchema(), 'run `npx tsx reports/write-report-schema.ts` after changing reports/report-schema.ts');
});

t.test('a real report is valid; what the schema does not allow is refused', async (t) => {
  const fromFile = z.fromJSONSchema(JSON.parse(committed));
  for (const [name, schema] of [['zod types', RunResultSchema], ['committed JSON Schema', fromFile]] as const) {
    const ok = schema.safeParse(report);
    t.ok(ok.success, `${name}: ${ok.success ? 'valid' : JSON.stringify(ok.error.issues.slice(0, 2))}`);
    const extra = structuredClone(report);
    extra.scenarios[0].surprise = true;
    t.notOk(schema.safeParse(extra).success, `${name}: an unknown field is refused`);
    const missing = structuredClone(report);
    delete missing.scenarios[0].steps[0].attempts;
    t.notOk(schema.safeParse(missing).success, `${name}: a missing field is refused`);
    t.notOk(schema.safeParse({ ...report, schemaVersion: 2 }).success, `${name}: another schema version is refused`);
  }
});

t.test('the report keeps what readers rely on', async (t) => {
  const failing = report.scenarios.find((s: { name: string }) => s.name === 'reports/deliberately-failing');
  const step = failing.steps[1];
  t.ok(step.attempts.length >= 2, `every attempt of the retried step (${step.attempts.length})`);
  t.match(step.attempts.at(-1).explanation, { decisions: [{ action: 's3:ListAllMyBuckets', allowed: false }] }, 'the policy explanation of the denial');
  t.match(step.failure.pos, { file: /run-a\/denied\.yaml$/, line: 15, column: 5 });
  const files = report.scenarios.map((s: { file: string }) => s.file);
  t.same(files, [...files].sort(), 'selection (file) order, whatever the completion order (2 jobs)');
});
