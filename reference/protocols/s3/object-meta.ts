// What an object keeps from its PUT request and sends back on GET/HEAD, as RGW 20.2.4 does: user metadata
// (x-amz-meta-*, names lower-cased), the stored HTTP headers, the storage class when one was given, and the
// headers every GET/HEAD carries (Last-Modified, ETag, Accept-Ranges, x-rgw-object-type: Normal,
// x-amz-mp-parts-count for multipart objects). response-* query parameters override stored headers.
import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '../../errors.js';
import { header, type RequestContext } from '../../http/context.js';
import type { ObjectRecord } from '../../bucket/model.js';
import { httpDate } from './respond.js';

const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];
const CHECKSUMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];
const RESPONSE_OVERRIDES: [string, string][] = [
  ['response-content-type', 'Content-Type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

export function userMetadata(headers: IncomingHttpHeaders): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.startsWith('x-amz-meta-') && v !== undefined) meta[k.slice(11)] = Array.isArray(v) ? v.join(',') : v;
  return meta;
}

export function storedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of STORED_HEADERS) {
    const v = header(headers, h);
    if (v !== undefined) out[h] = v;
  }
  return out;
}

export function checksumOf(headers: IncomingHttpHeaders): ObjectRecord['checksum'] {
  for (const alg of CHECKSUMS) {
    const v = header(headers, `x-amz-checksum-${alg}`);
    if (v) return { algorithm: alg, value: v };
  }
  return undefined;
}

/** x-amz-storage-class: the default placement has only STANDARD; anything else is 400 InvalidArgument. */
export function storageClassOf(ctx: RequestContext): string | undefined {
  const v = header(ctx.headers, 'x-amz-storage-class');
  if (v === undefined) return undefined;
  if (v !== 'STANDARD') throw new GatewayError('InvalidArgument');
  return v;
}

/** Content-MD5, decoded to hex; present but not a base64 MD5 → 400 InvalidDigest. */
export function expectedMd5(ctx: RequestContext): string | undefined {
  const v = header(ctx.headers, 'content-md5');
  if (v === undefined) return undefined;
  const raw = Buffer.from(v, 'base64');
  if (raw.length !== 16 || raw.toString('base64') !== v.trim()) throw new GatewayError('InvalidDigest');
  return raw.toString('hex');
}

/** The largest part number of a multipart object (RGW's x-amz-mp-parts-count). */
export const partsCount = (o: ObjectRecord): number | undefined => (o.parts?.length ? o.parts[o.parts.length - 1]!.partNumber : undefined);

/** Headers of a successful GET/HEAD (the ETag may be a part's, for ?partNumber). */
export function objectHeaders(ctx: RequestContext, o: ObjectRecord, etag: string): Record<string, string> {
  const h: Record<string, string> = { 'Last-Modified': httpDate(o.lastModified), 'x-rgw-object-type': 'Normal' };
  const count = partsCount(o);
  if (count !== undefined) h['x-amz-mp-parts-count'] = String(count);
  h.ETag = `"${etag}"`;
  for (const [k, v] of Object.entries(o.metadata)) h[`x-amz-meta-${k}`] = v;
  for (const [k, v] of Object.entries(o.headers)) h[k] = v;
  if (o.storageClass) h['x-amz-storage-class'] = o.storageClass;
  h['Content-Type'] = o.contentType;
  for (const [q, name] of RESPONSE_OVERRIDES) {
    const v = ctx.query.get(q);
    if (v !== null) h[name] = v;
  }
  return h;
}

/** Headers of a 304: RGW sends the validators and the stored caching headers only. */
export function notModifiedHeaders(o: ObjectRecord): Record<string, string> {
  const h: Record<string, string> = { 'Last-Modified': httpDate(o.lastModified), ETag: `"${o.etag}"` };
  if (o.headers['cache-control'] !== undefined) h['Cache-Control'] = o.headers['cache-control'];
  if (o.headers.expires !== undefined) h.Expires = o.headers.expires;
  return h;
}
