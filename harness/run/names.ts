// Run-unique names. Each scenario execution gets a run id; accounts, user ids and buckets get real names
// `<logical>-<runId>`, so scenarios run in parallel and repeat on a long-lived RGW without clashing.
// Account users keep their logical name as display name (the IAM UserName, unique only in the fresh account),
// so principal ARNs read as written: arn:aws:iam::RGW...:user/backup-service.
//
// Responses and expectations are compared in logical terms: `logical()` replaces every real name by its
// logical name and any other occurrence of the run id by `${run.id}`, so results are stable across runs.
import { randomBytes } from 'node:crypto';

export type NameKind = 'accounts' | 'users' | 'buckets' | 'tenants';

export function newRunId(): string {
  // 8 characters of [a-z0-9]: valid in bucket names, account names and user ids.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

export class NameBook {
  private readonly real: Record<NameKind, Map<string, string>> = { accounts: new Map(), users: new Map(), buckets: new Map(), tenants: new Map() };
  private toLogical: Array<[string, string]> = [];

  constructor(readonly runId: string = newRunId()) {}

  /** The real name for a logical name (created on first use). */
  name(kind: NameKind, logical: string): string {
    let r = this.real[kind].get(logical);
    if (!r) {
      r = `${logical}${kind === 'tenants' ? '_' : '-'}${this.runId}`; // tenant names allow no "-"
      this.real[kind].set(logical, r);
      this.toLogical.push([r, logical]);
      this.toLogical.sort((a, b) => b[0].length - a[0].length);
    }
    return r;
  }

  get(kind: NameKind, logical: string): string | undefined {
    return this.real[kind].get(logical);
  }

  entries(kind: NameKind): Record<string, string> {
    return Object.fromEntries(this.real[kind]);
  }

  /** Replace real names by logical names, then any other run id occurrence by `${run.id}`. */
  logical(s: string): string {
    if (!s.includes(this.runId)) return s;
    let out = s;
    for (const [r, l] of this.toLogical) if (out.includes(r)) out = out.split(r).join(l);
    return out.split(this.runId).join('${run.id}');
  }

  /** Deep copy of a value with every string (and map key) made logical. */
  logicalValue(v: unknown, depth = 0): unknown {
    if (typeof v === 'string') return this.logical(v);
    if (v === null || typeof v !== 'object' || depth > 30) return v;
    if (Array.isArray(v)) return v.map((x) => this.logicalValue(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[this.logical(k)] = this.logicalValue(x, depth + 1);
    return out;
  }
}
