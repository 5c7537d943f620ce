// Finding the key that signed a web identity token, as RGW 20.2.4 does (rgw_rest_sts.cc validate_signature;
// every rule below was probed with the bundled IdP, docs/rgw-behaviour/sts.md). Keys are tried in JWKS order:
// - a key with "use": "enc" is skipped, and so is a key whose "kid" differs from the token's (a key without
//   kid is tried whatever the token says; a token without kid matches only keys without kid);
// - a key with x5c: its first certificate whose SHA-1 thumbprint is registered on the provider (any case) is
//   the verifying key; none registered → next key. With rgw_enable_jwks_url_verification (off by default)
//   the first certificate is taken without that check (the TLS chain was checked instead);
// - a key without x5c: RSA n/e, for RS256/384/512 only, and WITHOUT any thumbprint check when JWKS URL
//   verification is off (RGW's default): any bare RSA key the issuer serves is trusted;
// - a failed verification moves on to the next key; none verifying → the token is refused.
// Verification is jwt-cpp's: the signature for the header's algorithm, then exp (optional; now > exp
// refuses), nbf and iat (now < value refuses), no leeway, each an integer when present.
import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { compactVerify } from 'jose';

const CERT_ALGS = new Set(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512']);
const BARE_ALGS = new Set(['RS256', 'RS384', 'RS512']);

export interface KeyChoice {
  alg: string;
  kid: string | undefined;
  thumbprints: string[];
  /** rgw_enable_jwks_url_verification: x5c certificates are not matched against the thumbprints. */
  skipX5cThumbprints: boolean;
  now: number; // epoch ms
}

interface Jwk {
  kid?: unknown;
  use?: unknown;
  x5c?: unknown;
  kty?: unknown;
  n?: unknown;
  e?: unknown;
}

function certKey(x5c: unknown[], c: KeyChoice): KeyObject | undefined {
  for (const entry of x5c) {
    if (typeof entry !== 'string') continue;
    let der: Buffer;
    try {
      der = Buffer.from(entry, 'base64');
      const digest = createHash('sha1').update(der).digest('hex');
      if (!c.skipX5cThumbprints && !c.thumbprints.some((t) => t.toLowerCase() === digest)) continue;
      return new X509Certificate(der).publicKey;
    } catch {
      continue;
    }
  }
  return undefined;
}

function bareKey(k: Jwk): KeyObject | undefined {
  if (typeof k.n !== 'string' || typeof k.e !== 'string') return undefined;
  try {
    return createPublicKey({ key: { kty: 'RSA', n: k.n, e: k.e }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

function timesHold(payload: Record<string, unknown>, nowMs: number): boolean {
  const now = nowMs / 1000;
  for (const name of ['exp', 'nbf', 'iat']) {
    const v = payload[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v)) return false;
    if (name === 'exp' ? now > v : now < v) return false;
  }
  return true;
}

async function verifiedBy(token: string, key: KeyObject, c: KeyChoice): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await compactVerify(token, key, { algorithms: [c.alg] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    return timesHold(claims, c.now) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The verified payload, or undefined when no key of the set verifies the token. */
export async function verifyWithJwks(token: string, jwks: unknown, c: KeyChoice): Promise<Record<string, unknown> | undefined> {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return undefined;
  for (const raw of keys) {
    if (raw === null || typeof raw !== 'object') continue;
    const k = raw as Jwk;
    if (k.use === 'enc') continue;
    if (k.kid !== undefined && k.kid !== c.kid) continue;
    let key: KeyObject | undefined;
    if (Array.isArray(k.x5c)) {
      if (!CERT_ALGS.has(c.alg)) continue;
      key = certKey(k.x5c, c);
    } else if (BARE_ALGS.has(c.alg)) {
      key = bareKey(k);
    }
    if (!key) continue;
    const payload = await verifiedBy(token, key, c);
    if (payload) return payload;
  }
  return undefined;
}
