// SigV4: the Authorization header, the credential, and the signature check. RGW 20.2.4's rules, as probed
// (docs/rgw-behaviour/auth.md):
// - "AWS4-HMAC-SHA256 " then comma-separated k=v pairs (empty pairs skipped, unknown keys ignored); a pair
//   without "=", or a missing Credential / SignedHeaders / Signature, is 400 InvalidArgument.
// - The date is x-amz-date, else Date, in ISO 8601 basic form (yyyymmddThhmmssZ); anything else is 403
//   AccessDenied. More than 15 minutes off is 403 RequestTimeTooSkewed, checked before the key is looked up.
// - Credential is AK/yyyymmdd/region/service/aws4_request: not exactly 4 slashes, no "aws4_request", or an
//   empty key is InvalidArgument. Region and service are whatever the client signed with.
// - host must be signed, and so must content-type and every x-amz-* header the request carries (including
//   x-amz-date and x-amz-content-sha256); otherwise 403 AccessDenied. Other headers may go unsigned.
// - The canonical request is RGW's, which is the SDK's for every request an SDK sends but differs at the edges,
//   so it is built here rather than by @smithy/signature-v4 (which derives the signing key): the path is
//   percent-decoded and re-encoded (so "!" sent raw must be signed as %21, "%41" as "A", "%2F" as "/"; "//" and
//   "/./" stay), query parameters likewise with '+' as a space, sorted by name only, so repeated names keep
//   the order they were sent in; an invalid escape decodes to nothing at all (RGW's url_decode); SignedHeaders
//   is used as sent and a listed header that is absent is left out of the canonical headers.
import { getSigningKey } from '@smithy/signature-v4';
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../errors.js';
import { awsUriEncode, rgwUrlDecode } from '../http/url.js';
import { hmac, NodeSha256, sha256Hex } from './sha256.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
const HEADER_PREFIX = `${ALGORITHM} `;
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface Credential {
  accessKey: string;
  /** date/region/service/aws4_request, as the client wrote it */
  scope: string;
  date: string;
  region: string;
  service: string;
}

export interface SigV4Request {
  credential: Credential;
  signedHeaders: string[];
  /** SignedHeaders exactly as sent: the canonical request carries it verbatim. */
  signedHeadersRaw: string;
  signature: string;
  /** yyyymmddThhmmssZ as sent: part of the string to sign */
  amzDate: string;
}

export function isSigV4Header(authorization: string): boolean {
  return authorization.startsWith(HEADER_PREFIX);
}

/** Parse "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." and the request date. */
export function parseSigV4Header(authorization: string, headers: IncomingHttpHeaders, now: number): SigV4Request {
  const fields = new Map<string, string>();
  for (const raw of authorization.slice(HEADER_PREFIX.length).split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new GatewayError('InvalidArgument');
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) throw new GatewayError('InvalidArgument');
  const amzDate = single(headers['x-amz-date']) ?? single(headers.date) ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) throw new GatewayError('AccessDenied');
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) throw new GatewayError('RequestTimeTooSkewed');
  return { credential: parseCredential(credential), signedHeaders: splitSignedHeaders(signedHeaders), signedHeadersRaw: signedHeaders, signature, amzDate };
}

export function parseCredential(value: string): Credential {
  const parts = value.split('/');
  if (parts.length !== 5 || !value.includes('aws4_request') || !parts[0]) throw new GatewayError('InvalidArgument');
  const [accessKey, date, region, service] = parts as [string, string, string, string];
  return { accessKey, scope: parts.slice(1).join('/'), date, region, service };
}

export function splitSignedHeaders(value: string): string[] {
  return value
    .split(';')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** RGW's rule for which headers must be covered by the signature; false means 403 AccessDenied. */
export function coversRequiredHeaders(signedHeaders: readonly string[], headers: IncomingHttpHeaders): boolean {
  const signed = new Set(signedHeaders);
  if (!signed.has('host')) return false;
  for (const name of Object.keys(headers)) {
    if ((name === 'content-type' || name.startsWith('x-amz-')) && !signed.has(name)) return false;
  }
  const md5 = single(headers['content-md5']);
  return !(signed.has('content-md5') && md5 !== undefined && !/^[A-Za-z0-9+/=\s]*$/.test(md5));
}

/** RGW's canonical URI: the path decoded and re-encoded, '/' kept. */
export function canonicalPath(rawPath: string): string {
  return awsUriEncode(rgwUrlDecode(rawPath), false) || '/';
}

/** RGW's canonical query string (get_v4_canonical_qs). */
export function canonicalQuery(rawQuery: string, presigned: boolean): string {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.replace(/\+/g, '%20').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (presigned && key.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([awsUriEncode(rgwUrlDecode(key, true), true), eq < 0 ? '' : awsUriEncode(rgwUrlDecode(part.slice(eq + 1), true), true)]);
  }
  // Array.prototype.sort is stable: equal names keep the order they came in, as in RGW's std::multimap.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function canonicalHeaders(names: readonly string[], headers: IncomingHttpHeaders): string {
  const lines = new Map<string, string>();
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;
    lines.set(name, (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' '));
  }
  return [...lines.keys()].sort().map((n) => `${n}:${lines.get(n)}\n`).join('');
}

export interface VerifyInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  request: SigV4Request;
  payloadHash: string;
  secretKey: string;
  presigned: boolean;
}

export interface Verified {
  ok: boolean;
  /** For aws-chunked bodies, whose chunk signatures chain from the request's. */
  signingKey: Uint8Array;
}

export function canonicalRequest(input: Omit<VerifyInput, 'secretKey'>): string {
  const sig = input.request;
  return [
    input.method,
    canonicalPath(input.rawPath),
    canonicalQuery(input.rawQuery, input.presigned),
    canonicalHeaders(sig.signedHeaders, input.headers),
    sig.signedHeadersRaw,
    input.payloadHash,
  ].join('\n');
}

export async function verifySigV4(input: VerifyInput): Promise<Verified> {
  const c = input.request.credential;
  const stringToSign = [ALGORITHM, input.request.amzDate, c.scope, sha256Hex(canonicalRequest(input))].join('\n');
  const signingKey = await getSigningKey(NodeSha256, { accessKeyId: c.accessKey, secretAccessKey: input.secretKey }, c.date, c.region, c.service);
  const expected = Buffer.from(hmac(signingKey, stringToSign).toString('hex'));
  const given = Buffer.from(input.request.signature);
  return { ok: expected.length === given.length && timingSafeEqual(expected, given), signingKey };
}

/** Parse yyyymmddThhmmssZ into epoch ms; NaN if malformed or out of range (month 13 is no date). */
export function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return NaN;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, se);
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
