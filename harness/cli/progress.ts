// Progress while a run goes: one rewritten status line on a terminal, plain lines otherwise (CI logs).
import type { ScenarioResult, Status } from '../result.js';
import type { RunEvent } from '../run/runner.js';

export interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
}

const LABEL: Record<Status, string> = { passed: 'PASS ', failed: 'FAIL ', error: 'ERROR', skipped: 'SKIP ' };

export class Progress {
  private readonly running = new Set<string>();
  private readonly counts: Record<Status, number> = { passed: 0, failed: 0, error: 0, skipped: 0 };
  private done = 0;

  constructor(
    private readonly out: Out,
    private readonly total: number,
    private readonly color = !!out.isTTY && !process.env.NO_COLOR,
  ) {}

  onEvent = (e: RunEvent): void => {
    if (e.type === 'start') {
      this.running.add(e.scenario.name);
    } else {
      this.running.delete(e.scenario.name);
      this.done++;
      this.counts[e.result.status]++;
      if (this.out.isTTY) {
        this.clearLine();
        if (e.result.status !== 'passed') this.out.write(`${this.line(e.result)}\n`);
        this.status();
      } else {
        this.out.write(`${this.line(e.result)}\n`);
      }
    }
    if (e.type === 'start' && this.out.isTTY) {
      this.clearLine();
      this.status();
    }
  };

  finish(): void {
    if (this.out.isTTY) this.clearLine();
  }

  private line(r: ScenarioResult): string {
    const label = paint(LABEL[r.status], r.status, this.color);
    const why = r.status === 'passed' ? '' : ` — ${oneLine(r.reason ?? '')}`;
    return `[${this.done}/${this.total}] ${label} ${r.name} (${seconds(r.durationMs)})${why}`;
  }

  private status(): void {
    const c = this.counts;
    const running = [...this.running].join(', ');
    const text = `[${this.done}/${this.total}] ${c.passed} passed, ${c.failed} failed, ${c.error} errors, ${c.skipped} skipped${running ? ` | running: ${running}` : ''}`;
    const width = (this.out as { columns?: number }).columns ?? 120;
    this.out.write(text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text);
  }

  private clearLine(): void {
    this.out.write('\r\x1b[K');
  }
}

export function paint(text: string, status: Status, color: boolean): string {
  if (!color) return text;
  const code = { passed: 32, failed: 31, error: 35, skipped: 33 }[status];
  return `\x1b[${code}m${text}\x1b[0m`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function oneLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 200 ? `${l.slice(0, 200)}…` : l;
}
