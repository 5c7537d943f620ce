// Retry-until: attempts until the expectation holds within the bound, every attempt kept, the last one
// deciding; final checks and unrunnable steps fail at once. Time is simulated (no real waiting).
import t from 'tap';
import { evaluate } from '../../harness/run/assertions.js';
import type { ScenarioContext } from '../../harness/run/context.js';
import { runStep } from '../../harness/run/retry.js';
import type { Attempt, Outcome } from '../../harness/result.js';
import type { Step } from '../../harness/scenario/model.js';
import { loadScenarioText } from '../../harness/scenario/load.js';

function step(extra: string): Step {
  return loadScenarioText(`name: r\nsteps:\n  - as: admin\n    s3: ListBuckets\n${extra}`, 'r.yaml').steps[0]!;
}

const DENIED: Outcome = { kind: 'error', status: 403, code: 'AccessDenied', message: '', fields: {} };
const OK: Outcome = { kind: 'success', status: 200, output: { Buckets: [] } };
const NO_SUCH: Outcome = { kind: 'error', status: 404, code: 'NoSuchBucket', message: '', fields: {} };

/** Replays outcomes in order (the last one repeats) on a simulated clock; each attempt takes 100 ms. */
function harness(outcomes: Outcome[]) {
  let now = 0;
  const sleeps: number[] = [];
  const attempt = async (s: Step, _ctx: ScenarioContext, n: number): Promise<Attempt> => {
    const outcome = outcomes[Math.min(n - 1, outcomes.length - 1)]!;
    now += 100;
    const unrunnable = outcome.kind === 'broken' && outcome.message.startsWith('cannot run');
    return {
      number: n,
      startedAt: new Date(now).toISOString(),
      durationMs: 100,
      input: {},
      outcome,
      checks: unrunnable ? [] : evaluate(s.expect, outcome, (v) => v),
      exchanges: [],
    };
  };
  const sleep = async (ms: number): Promise<void> => {
    sleeps.push(ms);
    now += ms;
  };
  return { opts: { attempt, sleep, now: () => now }, sleeps, ctx: {} as ScenarioContext };
}

t.test('retries until the expectation holds; every attempt is kept', async (t) => {
  const h = harness([DENIED, DENIED, OK]);
  const r = await runStep(step('    retry: { until: 10s, every: 500ms }\n'), h.ctx, h.opts);
  t.equal(r.status, 'passed');
  t.same(r.attempts.map((a) => a.outcome.kind), ['error', 'error', 'success']);
  t.same(r.attempts.map((a) => a.number), [1, 2, 3]);
  t.same(h.sleeps, [500, 500]);
  t.notOk(r.failure);
});

t.test('gives up at the bound; the last attempt decides', async (t) => {
  const h = harness([DENIED]);
  const r = await runStep(step('    retry: { until: 3s, every: 1s }\n'), h.ctx, h.opts);
  t.equal(r.status, 'failed');
  t.equal(r.attempts.length, 3, 'attempts at 0.1 s, 1.2 s, 2.3 s; the next would start after 3 s');
  t.match(r.failure?.message, /expected success, got error AccessDenied \(403\) \(after 3 attempts\)/);
  t.same(r.failure?.pos, { file: 'r.yaml', line: 3, column: 5 }, 'the position of the failing check');
});

t.test('without retry there is one attempt', async (t) => {
  const h = harness([DENIED, OK]);
  const r = await runStep(step(''), h.ctx, h.opts);
  t.equal(r.status, 'failed');
  t.equal(r.attempts.length, 1);
  t.same(h.sleeps, []);
});

t.test('a failing final check ends the step at once', async (t) => {
  const h = harness([NO_SUCH, OK]);
  const s = step('    retry: { until: 30s, every: 1s }\n    expect:\n      error: { equals: AccessDenied, final: true }\n');
  const r = await runStep(s, h.ctx, h.opts);
  t.equal(r.status, 'failed');
  t.equal(r.attempts.length, 1, 'NoSuchBucket can never become AccessDenied: no second attempt');
  const h2 = harness([NO_SUCH, DENIED]);
  const whole = await runStep(step('    retry: { until: 30s, every: 1s }\n    expect: { error: AccessDenied, final: true }\n'), h2.ctx, h2.opts);
  t.equal(whole.attempts.length, 1, 'expect: { final: true } never retries');
});

t.test('final: [outcome] waits on a field but stops at the first error', async (t) => {
  const statsOf = (n: number): Outcome => ({ kind: 'success', status: 200, output: { stats: { num_objects: n } } });
  const s = step('    retry: { until: 30s, every: 1s }\n    expect:\n      final: [outcome]\n      stats.num_objects: 2\n');
  const waits = harness([statsOf(0), statsOf(1), statsOf(2)]);
  const r = await runStep(s, waits.ctx, waits.opts);
  t.equal(r.status, 'passed');
  t.equal(r.attempts.length, 3, 'a field not there yet is waited for');
  const errs = harness([statsOf(0), NO_SUCH, statsOf(2)]);
  const r2 = await runStep(s, errs.ctx, errs.opts);
  t.equal(r2.status, 'failed');
  t.equal(r2.attempts.length, 2, 'an error ends the wait');
  t.throws(() => step('    expect:\n      final: [stats.num_object]\n      stats.num_objects: 2\n'), /final lists "stats.num_object".*did you mean "stats.num_objects"/);
});

t.test('non-final checks keep retrying while final ones hold', async (t) => {
  const h = harness([DENIED, DENIED, OK]);
  const s = step('    retry: { until: 30s, every: 1s }\n    expect:\n      status: 200\n      Buckets: { exists: true, final: false }\n');
  const r = await runStep(s, h.ctx, h.opts);
  t.equal(r.status, 'passed');
  t.equal(r.attempts.length, 3);
});

t.test('a step that cannot be run breaks (error) without retrying', async (t) => {
  const h = harness([{ kind: 'broken', message: 'cannot run this step: ${steps.x.Credentials}: step x has no output' }]);
  const r = await runStep(step('    retry: { until: 30s, every: 1s }\n'), h.ctx, h.opts);
  t.equal(r.status, 'error');
  t.equal(r.attempts.length, 1);
  t.match(r.failure?.message, /step x has no output/);
});

t.test('a request with no response is retried; if it never answers the step is an error', async (t) => {
  const h = harness([{ kind: 'broken', message: 'connect ECONNREFUSED' }]);
  const r = await runStep(step('    retry: { until: 2s, every: 1s }\n'), h.ctx, h.opts);
  t.equal(r.status, 'error');
  t.equal(r.attempts.length, 2);
  t.match(r.failure?.message, /ECONNREFUSED/);
});

t.test('a scenario-level retry applies to every step unless the step says retry: false', async (t) => {
  const s = loadScenarioText('name: r\nretry: { until: 5s }\nsteps:\n  - { as: admin, s3: ListBuckets }\n  - { as: admin, s3: ListBuckets, retry: false }\n', 'r.yaml').steps;
  t.same(s[0]!.retry, { untilMs: 5000, everyMs: 1000 });
  t.equal(s[1]!.retry, undefined);
});
