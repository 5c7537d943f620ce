// Run the CLI from source as a child process (node --import tsx reference/cli-main.ts ...), the way an operator
// or a CI job runs `npx rgw-conformance`, without depending on a fresh dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = ['--import', 'tsx', 'reference/cli-main.ts'];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Running {
  url: string;
  child: ChildProcess;
  /** stdout lines so far */
  lines: string[];
  stderr(): string;
  exited: Promise<Exit>;
  /** Send the signal and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

function launch(args: string[]): { child: ChildProcess; lines: string[]; stderr: () => string; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, lines, stderr: () => err, exited };
}

/** Run a command to completion. */
export async function runCli(args: string[]): Promise<Exit & { stdout: string[]; stderr: string }> {
  const p = launch(args);
  const exit = await p.exited;
  await new Promise((r) => setImmediate(r));
  return { ...exit, stdout: p.lines, stderr: p.stderr() };
}

/** Start `gateway ...` and resolve once it prints its listening line (reject if it exits first). */
export async function startCliGateway(args: string[]): Promise<Running> {
  const p = launch(['gateway', ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 20 s; stderr: ${p.stderr()}`)), 20_000);
    const check = setInterval(() => {
      const m = p.lines.map((l) => /^listening on (http:\/\/\S+)$/.exec(l)).find(Boolean);
      if (m) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(m[1]!);
      }
    }, 10);
    void p.exited.then((e) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`gateway exited (${e.code ?? e.signal}) before listening: ${p.stderr()}`));
    });
  });
  return {
    url,
    ...p,
    async stop(signal = 'SIGTERM') {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
      return p.exited;
    },
  };
}
