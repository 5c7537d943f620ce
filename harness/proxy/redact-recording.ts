// What keeps secrets out of recordings. Three layers, applied to every header, query parameter and body
// excerpt before anything is written:
//   1. known values: every secret registered with the run's registry (admin secret, keys created in setup,
//      credentials captured by steps, and secrets this module harvests from responses) is replaced anywhere;
//   2. names: headers, query parameters, XML elements and JSON members that carry secrets by name are
//      redacted whatever their value, including in an excerpt cut in the middle of the secret;
//   3. signatures: Authorization keeps its scheme, credential scope and signed headers, never the signature;
//      aws-chunked bodies lose their chunk signatures.
import { isSecretName, REDACTED } from '../redact.js';

/** The run's secret registry (harness/redact.ts `Secrets` is one): values are added once, redacted everywhere. */
export interface SecretRegistry {
  add(value: unknown): void;
  text(s: string): string;
}

/** Query parameters redacted whole, beyond the secret names harness/redact.ts knows. */
const SECRET_QUERY = new Set(['x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'signature', 'awsaccesskeyid']);

const SECRET_ELEMENTS = 'SecretAccessKey|SessionToken|Password|SecretKey|SSECustomerKey';
const SECRET_MEMBERS = 'SecretAccessKey|secret_key|secret-key|secretKey|SessionToken|session_token|sessionToken|Password|secretAccessKey';

// Each pattern also matches a value cut short by the excerpt limit (no closing tag or quote needed).
const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(`<(${SECRET_ELEMENTS})>[^<]*`, 'g'), `<$1>${REDACTED}`],
  [new RegExp(`"(${SECRET_MEMBERS})"(\\s*:\\s*)"[^"]*`, 'g'), `"$1"$2"${REDACTED}`],
  [new RegExp(`\\b(${SECRET_MEMBERS}|X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential)=[^&\\s"<]*`, 'gi'), `$1=${REDACTED}`],
  [/\bchunk-signature=[0-9a-f]*/g, `chunk-signature=${REDACTED}`],
  [/\bSignature=[^,\s&"<]+/g, `Signature=${REDACTED}`],
];

// Complete values worth registering, so they are also caught where no name announces them.
const HARVEST = [
  new RegExp(`<(?:${SECRET_ELEMENTS})>([^<]+)</`, 'g'),
  new RegExp(`"(?:${SECRET_MEMBERS})"\\s*:\\s*"([^"]+)"`, 'g'),
];

export class RecordingRedactor {
  constructor(private readonly secrets: SecretRegistry) {}

  registerSecret(value: string): void {
    this.secrets.add(value);
  }

  /** Register the secrets a raw (unredacted) response body reveals by name. */
  harvest(raw: string): void {
    for (const re of HARVEST) for (const m of raw.matchAll(re)) if (m[1] !== REDACTED) this.secrets.add(m[1]);
  }

  text(s: string): string {
    let out = this.secrets.text(s);
    for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
    return out;
  }

  header(name: string, value: string): string {
    const n = name.toLowerCase();
    if (n === 'authorization') return redactAuthorization(value);
    if (isSecretName(n) || n === 'x-amz-security-token') return REDACTED;
    return this.text(value);
  }

  queryValue(name: string, value: string): string {
    return isSecretName(name) || SECRET_QUERY.has(name.toLowerCase()) ? REDACTED : this.text(value);
  }
}

/**
 * SigV4: keep the scheme, Credential scope and SignedHeaders (useful to a reader, not secret) and drop the
 * signature. Any other scheme (SigV2 `AWS AKID:sig`, Bearer, ...) keeps only its scheme name.
 */
export function redactAuthorization(v: string): string {
  const m = /^(AWS4-[A-Z0-9-]+)\s+(.*)$/.exec(v.trim());
  if (!m) return `${v.trim().split(/\s+/)[0] ?? ''} ${REDACTED}`;
  const parts = m[2]!.split(',').map((p) => p.trim());
  const kept = parts.filter((p) => /^(Credential|SignedHeaders)=/.test(p));
  return `${m[1]} ${[...kept, `Signature=${REDACTED}`].join(', ')}`;
}
