// Runs many scenarios against one target with at most `jobs` at a time, and assembles the RunResult.
// Results keep the selection order whatever the completion order, so reports are stable.
import { readFileSync } from 'node:fs';
import { RESULT_SCHEMA_VERSION, summarize, type RunResult, type ScenarioResult } from '../result.js';
import type { Scenario } from '../scenario/model.js';
import type { Target } from '../targets/target.js';
import { runScenario, type ScenarioRunOptions } from './scenario.js';

export type RunEvent =
  | { type: 'start'; scenario: Scenario; index: number; total: number }
  | { type: 'end'; scenario: Scenario; result: ScenarioResult; index: number; total: number };

export interface RunOptions extends ScenarioRunOptions {
  jobs?: number;
  onEvent?: (e: RunEvent) => void;
  /** Recorded in the result (how the scenarios were selected). */
  selection?: { tags: string[]; grep?: string; files: string[] };
}

export async function runScenarios(scenarios: Scenario[], target: Target, opts: RunOptions = {}): Promise<RunResult> {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  const startedAt = new Date();
  const t0 = performance.now();
  const results: ScenarioResult[] = new Array<ScenarioResult>(scenarios.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < scenarios.length) {
      const index = next++;
      const scenario = scenarios[index]!;
      opts.onEvent?.({ type: 'start', scenario, index, total: scenarios.length });
      const result = await runIsolatedIfNeeded(scenario, target, opts);
      results[index] = result;
      opts.onEvent?.({ type: 'end', scenario, result, index, total: scenarios.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, scenarios.length) }, worker));
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'rgw-conformance', version: toolVersion() },
    target: {
      name: target.name,
      endpoint: target.endpoint,
      region: target.region,
      capabilities: [...target.capabilities].sort(),
      description: target.description,
    },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - t0),
    options: { jobs, tags: opts.selection?.tags ?? [], grep: opts.selection?.grep, files: opts.selection?.files ?? [] },
    summary: summarize(results),
    scenarios: results,
  };
}

/**
 * A scenario that moves the target's clock runs on a target of its own when the target can make one, so
 * the scenarios running beside it (and after it) keep a clock their clients agree with.
 */
async function runIsolatedIfNeeded(scenario: Scenario, target: Target, opts: ScenarioRunOptions): Promise<ScenarioResult> {
  if (!scenario.requires.includes('clock') || !target.capabilities.has('clock') || !target.isolated) return runScenario(scenario, target, opts);
  const own = await target.isolated();
  try {
    return await runScenario(scenario, own, opts);
  } finally {
    await own.close();
  }
}

function toolVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rgw-conformance' && pkg.version) return pkg.version;
    } catch {
      // try the next location (source tree vs dist/)
    }
  }
  return '0.0.0';
}
