// Retry-until, owned by the runner (executors never retry): attempt, check, and try again every `every`
// until the checks hold or `until` has passed. Every attempt is kept; the last one decides. A failing check
// marked final ends the step at once (retrying cannot help), and so does a step that could not be run.
import type { StepResult } from '../result.js';
import type { Step } from '../scenario/model.js';
import type { ScenarioContext } from './context.js';
import { attemptStep } from './step.js';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A step's result before any attempt: its identity in the scenario, no attempts yet. */
export function emptyStepResult(step: Step, status: StepResult['status']): StepResult {
  return {
    index: step.index,
    id: step.id,
    name: step.name,
    pos: step.pos,
    identity: step.as,
    service: step.service,
    operation: step.operation,
    status,
    durationMs: 0,
    attempts: [],
  };
}

export type AttemptFn = (step: Step, ctx: ScenarioContext, n: number) => ReturnType<typeof attemptStep>;

export async function runStep(step: Step, ctx: ScenarioContext, opts: { sleep?: Sleep; attempt?: AttemptFn; now?: () => number } = {}): Promise<StepResult> {
  const sleep = opts.sleep ?? realSleep;
  const attemptFn = opts.attempt ?? attemptStep;
  const now = opts.now ?? Date.now;
  const started = now();
  const deadline = started + (step.retry?.untilMs ?? 0);
  const result = emptyStepResult(step, 'error');
  for (let n = 1; ; n++) {
    const attempt = await attemptFn(step, ctx, n);
    result.attempts.push(attempt);
    const failing = attempt.checks.filter((c) => !c.ok);
    const unrunnable = attempt.outcome.kind === 'broken' && attempt.checks.length === 0;
    if (!unrunnable && failing.length === 0) {
      result.status = 'passed';
      break;
    }
    const more = step.retry && !unrunnable && !failing.some((c) => c.final) && now() + step.retry.everyMs <= deadline;
    if (!more) {
      if (unrunnable || attempt.outcome.kind === 'broken') {
        result.status = 'error';
        result.failure = { message: attempt.outcome.kind === 'broken' ? attempt.outcome.message : 'broken', pos: step.pos };
      } else {
        result.status = 'failed';
        const first = failing[0]!;
        const tries = result.attempts.length > 1 ? ` (after ${result.attempts.length} attempts)` : '';
        result.failure = { message: `${first.message ?? 'check failed'}${tries}`, pos: first.pos };
      }
      break;
    }
    await sleep(step.retry!.everyMs);
  }
  result.durationMs = Math.round(now() - started);
  return result;
}
