// SigV4 verification. The canonical request and string to sign come from @smithy/signature-v4 (the same code
// that signs on the client side), fed with exactly the headers the client listed in SignedHeaders.
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4Base, getSigningKey } from '@smithy/signature-v4';
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { hmac, NodeSha256 } from './sha256.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface SigV4Params {
  accessKey: string;
  date: string; // yyyymmdd from the credential scope
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** x-amz-date / X-Amz-Date: yyyymmddThhmmssZ */
  amzDate: string;
  presigned: boolean;
  expires?: number;
}

class CanonicalRequests extends SignatureV4Base {
  constructor(uriEscapePath: boolean) {
    super({ service: 's3', region: 'us-east-1', credentials: { accessKeyId: '', secretAccessKey: '' }, sha256: NodeSha256, uriEscapePath });
  }
  stringToSign(request: HttpRequest, headers: Record<string, string>, payloadHash: string, amzDate: string, scope: string): Promise<string> {
    const canonical = this.createCanonicalRequest(request, headers, payloadHash);
    return this.createStringToSign(amzDate, scope, canonical, ALGORITHM);
  }
}

const S3_STYLE = new CanonicalRequests(false);
const ESCAPED = new CanonicalRequests(true);

/** Decode a raw query string into the map smithy canonicalises ('+' stays '+', as SigV4 clients encode spaces as %20). */
export function decodeQuery(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!rawQuery) return out;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface VerifyInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  params: SigV4Params;
  payloadHash: string;
  secretKey: string;
}

/** The signature the client should have sent, and whether it did. */
export async function verifySignature(input: VerifyInput): Promise<{ ok: boolean; expected: string; signingKey: Uint8Array; scope: string }> {
  const { params } = input;
  const headers: Record<string, string> = {};
  for (const name of params.signedHeaders) {
    const v = input.headers[name];
    const value = Array.isArray(v) ? v.join(',') : v ?? '';
    headers[name] = value.trim().replace(/\s+/g, ' ');
  }
  const query = decodeQuery(input.rawQuery);
  const request = new HttpRequest({
    method: input.method,
    protocol: 'http:',
    hostname: headers.host ?? '',
    path: input.rawPath,
    query,
    headers,
  });
  const scope = `${params.date}/${params.region}/${params.service}/aws4_request`;
  const canon = params.service === 's3' ? S3_STYLE : ESCAPED;
  const stringToSign = await canon.stringToSign(request, headers, input.payloadHash, params.amzDate, scope);
  const signingKey = await getSigningKey(
    NodeSha256,
    { accessKeyId: params.accessKey, secretAccessKey: input.secretKey },
    params.date,
    params.region,
    params.service,
  );
  const expected = hmac(signingKey, stringToSign).toString('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(params.signature);
  return { ok: a.length === b.length && timingSafeEqual(a, b), expected, signingKey, scope };
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+(.*)$/;

/** Parse the Authorization header; undefined when it is not SigV4; throws 'malformed' on a broken one. */
export function parseAuthorizationHeader(value: string): Omit<SigV4Params, 'amzDate' | 'presigned'> | 'malformed' | undefined {
  const m = AUTH_RE.exec(value.trim());
  if (!m) return undefined;
  const fields: Record<string, string> = {};
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return fromFields(fields.Credential, fields.SignedHeaders, fields.Signature);
}

export function parsePresignedQuery(query: URLSearchParams): (Omit<SigV4Params, 'presigned'> & { expires: number }) | 'malformed' | undefined {
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) return undefined;
  const base = fromFields(query.get('X-Amz-Credential') ?? undefined, query.get('X-Amz-SignedHeaders') ?? undefined, query.get('X-Amz-Signature') ?? undefined);
  const amzDate = query.get('X-Amz-Date');
  const expires = Number(query.get('X-Amz-Expires'));
  if (base === 'malformed' || base === undefined || !amzDate || !Number.isInteger(expires)) return 'malformed';
  return { ...base, amzDate, expires };
}

function fromFields(credential?: string, signedHeaders?: string, signature?: string): Omit<SigV4Params, 'amzDate' | 'presigned'> | 'malformed' {
  if (!credential || !signedHeaders || !signature) return 'malformed';
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return 'malformed';
  const [accessKey, date, region, service] = parts as [string, string, string, string];
  return { accessKey, date, region, service, signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()), signature };
}

/** Parse yyyymmddThhmmssZ into epoch ms; NaN if malformed. */
export function parseAmzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
