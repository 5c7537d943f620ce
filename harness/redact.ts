// Secrets never reach a result, a report or a recording. Two layers: (1) every secret the run knows (admin
// secret, keys created in setup, SecretAccessKey/SessionToken/secret_key seen in any response) is registered
// and replaced wherever it appears; (2) fields, headers and parameters that carry secrets by name are
// redacted even when their value was never registered (a signature, a token from an unexpected place).

export const REDACTED = '[REDACTED]';

/** Field, header and parameter names whose values are secret (compared case-insensitively). */
const SECRET_NAMES = new Set(
  [
    'SecretAccessKey', 'secret_key', 'secret-key', 'secretKey', 'SessionToken', 'session_token', 'sessionToken',
    'x-amz-security-token', 'X-Amz-Signature', 'X-Amz-Security-Token', 'Password', 'authorization', 'Signature',
    'SSECustomerKey', 'x-amz-server-side-encryption-customer-key',
  ].map((n) => n.toLowerCase()),
);

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase());
}

// Secrets by name inside text bodies: XML elements, JSON members, form/query parameters, header values.
const TEXT_PATTERNS: Array<[RegExp, string]> = [
  [/<(SecretAccessKey|SessionToken|Password)>[^<]*<\/\1>/g, `<$1>${REDACTED}</$1>`],
  [/"(SecretAccessKey|secret_key|SessionToken|secretAccessKey|sessionToken|Password)"(\s*:\s*)"[^"]*"/g, `"$1"$2"${REDACTED}"`],
  [/\b(SecretAccessKey|secret-key|SessionToken|X-Amz-Signature|X-Amz-Security-Token|Password)=[^&\s"<]*/gi, `$1=${REDACTED}`],
  [/\bSignature=[0-9a-f]{16,}/g, `Signature=${REDACTED}`],
];

/** Known secret values of one scenario run (one instance per scenario: no shared state). */
export class Secrets {
  private readonly values = new Set<string>();

  /** Register a secret value; short values are ignored (they would redact ordinary text). */
  add(value: unknown): void {
    if (typeof value === 'string' && value.length >= 8) this.values.add(value);
  }

  /** Register every secret-named string field found in a value (SDK outputs, admin responses). */
  collect(value: unknown, depth = 0): void {
    if (depth > 20 || value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && isSecretName(k)) this.add(v);
      else this.collect(v, depth + 1);
    }
  }

  text(s: string): string {
    let out = s;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    for (const [re, rep] of TEXT_PATTERNS) out = out.replace(re, rep);
    return out;
  }

  /** A deep copy with secret-named fields and every known secret value redacted. */
  value(v: unknown, depth = 0): unknown {
    if (typeof v === 'string') return this.text(v);
    if (v === null || typeof v !== 'object' || depth > 30) return v;
    if (Array.isArray(v)) return v.map((x) => this.value(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = isSecretName(k) && x !== undefined && x !== null ? REDACTED : this.value(x, depth + 1);
    return out;
  }

  headers(h: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) {
      if (k.toLowerCase() === 'authorization') out[k] = redactAuthorization(v);
      else out[k] = isSecretName(k) ? REDACTED : this.text(v);
    }
    return out;
  }

  query(q: Record<string, string | string[] | null> | undefined): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(q ?? {})) {
      if (v === null) out[k] = '';
      else if (isSecretName(k)) out[k] = REDACTED;
      else out[k] = Array.isArray(v) ? v.map((x) => this.text(x)) : this.text(v);
    }
    return out;
  }
}

/** Keep the scheme, credential scope and signed headers (useful, not secret); drop the signature. */
export function redactAuthorization(v: string): string {
  return v.replace(/Signature=[^,\s]*/g, `Signature=${REDACTED}`);
}
