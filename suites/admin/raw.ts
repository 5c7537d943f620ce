// Raw Admin Ops requests signed with @smithy/signature-v4 (service "s3", as RGW expects), for what the typed
// AdminClient hides: headers (Content-Type, Accept-Ranges), exact bodies, format=xml, request bodies,
// anonymous and wrongly signed calls. Queries are encoded the way SigV4 canonicalises them.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Test } from 'tap';
import type { Creds } from '../fixtures/gateway.js';

export interface AdminRaw {
  status: number;
  contentType: string | null;
  headers: Headers;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RawOptions {
  creds?: Creds | null;
  body?: string;
  /** x-amz-content-sha256 for a body: 'unsigned' (UNSIGNED-PAYLOAD, what RGW accepts) or 'signed' (its hash). */
  payload?: 'unsigned' | 'signed';
}

const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function adminRaw(endpoint: string, method: string, path: string, query: Record<string, string> = {}, opts: RawOptions = {}): Promise<AdminRaw> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = { host: url.host };
  if (opts.body !== undefined) {
    // Signed, as RGW wants every content-type signed (fetch would add an unsigned text/plain).
    headers['content-type'] = 'application/json';
    headers['x-amz-content-sha256'] = opts.payload === 'signed' ? createHash('sha256').update(opts.body).digest('hex') : 'UNSIGNED-PAYLOAD';
  }
  let sent = headers;
  if (opts.creds) {
    const signer = new SignatureV4({ credentials: opts.creds, region: 'default', service: 's3', sha256: Sha256, uriEscapePath: true });
    const request = { method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path, query, headers, body: opts.body };
    sent = (await signer.sign(request)).headers;
  }
  const qs = Object.entries(query).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  const res = await fetch(`${endpoint}${path}${qs ? `?${qs}` : ''}`, { method, headers: sent, body: opts.body });
  const body = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), headers: res.headers, body, json: <T>() => JSON.parse(body) as T };
}

/** Assert an Admin Ops error: status, code, message, and RGW's JSON error body with its headers. */
export function isAdminError(t: Test, r: AdminRaw, status: number, code: string, message = '', why = ''): void {
  const of = why ? ` (${why})` : '';
  t.equal(r.status, status, `status ${status}${of}`);
  t.equal(r.contentType, 'application/json', 'errors carry Content-Type: application/json');
  t.equal(r.headers.get('accept-ranges'), 'bytes');
  const body = r.json<Record<string, string>>();
  t.same(Object.keys(body), ['Code', 'Message', 'RequestId', 'HostId'], 'RGW error fields in order');
  t.equal(body.Code, code, `code ${code}${of}`);
  t.equal(body.Message, message, 'message');
  t.equal(body.RequestId, r.headers.get('x-amz-request-id'), 'RequestId is the request id');
}

/** The nested key order of a JSON document (arrays by their first element), to compare shapes. */
export function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : [];
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOf(x)]));
  return typeof v;
}
