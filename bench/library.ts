// The scenario library end to end: against the reference with 1 and 4 jobs, with the recording proxy (its added
// time per request), and against the real RGW of ../shared/rgw/ for comparison. Runs the CLI from source.
// Usage: npx tsx bench/library.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './lib/table.js';
import { RGW_CREDS } from './lib/targets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  label: string;
  seconds: number;
  passed: number;
  total: number;
  requests: number;
}

function run(label: string, args: string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'rgwc-bench-'));
  const t0 = performance.now();
  spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}/reference/cli-main.ts`, 'run', '--report', dir, '--allow-skipped', ...args], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: 'ignore',
  });
  const seconds = (performance.now() - t0) / 1000;
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    summary: { passed: number; total: number };
    scenarios: { steps: { attempts: { exchanges: unknown[] }[] }[] }[];
  };
  const requests = report.scenarios.reduce((n, s) => n + s.steps.reduce((m, st) => m + st.attempts.reduce((k, a) => k + a.exchanges.length, 0), 0), 0);
  return { label, seconds, passed: report.summary.passed, total: report.summary.total, requests };
}

const runs = [run('reference, 1 job', ['--jobs', '1']), run('reference, 4 jobs', ['--jobs', '4'])];
const recorded = run('reference, 1 job, --record', ['--jobs', '1', '--record', mkdtempSync(join(tmpdir(), 'rgwc-rec-'))]);
runs.push(recorded);
if (existsSync(RGW_CREDS)) runs.push(run('real RGW, 4 jobs', ['--target', 'rgw', '--creds', RGW_CREDS, '--jobs', '4']));
printTable('Scenario library, wall-clock time of `rgw-conformance run` (includes process start-up)', ['run', 'seconds', 'passed/total', 'step requests'], runs.map((r) => [r.label, r.seconds, `${r.passed}/${r.total}`, r.requests]));
const base = runs[0]!;
const perRequest = ((recorded.seconds - base.seconds) * 1000) / Math.max(1, recorded.requests);
printTable('Recording proxy', ['added ms per step request (whole-run difference / requests)'], [[perRequest]]);
