// SigV4 presigned URLs (X-Amz-* query parameters). RGW 20.2.4 takes the query as presigned only when
// X-Amz-Algorithm is exactly AWS4-HMAC-SHA256 (otherwise the request is anonymous), and then, in this order
// (probed, docs/rgw-behaviour/auth.md): a missing X-Amz-Credential, a date that is not yyyymmddThhmmssZ, a
// missing X-Amz-Expires or one outside 1..604800 (read like C's atoll: leading digits, else 0) are all 403
// AccessDenied; expiry (now >= date + expires) is 403 AccessDenied "The pre-signed URL has expired", before
// the key is even looked up; then a missing SignedHeaders / Signature or an empty X-Amz-Security-Token is 403
// AccessDenied and a malformed credential 400 InvalidArgument. There is no clock-skew check: a URL dated in
// the future works. The payload is always UNSIGNED-PAYLOAD.
import { GatewayError } from '../errors.js';
import { ALGORITHM, parseAmzDate, parseCredential, splitSignedHeaders, type SigV4Request } from './sigv4.js';

const MAX_EXPIRES = 7 * 24 * 60 * 60;
export const EXPIRED_MESSAGE = 'The pre-signed URL has expired';

/** RGW reads X-Amz-* query parameters case-insensitively. */
function arg(query: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === lower) return v;
  return null;
}

export function isPresignedV4(query: URLSearchParams): boolean {
  return arg(query, 'X-Amz-Algorithm') === ALGORITHM;
}

/** C atoll: optional sign and leading digits; anything else reads as 0. */
export function atoll(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

export interface PresignedV4 extends SigV4Request {
  securityToken?: string;
}

export function parsePresignedV4(query: URLSearchParams, now: number): PresignedV4 {
  const denied = (message = ''): GatewayError => new GatewayError('AccessDenied', message);
  const credential = arg(query, 'X-Amz-Credential');
  if (!credential) throw denied();
  const amzDate = arg(query, 'X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) throw denied();
  const expiresRaw = arg(query, 'X-Amz-Expires');
  if (!expiresRaw) throw denied();
  const expires = atoll(expiresRaw);
  if (expires < 1 || expires > MAX_EXPIRES) throw denied();
  if (now >= signedAt + expires * 1000) throw denied(EXPIRED_MESSAGE);
  const signedHeaders = arg(query, 'X-Amz-SignedHeaders');
  const signature = arg(query, 'X-Amz-Signature');
  if (!signedHeaders || !signature) throw denied();
  const token = arg(query, 'X-Amz-Security-Token');
  if (token === '') throw denied();
  return {
    credential: parseCredential(credential),
    signedHeaders: splitSignedHeaders(signedHeaders),
    signedHeadersRaw: signedHeaders,
    signature,
    amzDate,
    ...(token !== null ? { securityToken: token } : {}),
  };
}
