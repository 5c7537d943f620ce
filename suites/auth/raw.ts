// Requests the SDK will not produce, signed with @smithy/signature-v4 (the SDK's own signer) and sent over
// node:http as they are: edited Authorization headers, presigned URLs with odd parameters, hand-framed
// aws-chunked bodies. Every helper returns the status and the error Code/Message RGW-style bodies carry.
import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { HttpRequest as Signed } from '@smithy/types';
import type { Creds } from '../fixtures/gateway.js';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  code?: string;
  message?: string;
}

export interface Req {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface SignOptions {
  region?: string;
  service?: string;
  date?: Date;
  /** Presign instead of signing the header (payload UNSIGNED-PAYLOAD, as the SDK presigner does). */
  presign?: boolean;
  expiresIn?: number;
  unsignable?: string[];
  /** Leave x-amz-content-sha256 out (then the canonical request uses the body's hash). */
  noContentSha256?: boolean;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export async function sign(endpoint: string, creds: Creds, req: Req, o: SignOptions = {}): Promise<Signed> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = { host: url.host, ...req.headers };
  if (o.presign) headers['x-amz-content-sha256'] ??= 'UNSIGNED-PAYLOAD';
  const r = new HttpRequest({ method: req.method ?? 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: req.path ?? '/', query: { ...req.query }, headers, body: req.body });
  const signer = new SignatureV4({ credentials: creds, region: o.region ?? 'default', service: o.service ?? 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: !o.noContentSha256 });
  const unsignableHeaders = o.unsignable ? new Set(o.unsignable) : undefined;
  if (o.presign) return signer.presign(r, { signingDate: o.date, expiresIn: o.expiresIn ?? 900, unsignableHeaders });
  return signer.sign(r, { signingDate: o.date, unsignableHeaders });
}

export type Query = Record<string, string | string[] | null | undefined>;

export function queryString(query: Query = {}): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts = Object.entries(query).flatMap(([k, v]) =>
    v === undefined ? [] : v === null ? [enc(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${enc(k)}=${enc(x)}`),
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Send as is; `body` overrides the signed request's body (and Content-Length follows it unless given). */
export function send(endpoint: string, req: { method: string; path: string; query?: Query; headers: Record<string, string>; body?: unknown }, body?: string | Buffer): Promise<Reply> {
  const url = new URL(endpoint);
  const payload = body ?? (req.body as string | Buffer | undefined);
  const headers = { ...req.headers };
  if (payload !== undefined && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const r = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path + queryString(req.query), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body: text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? /"Code":"([^"]*)"/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] });
      });
    });
    r.on('error', reject);
    r.end(payload);
  });
}

/** Sign and send in one go. */
export async function call(endpoint: string, creds: Creds, req: Req, o: SignOptions = {}): Promise<Reply> {
  return send(endpoint, await sign(endpoint, creds, req, o));
}

/** What a response should be: status and error code ('' for success). */
export const outcome = (r: Reply): string => `${r.status} ${r.code ?? ''}`.trim();

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export interface ChunkedUpload {
  path: string;
  chunks: Buffer[];
  mode?: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER' | 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
  /** A trailer line, e.g. ['x-amz-checksum-crc32', 'NhCmhg==']. */
  trailer?: [string, string];
  headers?: Record<string, string>;
  /** Corrupt the signature of this chunk (the zero chunk is chunks.length). */
  badChunk?: number;
  badTrailerSignature?: boolean;
  decodedLength?: number | null;
}

/** An aws-chunked PUT as the SDKs frame it, with chunk signatures chained from the request's seed signature. */
export async function chunkedPut(endpoint: string, creds: Creds, u: ChunkedUpload): Promise<{ req: Signed; body: Buffer }> {
  const mode = u.mode ?? 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
  const total = u.chunks.reduce((n, c) => n + c.length, 0);
  const headers: Record<string, string> = { 'x-amz-content-sha256': mode, 'content-encoding': 'aws-chunked', ...u.headers };
  if (u.decodedLength !== null) headers['x-amz-decoded-content-length'] = String(u.decodedLength ?? total);
  if (u.trailer) headers['x-amz-trailer'] = u.trailer[0];
  const req = await sign(endpoint, creds, { method: 'PUT', path: u.path, headers });
  let prev = /Signature=([0-9a-f]{64})/.exec(req.headers.authorization!)![1]!;
  const amzDate = req.headers['x-amz-date']!;
  const scope = `${amzDate.slice(0, 8)}/default/s3/aws4_request`;
  let key = hmac(`AWS4${creds.secretAccessKey}`, amzDate.slice(0, 8));
  for (const part of ['default', 's3', 'aws4_request']) key = hmac(key, part);
  const signed = mode !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
  const out: Buffer[] = [];
  [...u.chunks, Buffer.alloc(0)].forEach((chunk, i) => {
    let line = chunk.length.toString(16);
    if (signed) {
      let sig = hmac(key, ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, prev, sha256(''), sha256(chunk)].join('\n')).toString('hex');
      if (i === u.badChunk) sig = sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      prev = sig;
      line += `;chunk-signature=${sig}`;
    }
    out.push(Buffer.from(`${line}\r\n`), chunk);
    if (chunk.length) out.push(Buffer.from('\r\n'));
  });
  if (u.trailer) {
    const t = `${u.trailer[0]}:${u.trailer[1]}`;
    out.push(Buffer.from(`${t}\r\n`));
    if (signed) {
      const sig = u.badTrailerSignature ? '0'.repeat(64) : hmac(key, ['AWS4-HMAC-SHA256-TRAILER', amzDate, scope, prev, sha256(`${t}\n`)].join('\n')).toString('hex');
      out.push(Buffer.from(`x-amz-trailer-signature:${sig}\r\n`));
    }
  }
  out.push(Buffer.from('\r\n'));
  return { req, body: Buffer.concat(out) };
}
