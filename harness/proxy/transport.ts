// `run --record DIR`: one recording proxy per scenario execution, in front of the target, sharing the
// scenario's secret registry and name book, so everything the runner marks secret is redacted and run-unique
// names are written as the scenario's logical names. Files:
//
//   DIR/<scenario name>/00-setup.http        every setup request
//   DIR/<scenario name>/01-<step id>.http    the step's requests, every attempt (id, else service-Operation)
//   DIR/<scenario name>/NN-teardown.http     every teardown request
//
// The runner sends TRACE_HEADER "runId/setup", "runId/teardown" or "runId/stepIndex/attempt" on each request.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transport } from '../run/scenario.js';
import type { Scenario } from '../scenario/model.js';
import { fileSafe, startRecordingProxy } from './recording-proxy.js';

export interface RecordingTransportOptions {
  dir: string;
  bodyLimit?: number;
}

export function createRecordingTransport(opts: RecordingTransportOptions): Transport {
  return {
    async open({ scenario, runId, ctx }) {
      const root = scenarioDir(opts.dir, scenario.name);
      await removeRecordings(root);
      let last: string | undefined;
      const proxy = await startRecordingProxy({
        target: ctx.target.endpoint,
        dir: root,
        bodyLimit: opts.bodyLimit,
        secrets: ctx.secrets,
        rewrite: (s) => ctx.names.logical(s),
        // A request without a trace (a client the runner did not wrap) belongs with the request before it:
        // a scenario's requests are sequential.
        attribute: (trace) => {
          if (trace) last = trace;
          const where = attribute(trace ?? last, runId, scenario);
          return trace || !last ? where : { ...where, title: `${where.title} (untraced request)` };
        },
      });
      return { endpoint: proxy.url, close: () => proxy.close() };
    },
  };
}

/** DIR/<scenario name>, each '/'-separated part of the name made file-safe. */
export function scenarioDir(dir: string, name: string): string {
  return join(dir, ...name.split('/').filter(Boolean).map(fileSafe));
}

/** Recordings of an earlier run of this scenario (only *.http files directly in its directory). */
async function removeRecordings(root: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isFile() && e.name.endsWith('.http')).map((e) => rm(join(root, e.name), { force: true })));
}

export function attribute(trace: string | undefined, runId: string, scenario: Scenario): { file: string; title: string } {
  const width = Math.max(2, String(scenario.steps.length + 1).length);
  const pad = (n: number): string => String(n).padStart(width, '0');
  const [rid, what, attempt] = (trace ?? '').split('/');
  if (rid !== runId || !what) return { file: 'unattributed.http', title: `unattributed request${trace ? ` (${trace})` : ''}` };
  if (what === 'setup') return { file: `${pad(0)}-setup.http`, title: 'setup' };
  if (what === 'teardown') return { file: `${pad(scenario.steps.length + 1)}-teardown.http`, title: 'teardown' };
  const step = scenario.steps[Number(what)];
  if (!step) return { file: 'unattributed.http', title: `unattributed request (${trace})` };
  const n = step.index + 1;
  const label = step.id ?? `${step.service}-${step.operation}`;
  return {
    file: `${pad(n)}-${fileSafe(label)}.http`,
    title: `step ${n}${step.id ? ` "${step.id}"` : ''}: ${step.service} ${step.operation} as ${step.as} (attempt ${attempt ?? 1})`,
  };
}
