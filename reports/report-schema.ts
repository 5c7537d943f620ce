// report.json's schema: the run result model (harness/result.ts) as zod types, checked against those
// TypeScript types at compile time (both directions, below), used by `compare` to refuse a file that is not
// a report, and the source of reports/schema/report.schema.json (`npx tsx reports/write-report-schema.ts`;
// suites/reports/json-schema.test.ts fails when the committed file is stale). Objects are strict: a field
// the schema does not know is a new schema version, not a silent addition.
import { z } from 'zod';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../harness/result.js';

const Iso = z.string().meta({ description: 'ISO 8601 date-time, UTC.' });
const Ms = z.number().int().nonnegative().meta({ description: 'Whole milliseconds.' });
const Status = z.enum(['passed', 'failed', 'error', 'skipped']);

const SourcePos = z
  .strictObject({ file: z.string(), line: z.number().int().positive(), column: z.number().int().positive() })
  .meta({ description: 'Where in a scenario file (1-based line and column).' });

const BodyExcerpt = z.strictObject({
  text: z.string().meta({ description: 'The first bytes as UTF-8, or "<stream>" / "<N bytes binary>".' }),
  bytes: z.number().int().nonnegative().optional().meta({ description: 'Total size, when known.' }),
  truncated: z.boolean(),
});

const HttpExchange = z.strictObject({
  request: z.strictObject({
    method: z.string(),
    path: z.string(),
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    headers: z.record(z.string(), z.string()),
    body: BodyExcerpt.optional(),
  }),
  response: z
    .strictObject({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: BodyExcerpt.optional() })
    .optional(),
  durationMs: Ms,
  error: z.string().optional().meta({ description: 'The transport error when there was no response.' }),
});

const Outcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('success'), status: z.number().int(), requestId: z.string().optional(), output: z.unknown() }),
  z.strictObject({
    kind: z.literal('error'),
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ kind: z.literal('broken'), message: z.string() }),
]);

const CheckResult = z.strictObject({
  pos: SourcePos,
  subject: z.string(),
  expected: z.string(),
  actual: z.string(),
  ok: z.boolean(),
  final: z.boolean(),
  message: z.string().optional(),
});

const Attempt = z.strictObject({
  number: z.number().int().positive(),
  startedAt: Iso,
  durationMs: Ms,
  input: z.unknown(),
  outcome: Outcome,
  checks: z.array(CheckResult),
  exchanges: z.array(HttpExchange),
  explanation: z.unknown().optional().meta({ description: 'Reference target only: GET /_reference/decisions for a denied request.' }),
});

const StepResult = z.strictObject({
  index: z.number().int().nonnegative(),
  id: z.string().optional(),
  name: z.string().optional(),
  pos: SourcePos,
  identity: z.string(),
  service: z.enum(['s3', 'iam', 'sts', 'admin', 'clock']),
  operation: z.string(),
  status: Status,
  durationMs: Ms,
  attempts: z.array(Attempt).meta({ description: 'Every attempt in order; the last one decides the status.' }),
  failure: z.strictObject({ message: z.string(), pos: SourcePos }).optional(),
});

const ErrorInfo = z.strictObject({ message: z.string(), code: z.string().optional(), status: z.number().int().optional() });
const ActionResult = z.strictObject({ description: z.string(), ok: z.boolean(), durationMs: Ms, error: ErrorInfo.optional() });
const PhaseResult = z.strictObject({ status: z.enum(['passed', 'error', 'skipped']), durationMs: Ms, actions: z.array(ActionResult) });
const Names = z.record(z.string(), z.string());

const ScenarioResult = z.strictObject({
  name: z.string(),
  file: z.string(),
  description: z.string().optional(),
  tags: z.array(z.string()),
  requires: z.array(z.string()),
  status: Status,
  reason: z.string().optional(),
  runId: z.string(),
  startedAt: Iso,
  durationMs: Ms,
  names: z.strictObject({ accounts: Names, users: Names, buckets: Names }),
  setup: PhaseResult,
  steps: z.array(StepResult),
  teardown: PhaseResult,
});

const Summary = z.strictObject({
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});

export const RunResultSchema = z
  .strictObject({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    tool: z.strictObject({ name: z.literal('rgw-conformance'), version: z.string() }),
    target: z.strictObject({
      name: z.string(),
      endpoint: z.string(),
      region: z.string(),
      capabilities: z.array(z.string()),
      description: z.string(),
    }),
    startedAt: Iso,
    finishedAt: Iso,
    durationMs: Ms,
    options: z.strictObject({ jobs: z.number().int().positive(), tags: z.array(z.string()), grep: z.string().optional(), files: z.array(z.string()) }),
    summary: Summary,
    scenarios: z.array(ScenarioResult),
  })
  .meta({
    title: 'rgw-conformance report.json',
    description: 'One conformance run: the target, every scenario with its setup, steps (every attempt) and teardown. Secrets are redacted; run-unique names are logical.',
  });

// The zod types and harness/result.ts describe the same thing: a change to one that the other lacks fails
// to compile here.
type Parsed = z.infer<typeof RunResultSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Parsed, RunResult> = true;
void sameShape;

export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:rgw-conformance:report:v' + String(RESULT_SCHEMA_VERSION),
    ...z.toJSONSchema(RunResultSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
