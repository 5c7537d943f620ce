// Tokens the bundled IdP issues: a subject, audiences and any claims, signed with its key (jose), or on purpose
// wrongly (an HMAC algorithm, no signature, a key it does not publish) for the rejection tests.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface TokenSpec {
  sub?: string;
  aud?: string | string[];
  azp?: string;
  /** the `client_id` claim (RGW also accepts `clientId`) */
  clientId?: string;
  /** seconds from issue to expiry (default 3600; negative issues an already expired token) */
  expiresIn?: number;
  /** seconds to shift `iat` (and `nbf` when notBefore is set) from the IdP clock */
  issuedAtOffset?: number;
  notBefore?: number; // seconds from now
  iss?: string;
  /** Principal tags, as the https://aws.amazon.com/tags claim carries them. */
  tags?: Record<string, string>;
  claims?: Record<string, unknown>;
  /** Claims to leave out (e.g. 'exp'). */
  omit?: string[];
  /** Sign with this algorithm instead: 'HS256' (shared secret), 'none' (no signature). */
  alg?: 'HS256' | 'HS384' | 'HS512' | 'none';
  /** 'foreign': sign with a key the JWKS does not publish. */
  signWith?: 'foreign';
  kid?: string;
}

export interface Signer {
  issuer: string;
  kid: string;
  alg: string;
  key: KeyObject;
  now: number; // epoch ms
}

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export async function mintToken(spec: TokenSpec, signer: Signer): Promise<string> {
  const iat = Math.floor(signer.now / 1000) + (spec.issuedAtOffset ?? 0);
  const payload: Record<string, unknown> = {
    iss: spec.iss ?? signer.issuer,
    sub: spec.sub ?? 'subject',
    ...(spec.aud !== undefined ? { aud: spec.aud } : {}),
    ...(spec.azp !== undefined ? { azp: spec.azp } : {}),
    ...(spec.clientId !== undefined ? { client_id: spec.clientId } : {}),
    iat,
    exp: iat + (spec.expiresIn ?? 3600),
    ...(spec.notBefore !== undefined ? { nbf: Math.floor(signer.now / 1000) + spec.notBefore } : {}),
    ...(spec.tags ? { 'https://aws.amazon.com/tags': { principal_tags: Object.fromEntries(Object.entries(spec.tags).map(([k, v]) => [k, [v]])) } } : {}),
    ...(spec.claims ?? {}),
  };
  for (const k of spec.omit ?? []) delete payload[k];
  const kid = spec.kid ?? signer.kid;
  if (spec.alg === 'none') return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
  if (spec.alg) {
    return new SignJWT(payload).setProtectedHeader({ alg: spec.alg, typ: 'JWT', kid }).sign(new TextEncoder().encode('a shared secret nobody registered'));
  }
  const key = spec.signWith === 'foreign' ? foreignKey(signer.key) : signer.key;
  return new SignJWT(payload).setProtectedHeader({ alg: signer.alg, typ: 'JWT', kid }).sign(key);
}

function foreignKey(like: KeyObject): KeyObject {
  if (like.asymmetricKeyType === 'ec') return generateKeyPairSync('ec', { namedCurve: (like.asymmetricKeyDetails?.namedCurve as string) ?? 'P-256' }).privateKey;
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
