// Expectations against outcomes: success vs error, status, field checks by path, every matcher operator, and
// the positions each check reports.
import t from 'tap';
import { evaluate, looseEqual, match } from '../../harness/run/assertions.js';
import { getPath, parsePath } from '../../harness/run/paths.js';
import type { Outcome } from '../../harness/result.js';
import type { Expectation } from '../../harness/scenario/model.js';
import { loadScenarioText } from '../../harness/scenario/load.js';

/** Compile `expect:` maps with the real loader (line 5 is the first step's expect). */
function expectations(...expects: string[]): Expectation[] {
  const steps = expects.map((e) => `  - as: admin\n    s3: ListBuckets\n    expect: ${e}\n`).join('');
  return loadScenarioText(`name: a\nsteps:\n${steps}`, 'a.yaml').steps.map((s) => s.expect);
}
const one = (e: string): Expectation => expectations(e)[0]!;
const resolveNothing = (v: unknown): unknown => v;

const ok = (output: unknown, status = 200): Outcome => ({ kind: 'success', status, output });
const err = (code: string, status: number, message = '', fields: Record<string, unknown> = {}): Outcome => ({ kind: 'error', status, code, message, fields });

const LIST = ok({
  Buckets: [
    { Name: 'backups', CreationDate: '2026-01-01T00:00:00.000Z' },
    { Name: 'logs', CreationDate: '2026-01-02T00:00:00.000Z' },
  ],
  Owner: { ID: 'RGW00000000000000042', DisplayName: 'team' },
  MaxSessionDuration: 3600,
});

const failures = (e: Expectation, o: Outcome): string[] => evaluate(e, o, resolveNothing).filter((c) => !c.ok).map((c) => c.message ?? '');

t.test('success is expected unless an error is named', async (t) => {
  t.same(failures(one('{}'), LIST), []);
  t.same(failures(one('{}'), err('AccessDenied', 403)), ['expected success, got error AccessDenied (403)']);
  t.same(failures(one('{}'), { kind: 'broken', message: 'connect ECONNREFUSED' }), ['expected success, got no response (connect ECONNREFUSED)']);
  t.same(failures(one('{ status: 204 }'), ok({}, 204)), []);
  t.same(failures(one('{ status: 204 }'), ok({}, 200)), ['expected HTTP status 204, got 200']);
});

t.test('errors by code and status', async (t) => {
  const e = one('{ error: AccessDenied, status: 403 }');
  t.same(failures(e, err('AccessDenied', 403)), []);
  t.same(failures(e, err('NoSuchBucket', 404)), ['expected error "AccessDenied", got error NoSuchBucket (404)', 'expected HTTP status 403, got 404']);
  t.same(failures(e, LIST), ['expected error "AccessDenied", got success (200)', 'expected HTTP status 403, got 200']);
  t.same(failures(one('{ error: "/^(AccessDenied|InvalidAccessKeyId)$/" }'), err('InvalidAccessKeyId', 403)), [], 'a /regex/ error');
  t.same(failures(one('{ error: AccessDenied, message: "/missing s3:GetObject/" }'), err('AccessDenied', 403, 'missing s3:GetObject permission')), []);
  t.same(failures(one('{ error: NoSuchBucket, BucketName: backups }'), err('NoSuchBucket', 404, '', { BucketName: 'backups' })), [], "an error's fields");
  t.same(failures(one('{ error: NoSuchBucket, Code: NoSuchBucket }'), err('NoSuchBucket', 404)), [], 'the error Code is a field too');
});

t.test('field checks by path', async (t) => {
  t.same(failures(one('{ Owner.ID: RGW00000000000000042 }'), LIST), []);
  t.same(failures(one('{ Owner.ID: RGW1 }'), LIST), ['Owner.ID: expected "RGW1", got "RGW00000000000000042"']);
  t.same(failures(one('{ "Buckets[1].Name": logs, Buckets.0.Name: backups }'), LIST), []);
  t.same(failures(one('{ "Buckets[*].Name": [backups, logs] }'), LIST), [], 'a projection is a list');
  t.same(failures(one('{ Owner.Nope: x }'), LIST), ['Owner.Nope: expected "x", got (absent)']);
  t.same(failures(one('{ MaxSessionDuration: "3600" }'), LIST), [], 'numbers and numeric strings compare equal');
  t.same(failures(one('{ fields: { status: x } }'), ok({ status: 'x' })), [], 'fields: reaches names expect reserves');
});

t.test('matcher operators', async (t) => {
  const cases: Array<[string, boolean]> = [
    ['{ Owner.ID: "/^RGW\\\\d{17}$/" }', true],
    ['{ Owner.ID: { matches: "^RGW[0-9]{17}$" } }', true],
    ['{ Owner.ID: { matches: "^AKIA" } }', false],
    ['{ Buckets: { length: 2 } }', true],
    ['{ Buckets: { length: 3 } }', false],
    ['{ Owner.DisplayName: { length: 4 } }', true],
    ['{ Owner: { exists: true } }', true],
    ['{ Owner.Nope: { exists: false } }', true],
    ['{ Owner: { exists: false } }', false],
    ['{ "Buckets[*].Name": { contains: logs } }', true],
    ['{ "Buckets[*].Name": { contains: nope } }', false],
    ['{ Buckets: { contains: { Name: logs } } }', true],
    ['{ Owner.DisplayName: { contains: ea } }', true],
    ['{ Owner: { equals: { ID: RGW00000000000000042, DisplayName: team } } }', true],
    ['{ Owner: { equals: { ID: RGW00000000000000042 } } }', false],
    ['{ Buckets: { length: 2, contains: { Name: backups } } }', true],
  ];
  const exps = expectations(...cases.map(([e]) => e));
  cases.forEach(([e, want], i) => t.equal(failures(exps[i]!, LIST).length === 0, want, e));
});

t.test('ARN matcher: a pattern or parts', async (t) => {
  const o = ok({ AssumedRoleUser: { Arn: 'arn:aws:sts::RGW00000000000000042:assumed-role/backup-reader/testbr' } });
  const cases: Array<[string, boolean]> = [
    ['{ AssumedRoleUser.Arn: { arn: "arn:aws:sts::*:assumed-role/backup-reader/*" } }', true],
    ['{ AssumedRoleUser.Arn: { arn: "arn:aws:sts::RGW?????????????????:assumed-role/*" } }', true],
    ['{ AssumedRoleUser.Arn: { arn: "arn:aws:iam::*:role/*" } }', false],
    ['{ AssumedRoleUser.Arn: { arn: { service: sts, account: "RGW*", resource: "assumed-role/*/testbr" } } }', true],
    ['{ AssumedRoleUser.Arn: { arn: { service: iam } } }', false],
  ];
  const exps = expectations(...cases.map(([e]) => e));
  cases.forEach(([e, want], i) => t.equal(failures(exps[i]!, o).length === 0, want, e));
});

t.test('checks carry their source positions and finality', async (t) => {
  const e = one('{ error: AccessDenied, status: 403, Code: { equals: AccessDenied, final: true } }');
  const checks = evaluate(e, err('AccessDenied', 403), resolveNothing);
  t.same(checks.map((c) => [c.subject, c.pos.line, c.pos.column, c.final]), [
    ['outcome', 5, 22, false], // the error's value
    ['status', 5, 44, false], // the status's value
    ['Code', 5, 49, true], // a field check's key
  ]);
  const all = one('{ error: AccessDenied, final: true }');
  t.ok(evaluate(all, LIST, resolveNothing).every((c) => c.final), 'final: true makes every check final');
});

t.test('expected values are resolved before comparing', async (t) => {
  const e = one('{ Owner.ID: "${run.id}" }');
  const checks = evaluate(e, LIST, (v) => (v === '${run.id}' ? 'RGW00000000000000042' : v));
  t.ok(checks.every((c) => c.ok));
});

t.test('paths and equality helpers', async (t) => {
  t.same(parsePath('A.B[0].C'), ['A', 'B', 0, 'C']);
  t.same(parsePath('$[*].user'), ['*', 'user']);
  t.same(parsePath('$'), []);
  t.throws(() => parsePath('A[x]'));
  t.same(getPath({ a: [{ b: 1 }, { c: 2 }, { b: 3 }] }, parsePath('a[*].b')), { found: true, value: [1, 3] });
  t.same(getPath({ a: 1 }, parsePath('b')), { found: false, value: undefined });
  t.ok(looseEqual({ a: [1, '2'] }, { a: ['1', 2] }));
  t.notOk(looseEqual(null, undefined));
  t.equal(match('x', { found: false, value: undefined }, resolveNothing).ok, false);
});
