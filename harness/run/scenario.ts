// One scenario execution: requirements → setup → steps (stop at the first failure; the rest are skipped)
// → teardown (always). Produces a ScenarioResult; never throws.
import type { ScenarioResult, StepResult, Status } from '../result.js';
import type { Scenario } from '../scenario/model.js';
import type { Target } from '../targets/target.js';
import { ScenarioContext } from './context.js';
import { newRunId } from './names.js';
import { Phase } from './phase.js';
import { emptyStepResult, realSleep, runStep, type Sleep } from './retry.js';
import { runSetup } from './setup.js';
import { runTeardown } from './teardown.js';

/**
 * Puts something (e.g. a recording proxy) between a scenario's clients and the target. `open` gets the
 * context before any request is made (its `secrets` and `names` redact and normalise what it records; each
 * request carries TRACE_HEADER "runId/stepIndex/attempt", or "runId/setup" / "runId/teardown").
 */
export interface Transport {
  open(info: { scenario: Scenario; runId: string; ctx: ScenarioContext }): Promise<{ endpoint: string; close(): Promise<void> }>;
}

export interface ScenarioRunOptions {
  sleep?: Sleep;
  transport?: Transport;
}

export async function runScenario(scenario: Scenario, target: Target, opts: ScenarioRunOptions = {}): Promise<ScenarioResult> {
  const sleep = opts.sleep ?? realSleep;
  const startedAt = new Date();
  const t0 = performance.now();
  const runId = newRunId();
  const base = {
    name: scenario.name,
    file: scenario.file,
    description: scenario.description,
    tags: scenario.tags,
    requires: scenario.requires,
    runId,
    startedAt: startedAt.toISOString(),
  };
  const unmet = scenario.requires.filter((c) => !target.capabilities.has(c));
  if (unmet.length > 0) {
    return {
      ...base,
      status: 'skipped',
      reason: `target ${target.name} does not support: ${unmet.join(', ')}`,
      durationMs: 0,
      names: { accounts: {}, users: {}, buckets: {} },
      setup: { status: 'skipped', durationMs: 0, actions: [] },
      steps: scenario.steps.map((s) => skippedStep(s, 'not run: requirements not met')),
      teardown: { status: 'skipped', durationMs: 0, actions: [] },
    };
  }

  const ctx = new ScenarioContext(target, scenario, runId);
  const opened = opts.transport ? await opts.transport.open({ scenario, runId, ctx }).catch((err: Error) => err) : undefined;
  if (opened instanceof Error) return brokenBeforeStart(base, scenario, `transport: ${opened.message}`, t0);
  if (opened) {
    ctx.endpoint = opened.endpoint;
    ctx.recorder.traceEnabled = true;
  }
  const setup = new Phase(ctx.secrets, ctx.names);
  const teardown = new Phase(ctx.secrets, ctx.names);
  const steps: StepResult[] = [];
  let reason: string | undefined;
  let status: Status = 'passed';
  try {
    let setupOk = true;
    try {
      await runSetup(ctx, setup, sleep);
    } catch {
      setupOk = false;
      status = 'error';
      reason = `setup failed: ${setup.firstError() ?? 'unknown error'}`;
    }
    for (const step of scenario.steps) {
      if (!setupOk || status !== 'passed') {
        steps.push(skippedStep(step, setupOk ? 'not run: an earlier step did not pass' : 'not run: setup failed'));
        continue;
      }
      const r = await runStep(step, ctx, { sleep });
      steps.push(r);
      if (r.status !== 'passed') {
        status = r.status;
        const where = `${r.failure?.pos.file}:${r.failure?.pos.line}:${r.failure?.pos.column}`;
        reason = `step ${step.index + 1} (${step.service} ${step.operation}) ${r.status === 'failed' ? 'failed' : 'broke'} at ${where}: ${r.failure?.message ?? ''}`;
      }
    }
  } catch (err) {
    status = 'error';
    reason = `harness error: ${ctx.names.logical(ctx.secrets.text((err as Error).stack ?? String(err)))}`;
  } finally {
    await runTeardown(ctx, teardown).catch((err: Error) => teardown.actions.push({ description: 'teardown', ok: false, durationMs: 0, error: { message: err.message } }));
    await ctx.close();
    await opened?.close().catch(() => undefined);
  }
  const teardownResult = teardown.result();
  if (teardownResult.status === 'error' && status === 'passed') {
    status = 'error';
    reason = `teardown failed (left resources behind): ${teardown.firstError() ?? ''}`;
  }
  return {
    ...base,
    status,
    reason,
    durationMs: Math.round(performance.now() - t0),
    names: { accounts: ctx.names.entries('accounts'), users: ctx.names.entries('users'), buckets: ctx.names.entries('buckets') },
    setup: setup.result(),
    steps,
    teardown: teardownResult,
  };
}

function skippedStep(step: Scenario['steps'][number], why: string): StepResult {
  return { ...emptyStepResult(step, 'skipped'), failure: { message: why, pos: step.pos } };
}

function brokenBeforeStart(base: Omit<ScenarioResult, 'status' | 'durationMs' | 'names' | 'setup' | 'steps' | 'teardown'>, scenario: Scenario, reason: string, t0: number): ScenarioResult {
  return {
    ...base,
    status: 'error',
    reason,
    durationMs: Math.round(performance.now() - t0),
    names: { accounts: {}, users: {}, buckets: {} },
    setup: { status: 'skipped', durationMs: 0, actions: [] },
    steps: scenario.steps.map((s) => skippedStep(s, 'not run')),
    teardown: { status: 'skipped', durationMs: 0, actions: [] },
  };
}
