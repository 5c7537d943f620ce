// Small text views of the result model shared by the report writers: positions, durations, outcomes, an
// HTTP exchange as HTTP-like text, a policy explanation as lines. Pure functions of the RunResult.
import type { Attempt, HttpExchange, Outcome, SourcePos, StepResult } from '../harness/result.js';

export const bad = (status: string): boolean => status === 'failed' || status === 'error';

export const where = (p: SourcePos): string => `${p.file}:${p.line}:${p.column}`;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function stepLabel(s: Pick<StepResult, 'index' | 'id' | 'name' | 'service' | 'operation'>): string {
  return `step ${s.index + 1}${s.id ? ` "${s.id}"` : ''}: ${s.service} ${s.operation}${s.name ? ` (${s.name})` : ''}`;
}

export function outcomeText(o: Outcome): string {
  if (o.kind === 'success') return `success, HTTP ${o.status}`;
  if (o.kind === 'error') return `error ${o.code}, HTTP ${o.status}${o.message ? `: ${o.message}` : ''}`;
  return `no response: ${o.message}`;
}

export const lastAttempt = (s: StepResult): Attempt | undefined => s.attempts[s.attempts.length - 1];

function queryString(q: HttpExchange['request']['query']): string {
  const parts = Object.entries(q).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => (x === '' ? k : `${k}=${x}`)));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** An exchange excerpt the way recordings show it: request line, headers, body; status line, headers, body. */
export function exchangeText(x: HttpExchange): { request: string; response: string } {
  const headers = (h: Record<string, string>): string[] => Object.entries(h).map(([k, v]) => `${k}: ${v}`);
  const body = (b: HttpExchange['request']['body']): string[] =>
    b ? ['', b.text + (b.truncated ? `\n# … ${b.bytes !== undefined ? `${b.bytes} bytes in all` : 'cut'}` : '')] : [];
  const request = [`${x.request.method} ${x.request.path}${queryString(x.request.query)}`, ...headers(x.request.headers), ...body(x.request.body)].join('\n');
  const response = x.response
    ? [`HTTP ${x.response.status}`, ...headers(x.response.headers), ...body(x.response.body)].join('\n')
    : `no response${x.error ? `: ${x.error}` : ''}`;
  return { request, response };
}

export interface DecisionView {
  summary: string;
  facts: Array<[string, string]>;
  because: Array<{ policy: string; statement: string; effect: string; reason: string }>;
}

/**
 * The reference's policy explanation (`{decisions: [...]}` from GET /_reference/decisions) as views; undefined
 * when the shape is not known (the caller then shows it as JSON).
 */
export function decisions(explanation: unknown): DecisionView[] | undefined {
  const list = (explanation as { decisions?: unknown })?.decisions;
  if (!Array.isArray(list)) return undefined;
  const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return list.map((d: Record<string, unknown>) => ({
    summary: str(d.summary) || (d.allowed ? 'allowed' : 'denied'),
    facts: (['principal', 'action', 'resource', 'blockedBy'] as const).filter((k) => d[k] !== undefined).map((k) => [k, str(d[k])] as [string, string]),
    because: (Array.isArray(d.because) ? d.because : []).map((b: Record<string, unknown>) => ({
      policy: str(b.policy),
      statement: str(b.statement),
      effect: str(b.effect),
      reason: str(b.reason),
    })),
  }));
}
