// Setup and teardown as lists of described actions, each timed and either ok or failed.
import { AdminOpsError } from '../admin-client.js';
import type { ActionResult, ErrorInfo, PhaseResult } from '../result.js';
import type { Secrets } from '../redact.js';
import type { NameBook } from './names.js';

export class Phase {
  private readonly started = performance.now();
  readonly actions: ActionResult[] = [];

  constructor(
    private readonly secrets: Secrets,
    private readonly names: NameBook,
  ) {}

  /** Run an action; a failure is recorded and rethrown (setup stops at the first failure). */
  async run<T>(description: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      const v = await fn();
      this.actions.push({ description: this.clean(description), ok: true, durationMs: Math.round(performance.now() - t0) });
      return v;
    } catch (err) {
      this.actions.push({ description: this.clean(description), ok: false, durationMs: Math.round(performance.now() - t0), error: this.errorInfo(err) });
      throw err;
    }
  }

  /** Run an action; a failure is recorded and swallowed (teardown carries on). */
  async attempt(description: string, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await this.run(description, fn);
      return true;
    } catch {
      return false;
    }
  }

  result(skipped = false): PhaseResult {
    const failed = this.actions.some((a) => !a.ok);
    return { status: skipped ? 'skipped' : failed ? 'error' : 'passed', durationMs: Math.round(performance.now() - this.started), actions: this.actions };
  }

  firstError(): string | undefined {
    const a = this.actions.find((x) => !x.ok);
    return a ? `${a.description}: ${a.error?.message ?? 'failed'}` : undefined;
  }

  private clean(s: string): string {
    return this.names.logical(this.secrets.text(s));
  }

  private errorInfo(err: unknown): ErrorInfo {
    const e = err as { name?: string; message?: string; code?: string; status?: number; $metadata?: { httpStatusCode?: number } };
    const code = err instanceof AdminOpsError ? err.code : e?.$metadata ? e.name : undefined;
    const status = err instanceof AdminOpsError ? err.status : e?.$metadata?.httpStatusCode;
    const message = this.clean(e?.message && e.message !== 'UnknownError' ? e.message : code ?? String(err));
    return { message: code && !message.includes(code) ? `${code}: ${message}` : message, code, status };
  }
}

export function errorCode(err: unknown): string | undefined {
  if (err instanceof AdminOpsError) return err.code;
  const e = err as { name?: string; Code?: string; $metadata?: unknown };
  return e && typeof e === 'object' && e.$metadata ? (e.Code ?? e.name) : undefined;
}
