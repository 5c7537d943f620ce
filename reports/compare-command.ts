// `rgw-conformance compare A.json B.json [--report DIR]`: prints the Markdown comparison of two report.json
// files and, with --report, writes compare.md and compare.html into DIR. Exit 0 when the runs agree, 1 when
// they differ, 2 on bad input (usage, unreadable file, not a report of this schema version).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../harness/result.js';
import { compareRuns, differs } from './compare.js';
import { comparisonHtml, comparisonMarkdown } from './compare-render.js';
import { RunResultSchema } from './report-schema.js';

export const COMPARE_USAGE = `usage: rgw-conformance compare A.json B.json [--report DIR]

Compares two runs' report.json (reference vs RGW, yesterday vs today) scenario by scenario and step by
step: status, HTTP status, error code and response fields. Prints Markdown; --report DIR also writes
compare.md and compare.html. Exit 0 when the runs agree, 1 when they differ, 2 on bad input.
`;

export interface CompareIO {
  stdout?: { write(s: string): unknown };
  stderr?: { write(s: string): unknown };
}

class BadInput extends Error {}

/** Read and check one report.json; the message says which file and what is wrong with it. */
export async function loadReport(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new BadInput(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BadInput(`${path} is not JSON: ${(err as Error).message}`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (data === null || typeof data !== 'object' || !('scenarios' in data)) throw new BadInput(`${path} is not an rgw-conformance report.json (no "scenarios")`);
  if (version !== RESULT_SCHEMA_VERSION) throw new BadInput(`${path} has schemaVersion ${JSON.stringify(version)}; this rgw-conformance reads version ${RESULT_SCHEMA_VERSION}`);
  const parsed = RunResultSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `  at ${i.path.map(String).join('.') || '(top)'}: ${i.message}`);
    throw new BadInput(`${path} does not match the report schema (reports/schema/report.schema.json):\n${issues.join('\n')}`);
  }
  return parsed.data as RunResult;
}

export async function compareCommand(argv: string[], io: CompareIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { report: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    stderr.write(`rgw-conformance compare: ${(err as Error).message}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    stdout.write(COMPARE_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    stderr.write(`rgw-conformance compare: expected two report files, got ${parsed.positionals.length}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  let runs: RunResult[];
  try {
    runs = await Promise.all(parsed.positionals.map(loadReport));
  } catch (err) {
    if (!(err instanceof BadInput)) throw err;
    stderr.write(`rgw-conformance compare: ${err.message}\n`);
    return 2;
  }
  const c = compareRuns(runs[0]!, runs[1]!);
  const md = comparisonMarkdown(c);
  stdout.write(md);
  if (parsed.values.report) {
    const dir = parsed.values.report;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'compare.md'), md);
    await writeFile(join(dir, 'compare.html'), comparisonHtml(c));
    stdout.write(`\nwrote ${join(dir, 'compare.md')}, ${join(dir, 'compare.html')}\n`);
  }
  return differs(c) ? 1 : 0;
}
