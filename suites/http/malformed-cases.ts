// Malformed requests, each a function of the target (endpoint, a user's keys, a bucket holding "obj" and an open
// multipart upload): raw bytes over a socket for what node:http will not send, signed or anonymous HTTP requests
// for the rest. The same list runs against the real RGW (to record what it answers) and against the gateway.
import { connect } from 'node:net';
import type { Creds } from '../fixtures/gateway.js';
import { call, send, sha256, sign, type Req, type SignOptions } from '../auth/raw.js';

export interface Target {
  endpoint: string;
  /** A classic user owning `bucket`, which holds "obj" ("hello") and an open multipart upload of "mp". */
  creds: Creds;
  bucket: string;
  uploadId: string;
  /** An account root (IAM and STS cases) and a user with the Admin Ops caps. */
  accountRoot: Creds;
  admin: Creds;
}

/** "400 MalformedXML", "400" (no error code), "closed" (no answer), "timeout" */
export type Outcome = string;

export interface Case {
  name: string;
  run(t: Target): Promise<Outcome>;
}

const codeOf = (body: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? /"Code":\s*"([^"]*)"/.exec(body)?.[1];
const fmt = (status: number, body: string): Outcome => `${status} ${codeOf(body) ?? ''}`.trim();

/** Write raw bytes, read one response (or the close, or nothing within the timeout). */
export function rawExchange(endpoint: string, bytes: string | Buffer, o: { end?: boolean; timeoutMs?: number } = {}): Promise<Outcome> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (why?: string): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = data.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!m) return resolve(why ?? (text ? 'garbage' : 'closed'));
      const split = text.indexOf('\r\n\r\n');
      resolve(fmt(Number(m[1]), split < 0 ? '' : text.slice(split + 4)));
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      // Skip interim 1xx responses (100 Continue) ahead of the real one.
      while (/^HTTP\/1\.[01] 1\d\d [^\r]*\r\n\r\n/.test(data.toString('latin1'))) data = data.subarray(data.indexOf('\r\n\r\n') + 4);
      const text = data.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return;
      const head = text.slice(0, split);
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (length && data.length >= split + 4 + Number(length[1])) finish();
      else if (/\r\ntransfer-encoding:\s*chunked/i.test(head) && text.endsWith('0\r\n\r\n')) finish();
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
    socket.setTimeout(o.timeoutMs ?? 3000, () => finish('timeout'));
    socket.write(bytes);
    if (o.end) socket.end();
  });
}

const hostOf = (t: Target): string => new URL(t.endpoint).host;
const signed = async (t: Target, req: Req, o: SignOptions = {}): Promise<Outcome> => {
  const r = await call(t.endpoint, t.creds, req, o);
  return fmt(r.status, r.body);
};
const anon = async (t: Target, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Outcome> => {
  const r = await send(t.endpoint, { method, path, headers: { host: hostOf(t), ...headers } }, body);
  return fmt(r.status, r.body);
};
/** A signed request's head, as raw text, with a body to follow (for framing the SDK cannot produce). */
const signedHead = async (t: Target, req: Req, extra: Record<string, string> = {}): Promise<string> => {
  const r = await sign(t.endpoint, t.creds, req);
  const headers = { ...r.headers, ...extra };
  const q = Object.entries(r.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  return `${r.method} ${r.path}${q ? `?${q}` : ''} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
};
const xml = (t: Target, method: string, path: string, query: Record<string, string>, body: string): Promise<Outcome> =>
  signed(t, { method, path: `/${t.bucket}${path}`, query, body, headers: { 'x-amz-content-sha256': sha256(body) } });
const form = async (t: Target, body: string | Buffer, service = 'iam'): Promise<Outcome> => {
  const r = await call(t.endpoint, t.accountRoot, { method: 'POST', path: '/', body, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } }, { service, noContentSha256: true });
  return fmt(r.status, r.body);
};
const admin = async (t: Target, req: Req): Promise<Outcome> => {
  const r = await call(t.endpoint, t.admin, req);
  return fmt(r.status, r.body);
};
const get = (t: Target, path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Outcome> =>
  signed(t, { path: `/${t.bucket}${path}`, query, headers });
const put = (t: Target, path: string, body: string, headers: Record<string, string> = {}, query: Record<string, string> = {}): Promise<Outcome> =>
  signed(t, { method: 'PUT', path: `/${t.bucket}${path}`, body, query, headers: { 'x-amz-content-sha256': sha256(body), ...headers } });
const authHeader = async (t: Target, edit: (auth: string) => string): Promise<Outcome> => {
  const r = await sign(t.endpoint, t.creds, { path: `/${t.bucket}/obj` });
  return fmt(...(await send(t.endpoint, { ...r, headers: { ...r.headers, authorization: edit(r.headers.authorization!) } }).then((x) => [x.status, x.body] as const)));
};
const dateHeader = async (t: Target, value: string | undefined): Promise<Outcome> => {
  const r = await sign(t.endpoint, t.creds, { path: `/${t.bucket}/obj` });
  const headers = { ...r.headers };
  if (value === undefined) delete headers['x-amz-date'];
  else headers['x-amz-date'] = value;
  const x = await send(t.endpoint, { ...r, headers });
  return fmt(x.status, x.body);
};
const presignedEdit = async (t: Target, edit: (q: Record<string, string>) => void): Promise<Outcome> => {
  const r = await sign(t.endpoint, t.creds, { path: `/${t.bucket}/obj` }, { presign: true });
  const query = { ...(r.query as Record<string, string>) };
  edit(query);
  const x = await send(t.endpoint, { ...r, query });
  return fmt(x.status, x.body);
};
const chunked = async (t: Target, body: string, headers: Record<string, string> = {}): Promise<Outcome> => {
  const head = await signedHead(t, { method: 'PUT', path: `/${t.bucket}/chunked`, headers: { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '5', ...headers } }, { 'content-length': String(Buffer.byteLength(body)) });
  return rawExchange(t.endpoint, head + body);
};

const LONG = (n: number, c = 'a'): string => c.repeat(n);
const BILLION_LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Delete><Object><Key>&lol3;</Key></Object></Delete>';

export const CASES: Case[] = [
  // --- HTTP framing, over a raw socket ---------------------------------------------------------------------
  { name: 'http: garbage request line', run: (t) => rawExchange(t.endpoint, 'HELLO\r\n\r\n') },
  { name: 'http: request line without version', run: (t) => rawExchange(t.endpoint, 'GET /\r\n\r\n') },
  { name: 'http: HTTP/2.0 request line', run: (t) => rawExchange(t.endpoint, `GET / HTTP/2.0\r\nHost: ${hostOf(t)}\r\n\r\n`) },
  { name: 'http: HTTP/1.7 version', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.7\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: lowercase method', run: (t) => rawExchange(t.endpoint, `get / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: header line without a colon', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nNoColonHere\r\n\r\n`) },
  { name: 'http: space before the header colon', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost : ${hostOf(t)}\r\n\r\n`) },
  { name: 'http: obsolete folded header', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n`) },
  { name: 'http: NUL in a header value', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nX-Nul: a\u0000b\r\n\r\n`) },
  { name: 'http: non-ASCII header name', run: (t) => rawExchange(t.endpoint, Buffer.from(`GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nX-Ünï: a\r\n\r\n`, 'utf8')) },
  { name: 'http: bare LF line endings', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\nHost: ${hostOf(t)}\nConnection: close\n\n`) },
  { name: 'http: no Host header', run: (t) => rawExchange(t.endpoint, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n') },
  { name: 'http: two Host headers', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nHost: other.example\r\nConnection: close\r\n\r\n`) },
  { name: 'http: absolute-form URI', run: (t) => rawExchange(t.endpoint, `GET http://${hostOf(t)}/ HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: asterisk-form OPTIONS', run: (t) => rawExchange(t.endpoint, `OPTIONS * HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: CONNECT', run: (t) => rawExchange(t.endpoint, `CONNECT ${hostOf(t)} HTTP/1.1\r\nHost: ${hostOf(t)}\r\n\r\n`) },
  { name: 'http: one 100 KB header', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nX-Big: ${LONG(100_000)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: 20000 small headers', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\n${Array.from({ length: 20000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: 70 KB URL', run: (t) => rawExchange(t.endpoint, `GET /${t.bucket}/${LONG(70_000)} HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: non-numeric Content-Length', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: abc\r\n\r\nhello`) },
  { name: 'http: negative Content-Length', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: -5\r\n\r\nhello`) },
  { name: 'http: two different Content-Lengths', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`) },
  { name: 'http: Content-Length and chunked Transfer-Encoding', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`) },
  { name: 'http: bad chunk size in Transfer-Encoding chunked', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`) },
  { name: 'http: unknown Transfer-Encoding', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\nhello`) },
  { name: 'http: Expect: 100-continue, anonymous PUT', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/x HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\nhello`) },
  { name: 'http: Expect: something-else', run: (t) => rawExchange(t.endpoint, `GET / HTTP/1.1\r\nHost: ${hostOf(t)}\r\nExpect: teapot\r\nConnection: close\r\n\r\n`) },
  { name: 'http: raw non-UTF-8 bytes in the path', run: (t) => rawExchange(t.endpoint, Buffer.concat([Buffer.from(`GET /${t.bucket}/`), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(` HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`)])) },
  { name: 'http: space inside the path', run: (t) => rawExchange(t.endpoint, `GET /${t.bucket}/a b HTTP/1.1\r\nHost: ${hostOf(t)}\r\nConnection: close\r\n\r\n`) },
  { name: 'http: signed PUT, Content-Length larger than sent', run: async (t) => rawExchange(t.endpoint, (await signedHead(t, { method: 'PUT', path: `/${t.bucket}/short`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, { 'content-length': '100' })) + 'only part of it', { end: true }) },
  { name: 'http: anonymous PUT, Content-Length larger than sent', run: (t) => rawExchange(t.endpoint, `PUT /${t.bucket}/short HTTP/1.1\r\nHost: ${hostOf(t)}\r\nContent-Length: 100\r\n\r\nonly part`, { end: true }) },
  { name: 'http: truncated Transfer-Encoding chunked body', run: async (t) => rawExchange(t.endpoint, (await signedHead(t, { method: 'PUT', path: `/${t.bucket}/trunc`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, { 'transfer-encoding': 'chunked' })) + '10\r\nonly', { end: true }) },

  // --- methods and unknown operations ----------------------------------------------------------------------
  { name: 'method: PATCH on an object', run: (t) => signed(t, { method: 'PATCH', path: `/${t.bucket}/obj` }) },
  { name: 'method: PROPFIND on a bucket', run: (t) => signed(t, { method: 'PROPFIND', path: `/${t.bucket}` }) },
  { name: 'method: FOO on the service', run: (t) => signed(t, { method: 'FOO', path: '/' }) },
  { name: 'method: TRACE', run: (t) => signed(t, { method: 'TRACE', path: `/${t.bucket}/obj` }) },
  { name: 'method: POST on an object, no sub-resource', run: (t) => signed(t, { method: 'POST', path: `/${t.bucket}/obj`, body: 'x', headers: { 'x-amz-content-sha256': sha256('x') } }) },
  { name: 'method: POST on a bucket, no sub-resource', run: (t) => signed(t, { method: 'POST', path: `/${t.bucket}`, body: 'x', headers: { 'x-amz-content-sha256': sha256('x') } }) },
  { name: 'method: PUT on the service root', run: (t) => signed(t, { method: 'PUT', path: '/' }) },
  { name: 'method: DELETE on the service root', run: (t) => signed(t, { method: 'DELETE', path: '/' }) },
  { name: 'method: OPTIONS without Origin', run: (t) => anon(t, 'OPTIONS', `/${t.bucket}/obj`) },
  { name: 'op: GET ?cors (not configured)', run: (t) => get(t, '', { cors: '' }) },
  { name: 'op: GET ?website', run: (t) => get(t, '', { website: '' }) },
  { name: 'op: GET ?tagging on an object', run: (t) => get(t, '/obj', { tagging: '' }) },
  { name: 'op: GET ?lifecycle', run: (t) => get(t, '', { lifecycle: '' }) },
  { name: 'op: unknown sub-resource ?frobnicate on a bucket', run: (t) => get(t, '', { frobnicate: '' }) },
  { name: 'op: unknown sub-resource ?frobnicate on an object', run: (t) => get(t, '/obj', { frobnicate: '' }) },
  { name: 'op: unknown IAM/STS Action', run: (t) => form(t, 'Action=FrobnicateUsers&Version=2010-05-08') },
  { name: 'op: form POST without Action', run: (t) => form(t, 'Version=2010-05-08') },
  { name: 'op: unknown Admin Ops resource', run: (t) => admin(t, { path: '/admin/frobnicate' }) },

  // --- query strings and paths -----------------------------------------------------------------------------
  { name: 'query: bad percent-encoding in a key', run: (t) => anon(t, 'GET', `/${t.bucket}/%zz`) },
  { name: 'query: bad percent-encoding in a parameter', run: (t) => anon(t, 'GET', `/${t.bucket}?prefix=%zz`) },
  { name: 'query: signed, invalid UTF-8 in the key', run: (t) => signed(t, { path: `/${t.bucket}/%FF%FE` }) },
  { name: 'query: signed, %00 in the key', run: (t) => signed(t, { path: `/${t.bucket}/a%00b` }) },
  { name: 'query: 1000 parameters', run: (t) => get(t, '', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i}`, 'v']))) },
  { name: 'query: only separators', run: (t) => anon(t, 'GET', `/${t.bucket}?&&&=&`) },
  { name: 'query: max-keys=-1', run: (t) => get(t, '', { 'max-keys': '-1' }) },
  { name: 'query: max-keys=abc', run: (t) => get(t, '', { 'max-keys': 'abc' }) },
  { name: 'query: list-type=3', run: (t) => get(t, '', { 'list-type': '3' }) },
  { name: 'query: encoding-type=bogus', run: (t) => get(t, '', { 'encoding-type': 'bogus' }) },
  { name: 'query: ListObjectsV2 garbage continuation-token', run: (t) => get(t, '', { 'list-type': '2', 'continuation-token': '!!!not-a-token!!!' }) },
  { name: 'query: max-uploads=abc', run: (t) => get(t, '', { uploads: '', 'max-uploads': 'abc' }) },
  { name: 'query: max-parts=abc', run: (t) => get(t, '/mp', { uploadId: t.uploadId, 'max-parts': 'abc' }) },
  { name: 'query: part-number-marker=abc', run: (t) => get(t, '/mp', { uploadId: t.uploadId, 'part-number-marker': 'abc' }) },
  { name: 'query: partNumber=0', run: (t) => put(t, '/mp', 'x', {}, { uploadId: t.uploadId, partNumber: '0' }) },
  { name: 'query: partNumber=10001', run: (t) => put(t, '/mp', 'x', {}, { uploadId: t.uploadId, partNumber: '10001' }) },
  { name: 'query: partNumber=abc', run: (t) => put(t, '/mp', 'x', {}, { uploadId: t.uploadId, partNumber: 'abc' }) },
  { name: 'query: unknown uploadId', run: (t) => put(t, '/mp', 'x', {}, { uploadId: 'no-such-upload', partNumber: '1' }) },
  { name: 'query: GetObject partNumber=abc', run: (t) => get(t, '/obj', { partNumber: 'abc' }) },
  { name: 'query: versionId=garbage', run: (t) => get(t, '/obj', { versionId: 'garbage' }) },
  { name: 'path: bucket name with bad characters', run: (t) => signed(t, { method: 'PUT', path: '/Bad_Bucket!' }) },
  { name: 'path: bucket name of 64 characters', run: (t) => signed(t, { method: 'PUT', path: `/${LONG(64, 'b')}` }) },
  { name: 'path: bucket name of 2 characters', run: (t) => signed(t, { method: 'PUT', path: '/ab' }) },
  { name: 'path: bucket name like an IP address', run: (t) => signed(t, { method: 'PUT', path: '/192.168.5.4' }) },
  { name: 'path: key of 1025 bytes', run: (t) => put(t, `/${LONG(1025, 'k')}`, 'x') },
  { name: 'path: double slash before the key', run: (t) => get(t, '//obj') },
  { name: 'path: dot-dot segments', run: (t) => signed(t, { path: `/${t.bucket}/../${t.bucket}/obj` }) },

  // --- headers S3 reads --------------------------------------------------------------------------------------
  { name: 'header: Range bytes=abc', run: (t) => get(t, '/obj', {}, { range: 'bytes=abc' }) },
  { name: 'header: Range bytes=4-1', run: (t) => get(t, '/obj', {}, { range: 'bytes=4-1' }) },
  { name: 'header: Range beyond the end', run: (t) => get(t, '/obj', {}, { range: 'bytes=100-200' }) },
  { name: 'header: Range with two ranges', run: (t) => get(t, '/obj', {}, { range: 'bytes=0-1,3-4' }) },
  { name: 'header: Range in another unit', run: (t) => get(t, '/obj', {}, { range: 'items=0-1' }) },
  { name: 'header: x-amz-acl bogus on PutObject', run: (t) => put(t, '/acl-bogus', 'x', { 'x-amz-acl': 'bogus' }) },
  { name: 'header: x-amz-acl bogus on CreateBucket', run: (t) => signed(t, { method: 'PUT', path: `/${t.bucket}-acl-bogus`, headers: { 'x-amz-acl': 'bogus' } }) },
  { name: 'header: Content-MD5 not base64', run: (t) => put(t, '/md5', 'hello', { 'content-md5': 'not base64!' }) },
  { name: 'header: Content-MD5 of 3 bytes', run: (t) => put(t, '/md5', 'hello', { 'content-md5': 'AAAA' }) },
  { name: 'header: Content-MD5 of other data', run: (t) => put(t, '/md5', 'hello', { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' }) },
  { name: 'header: x-amz-copy-source without a key', run: (t) => put(t, '/copy', '', { 'x-amz-copy-source': `${t.bucket}` }) },
  { name: 'header: x-amz-copy-source missing object', run: (t) => put(t, '/copy', '', { 'x-amz-copy-source': `${t.bucket}/no-such-key` }) },
  { name: 'header: x-amz-copy-source bad percent-encoding', run: (t) => put(t, '/copy', '', { 'x-amz-copy-source': `${t.bucket}/%zz` }) },
  { name: 'header: x-amz-metadata-directive bogus', run: (t) => put(t, '/copy', '', { 'x-amz-copy-source': `${t.bucket}/obj`, 'x-amz-metadata-directive': 'BOGUS' }) },
  { name: 'header: copy onto itself without REPLACE', run: (t) => put(t, '/obj', '', { 'x-amz-copy-source': `${t.bucket}/obj` }) },
  { name: 'header: x-amz-storage-class bogus', run: (t) => put(t, '/sc', 'x', { 'x-amz-storage-class': 'BOGUS' }) },
  { name: 'header: If-Match that does not match', run: (t) => get(t, '/obj', {}, { 'if-match': '"nope"' }) },
  { name: 'header: If-Modified-Since garbage', run: (t) => get(t, '/obj', {}, { 'if-modified-since': 'garbage' }) },
  { name: 'header: x-amz-checksum-algorithm unknown', run: (t) => put(t, '/ck', 'x', { 'x-amz-sdk-checksum-algorithm': 'FOO' }) },
  { name: 'header: x-amz-checksum-crc32 wrong', run: (t) => put(t, '/ck', 'x', { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': 'AAAAAA==' }) },
  { name: 'header: PUT with Transfer-Encoding chunked, no length', run: async (t) => rawExchange(t.endpoint, (await signedHead(t, { method: 'PUT', path: `/${t.bucket}/te`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, { 'transfer-encoding': 'chunked', connection: 'close' })) + '5\r\nhello\r\n0\r\n\r\n') },

  // --- XML and JSON bodies -----------------------------------------------------------------------------------
  { name: 'xml: DeleteObjects, not XML', run: (t) => xml(t, 'POST', '', { delete: '' }, 'this is not xml') },
  { name: 'xml: DeleteObjects, empty body', run: (t) => xml(t, 'POST', '', { delete: '' }, '') },
  { name: 'xml: DeleteObjects, unclosed element', run: (t) => xml(t, 'POST', '', { delete: '' }, '<Delete><Object><Key>a</Key></Object>') },
  { name: 'xml: DeleteObjects, wrong root element', run: (t) => xml(t, 'POST', '', { delete: '' }, '<Remove><Object><Key>a</Key></Object></Remove>') },
  { name: 'xml: DeleteObjects, no objects', run: (t) => xml(t, 'POST', '', { delete: '' }, '<Delete></Delete>') },
  { name: 'xml: DeleteObjects, 1001 objects', run: (t) => xml(t, 'POST', '', { delete: '' }, `<Delete>${Array.from({ length: 1001 }, (_, i) => `<Object><Key>k${i}</Key></Object>`).join('')}</Delete>`) },
  { name: 'xml: DeleteObjects, entity expansion', run: (t) => xml(t, 'POST', '', { delete: '' }, BILLION_LAUGHS) },
  { name: 'xml: DeleteObjects, non-UTF-8 bytes', run: (t) => signed(t, { method: 'POST', path: `/${t.bucket}`, query: { delete: '' }, body: Buffer.concat([Buffer.from('<Delete><Object><Key>'), Buffer.from([0xff, 0xfe]), Buffer.from('</Key></Object></Delete>')]), headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }) },
  { name: 'xml: CompleteMultipartUpload, not XML', run: (t) => xml(t, 'POST', '/mp', { uploadId: t.uploadId }, 'not xml') },
  { name: 'xml: CompleteMultipartUpload, no parts', run: (t) => xml(t, 'POST', '/mp', { uploadId: t.uploadId }, '<CompleteMultipartUpload></CompleteMultipartUpload>') },
  { name: 'xml: CompleteMultipartUpload, unknown part', run: (t) => xml(t, 'POST', '/mp', { uploadId: t.uploadId }, '<CompleteMultipartUpload><Part><PartNumber>7</PartNumber><ETag>"abc"</ETag></Part></CompleteMultipartUpload>') },
  { name: 'xml: CompleteMultipartUpload, PartNumber not a number', run: (t) => xml(t, 'POST', '/mp', { uploadId: t.uploadId }, '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>"abc"</ETag></Part></CompleteMultipartUpload>') },
  { name: 'xml: CompleteMultipartUpload, unknown upload', run: (t) => xml(t, 'POST', '/mp', { uploadId: 'no-such-upload' }, '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"abc"</ETag></Part></CompleteMultipartUpload>') },
  { name: 'xml: CreateBucket, not XML', run: (t) => signed(t, { method: 'PUT', path: `/${t.bucket}-xml1`, body: 'not xml', headers: { 'x-amz-content-sha256': sha256('not xml') } }) },
  { name: 'xml: CreateBucket, unknown LocationConstraint', run: (t) => { const b = '<CreateBucketConfiguration><LocationConstraint>mars-1</LocationConstraint></CreateBucketConfiguration>'; return signed(t, { method: 'PUT', path: `/${t.bucket}-xml2`, body: b, headers: { 'x-amz-content-sha256': sha256(b) } }); } },
  { name: 'xml: PutBucketAcl, not XML', run: (t) => xml(t, 'PUT', '', { acl: '' }, 'not xml') },
  { name: 'xml: PutBucketAcl, grant to an unknown user', run: (t) => xml(t, 'PUT', '', { acl: '' }, '<AccessControlPolicy><Owner><ID>x</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>no-such-user</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>') },
  { name: 'xml: PutObjectAcl, not XML', run: (t) => xml(t, 'PUT', '/obj', { acl: '' }, 'not xml') },
  { name: 'xml: PutBucketVersioning, not XML', run: (t) => xml(t, 'PUT', '', { versioning: '' }, 'not xml') },
  { name: 'json: PutBucketPolicy, not JSON', run: (t) => xml(t, 'PUT', '', { policy: '' }, 'not json') },
  { name: 'json: PutBucketPolicy, empty', run: (t) => xml(t, 'PUT', '', { policy: '' }, '') },
  { name: 'json: PutBucketPolicy, no Statement', run: (t) => xml(t, 'PUT', '', { policy: '' }, '{"Version":"2012-10-17"}') },
  { name: 'json: PutBucketPolicy, unknown action', run: (t) => xml(t, 'PUT', '', { policy: '' }, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:Frobnicate', Resource: '*' }] })) },
  { name: 'xml: 2 MB XML body', run: (t) => xml(t, 'POST', '', { delete: '' }, `<Delete>${LONG(2 * 1024 * 1024, ' ')}</Delete>`) },

  // --- form (IAM / STS) and Admin Ops bodies -----------------------------------------------------------------
  { name: 'form: 2 MB IAM body', run: (t) => form(t, `Action=ListUsers&Version=2010-05-08&Pad=${LONG(2 * 1024 * 1024)}`) },
  { name: 'form: non-UTF-8 IAM body', run: (t) => form(t, Buffer.concat([Buffer.from('Action=GetUser&UserName='), Buffer.from([0xff, 0xfe])])) },
  { name: 'form: bad percent-encoding in IAM body', run: (t) => form(t, 'Action=GetUser&UserName=%zz') },
  { name: 'form: STS AssumeRole without RoleArn', run: (t) => form(t, 'Action=AssumeRole&Version=2011-06-15&RoleSessionName=s', 'sts') },
  { name: 'admin: GetUserInfo without uid', run: (t) => admin(t, { path: '/admin/user' }) },
  { name: 'admin: 2 MB body', run: (t) => admin(t, { method: 'PUT', path: '/admin/user', query: { uid: 'x' }, body: LONG(2 * 1024 * 1024), headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }) },
  { name: 'admin: CreateUser with a bad max-buckets', run: (t) => admin(t, { method: 'PUT', path: '/admin/user', query: { uid: `malformed-${Date.now()}`, 'display-name': 'x', 'max-buckets': 'abc' } }) },
  { name: 'admin: caps string without "="', run: (t) => admin(t, { method: 'PUT', path: '/admin/user', query: { caps: '', uid: 'admin', 'user-caps': 'users' } }) },
  { name: 'admin: account id of the wrong shape', run: (t) => admin(t, { method: 'POST', path: '/admin/account', query: { name: 'malformed-acct', id: 'NOTANID' } }) },

  // --- authentication ------------------------------------------------------------------------------------------
  { name: 'auth: Authorization with the algorithm only', run: (t) => authHeader(t, () => 'AWS4-HMAC-SHA256') },
  { name: 'auth: Authorization without Signature', run: (t) => authHeader(t, (a) => a.replace(/, Signature=[0-9a-f]+/, '')) },
  { name: 'auth: Authorization with a short Credential', run: (t) => authHeader(t, (a) => a.replace('/aws4_request', '')) },
  { name: 'auth: Authorization cut in the middle', run: (t) => authHeader(t, (a) => a.slice(0, 60)) },
  { name: 'auth: Authorization Bearer', run: (t) => authHeader(t, () => 'Bearer abc') },
  { name: 'auth: Authorization of 8 KB', run: (t) => authHeader(t, (a) => `${a}, X=${LONG(8000)}`) },
  { name: 'auth: SigV2 with no colon', run: (t) => authHeader(t, () => `AWS ${t.creds.accessKeyId}`) },
  { name: 'auth: x-amz-date garbage', run: (t) => dateHeader(t, 'garbage') },
  { name: 'auth: x-amz-date missing', run: (t) => dateHeader(t, undefined) },
  { name: 'auth: x-amz-date month 13', run: (t) => dateHeader(t, '20261301T000000Z') },
  { name: 'auth: presigned, X-Amz-Expires=0', run: (t) => presignedEdit(t, (q) => (q['X-Amz-Expires'] = '0')) },
  { name: 'auth: presigned, X-Amz-Date garbage', run: (t) => presignedEdit(t, (q) => (q['X-Amz-Date'] = 'garbage')) },
  { name: 'auth: presigned, no X-Amz-Credential', run: (t) => presignedEdit(t, (q) => delete q['X-Amz-Credential']) },
  { name: 'auth: aws-chunked, garbage framing', run: (t) => chunked(t, 'zz;chunk-signature=abc\r\nhello\r\n') },
  { name: 'auth: aws-chunked, no chunk signature', run: (t) => chunked(t, '5\r\nhello\r\n0\r\n\r\n') },
  { name: 'auth: aws-chunked, no decoded length', run: async (t) => rawExchange(t.endpoint, (await signedHead(t, { method: 'PUT', path: `/${t.bucket}/chunked`, headers: { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'content-encoding': 'aws-chunked' } }, { 'content-length': '5' })) + 'hello') },
  { name: 'auth: aws-chunked, CRLF missing after data', run: (t) => chunked(t, `5;chunk-signature=${'0'.repeat(64)}\r\nhelloXX`) },
  { name: 'auth: x-amz-content-sha256 garbage on GET', run: (t) => get(t, '/obj', {}, { 'x-amz-content-sha256': 'garbage' }) },
  { name: 'auth: x-amz-content-sha256 mismatch on PUT', run: (t) => put(t, '/mismatch', 'hello', { 'x-amz-content-sha256': sha256('other') }) },
];

/** The request every run ends with: the server must still answer a valid one. */
export async function healthy(t: Target): Promise<Outcome> {
  return get(t, '/obj');
}

/** Distinct names, so a count of cases is a count of distinct requests. */
export function assertDistinct(cases: Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`duplicate case ${c.name}`);
    seen.add(c.name);
  }
}
