// Benchmark targets: the reference gateway as a separate process (so the load generator never shares its
// event loop) and, when /tmp/rgw/creds.json exists, the real RGW of ../shared/rgw/, side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface Target {
  name: string;
  endpoint: string;
  region: string;
  /** A user that may create buckets (classic user). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  pid?: number;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RGW_CREDS = process.env.RGW_CREDS ?? '/tmp/rgw/creds.json';

/** Start `rgw-conformance gateway --port 0` and resolve once it prints its listening line. */
export async function startReferenceProcess(extraArgs: string[] = []): Promise<Target & { startupMs: number; child: ChildProcess }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [`${ROOT}/bin/rgw-conformance.js`, 'gateway', '--port', '0', '--admin-access-key', 'BENCHADMINKEY0000000', '--admin-secret-key', 'bench-admin-secret-key-000000000000000000', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /^listening on (\S+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
  });
  const startupMs = performance.now() - t0;
  return {
    name: 'reference',
    endpoint: url,
    region: 'default',
    credentials: { accessKeyId: 'BENCHADMINKEY0000000', secretAccessKey: 'bench-admin-secret-key-000000000000000000' },
    pid: child.pid,
    startupMs,
    child,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The real RGW started by ../shared/rgw/start.sh, if it is running. */
export function realRgw(): Target | undefined {
  if (!existsSync(RGW_CREDS)) return undefined;
  const creds = JSON.parse(readFileSync(RGW_CREDS, 'utf8')) as {
    endpoint: string;
    region: string;
    classic: { accessKeyId: string; secretAccessKey: string };
  };
  return { name: 'rgw', endpoint: creds.endpoint, region: creds.region, credentials: creds.classic, close: async () => {} };
}

export async function rgwReachable(t: Target): Promise<boolean> {
  try {
    await fetch(t.endpoint, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}
