// Signed S3 requests for what the SDK hides: RGW's X-RGW-* response headers, `GET /?usage`, and raw error
// bodies. Signed with @smithy/signature-v4 (service s3), an unsigned payload.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Creds } from '../fixtures/gateway.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function s3Raw(endpoint: string, creds: Creds | null, method: string, path: string, query: Record<string, string> = {}, text?: Buffer | string): Promise<RawResponse> {
  const url = new URL(endpoint);
  // A string body would make fetch add an unsigned text/plain Content-Type, which RGW (and the reference) refuse.
  const body = typeof text === 'string' ? Buffer.from(text) : text;
  let headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  if (creds) {
    if (creds.sessionToken) headers['x-amz-security-token'] = creds.sessionToken;
    const signer = new SignatureV4({ credentials: creds, region: 'default', service: 's3', sha256: Sha256 });
    headers = (await signer.sign({ method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path, query, headers })).headers;
  }
  const qs = Object.entries(query).map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&');
  const res = await fetch(`${endpoint}${path}${qs ? `?${qs}` : ''}`, { method, headers, body });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: method === 'HEAD' ? '' : await res.text() };
}

/** Only RGW's own headers (x-rgw-*), lower-cased, for exact comparison. */
export const rgwHeaders = (r: RawResponse): Record<string, string> => Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.startsWith('x-rgw-')).sort(([a], [b]) => (a < b ? -1 : 1)));
