// Object operations: PutObject, GetObject (ranges, conditions), HeadObject, DeleteObject, DeleteObjects, CopyObject.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { header, type RequestContext } from '../../http/context.js';
import { asArray, parseXml } from '../../http/xml.js';
import { T, type Owner } from '../../identity/model.js';
import { bucketKey, objectKey, type BucketRecord, type ObjectRecord } from '../../bucket/model.js';
import { commitObject, deleteObject } from '../../bucket/writes.js';
import { callerOwner, loadBucket, s3Arn, type S3Request } from './request.js';
import { httpDate, isoDate, sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { CANNED_ACLS } from './acl.js';

const MAX_KEY_BYTES = 1024;
const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'];
const CHECKSUMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'];

function userMetadata(headers: IncomingHttpHeaders): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.startsWith('x-amz-meta-') && v !== undefined) meta[k.slice(11)] = Array.isArray(v) ? v.join(',') : v;
  return meta;
}

function storedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of STORED_HEADERS) {
    const v = header(headers, h);
    if (v !== undefined) out[h] = v;
  }
  return out;
}

function checksumOf(headers: IncomingHttpHeaders): ObjectRecord['checksum'] {
  for (const alg of CHECKSUMS) {
    const v = header(headers, `x-amz-checksum-${alg}`);
    if (v) return { algorithm: alg, value: v };
  }
  return undefined;
}

function validateKey(bucket: string, key: string | undefined): string {
  if (!key) throw new GatewayError('InvalidRequest', '', { BucketName: bucket });
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new GatewayError('KeyTooLongError', '', { BucketName: bucket });
  return key;
}

function objectOwner(ctx: RequestContext, bucket: BucketRecord): Owner {
  return callerOwner(ctx) ?? bucket.owner;
}

function cannedAcl(ctx: RequestContext, bucket: string): string {
  const acl = header(ctx.headers, 'x-amz-acl') ?? 'private';
  if (!CANNED_ACLS.has(acl)) throw new GatewayError('InvalidArgument', '', { BucketName: bucket });
  return acl;
}

function expectedMd5(ctx: RequestContext, bucket: string): string | undefined {
  const v = header(ctx.headers, 'content-md5');
  if (v === undefined) return undefined;
  const raw = Buffer.from(v, 'base64');
  if (raw.length !== 16 || raw.toString('base64') !== v.trim()) throw new GatewayError('InvalidDigest', '', { BucketName: bucket });
  return raw.toString('hex');
}

export async function putObject(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const key = validateKey(b.name, r.key);
  authorize(ctx, { action: 's3:PutObject', resource: s3Arn(b, key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl, conditions: aclConditions(ctx) });
  const acl = cannedAcl(ctx, b.name);
  const md5 = expectedMd5(ctx, b.name);
  const declared = header(ctx.headers, 'x-amz-decoded-content-length') ?? header(ctx.headers, 'content-length');
  if (declared === undefined && header(ctx.headers, 'transfer-encoding') === undefined) throw new GatewayError('MissingContentLength', '', { BucketName: b.name });
  if (declared !== undefined && Number(declared) > ctx.env.config.maxPutSize) throw new GatewayError('EntityTooLarge', '', { BucketName: b.name });
  const blob = await ctx.env.store.blobs.write(ctx.body());
  try {
    if (md5 && md5 !== blob.md5) throw new GatewayError('BadDigest', '', { BucketName: b.name });
    if (declared !== undefined && Number(declared) !== blob.size) throw new GatewayError('IncompleteBody', '', { BucketName: b.name });
    const obj: ObjectRecord = {
      key,
      size: blob.size,
      etag: blob.md5,
      lastModified: new Date(ctx.env.clock.now()).toISOString(),
      blob: blob.id,
      owner: objectOwner(ctx, b),
      contentType: header(ctx.headers, 'content-type') ?? 'binary/octet-stream',
      metadata: userMetadata(ctx.headers),
      headers: storedHeaders(ctx.headers),
      checksum: checksumOf(ctx.headers),
      acl,
    };
    await commitObject(ctx.env, b, obj);
    const headers: Record<string, string> = { ETag: `"${obj.etag}"` };
    if (obj.checksum) {
      headers[`x-amz-checksum-${obj.checksum.algorithm}`] = obj.checksum.value;
      headers['x-amz-checksum-type'] = 'FULL_OBJECT';
    }
    sendEmpty(ctx, 200, headers);
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
}

function aclConditions(ctx: RequestContext): Record<string, string[]> {
  const acl = header(ctx.headers, 'x-amz-acl');
  return acl ? { 's3:x-amz-acl': [acl] } : {};
}

function loadObject(r: S3Request, b: BucketRecord): ObjectRecord | undefined {
  return r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
}

/** Evaluate If-Match / If-None-Match / If-(Un)Modified-Since as RGW does; throws 412 or answers 304. */
function preconditions(ctx: RequestContext, o: ObjectRecord, bucket: string): 'ok' | 'not-modified' {
  const ifMatch = header(ctx.headers, 'if-match');
  const ifNoneMatch = header(ctx.headers, 'if-none-match');
  const ifModified = header(ctx.headers, 'if-modified-since');
  const ifUnmodified = header(ctx.headers, 'if-unmodified-since');
  const etagIn = (list: string): boolean => list.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^"|"$/g, '') === o.etag);
  const modified = Math.floor(Date.parse(o.lastModified) / 1000) * 1000;
  if (ifMatch !== undefined && !etagIn(ifMatch)) throw new GatewayError('PreconditionFailed', '', { BucketName: bucket });
  if (ifUnmodified !== undefined && ifMatch === undefined) {
    const t = Date.parse(ifUnmodified);
    if (!Number.isNaN(t) && modified > t) throw new GatewayError('PreconditionFailed', '', { BucketName: bucket });
  }
  if (ifNoneMatch !== undefined && etagIn(ifNoneMatch)) return 'not-modified';
  if (ifModified !== undefined && ifNoneMatch === undefined) {
    const t = Date.parse(ifModified);
    if (!Number.isNaN(t) && modified <= t) return 'not-modified';
  }
  return 'ok';
}

/** Parse a single byte range; undefined means "whole object" (RGW ignores what it cannot parse). */
function parseRange(value: string | undefined, size: number, bucket: string): { start: number; end: number } | undefined {
  if (!value) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw new GatewayError('InvalidRange', '', { BucketName: bucket });
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) throw new GatewayError('InvalidRange', '', { BucketName: bucket });
  return { start, end };
}

function objectHeaders(ctx: RequestContext, o: ObjectRecord): Record<string, string> {
  const h: Record<string, string> = {
    'Content-Type': o.contentType,
    ETag: `"${o.etag}"`,
    'Last-Modified': httpDate(o.lastModified),
    'Accept-Ranges': 'bytes',
  };
  for (const [k, v] of Object.entries(o.headers)) h[k] = v;
  for (const [k, v] of Object.entries(o.metadata)) h[`x-amz-meta-${k}`] = v;
  // response-* query parameters override the stored headers (GetObject only, as in RGW).
  for (const [q, name] of [['response-content-type', 'Content-Type'], ['response-content-disposition', 'content-disposition'], ['response-content-encoding', 'content-encoding'], ['response-content-language', 'content-language'], ['response-cache-control', 'cache-control'], ['response-expires', 'expires']] as const) {
    const v = ctx.query.get(q);
    if (v !== null) h[name] = v;
  }
  return h;
}

async function readObject(r: S3Request, withBody: boolean): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const o = loadObject(r, b);
  authorize(ctx, { action: 's3:GetObject', resource: s3Arn(b, r.key), owner: o?.owner ?? b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl, objectAcl: o?.acl, deniedMessage: 'missing s3:GetObject permission' });
  if (!o) throw new GatewayError(withBody ? 'NoSuchKey' : 'NoSuchKey', '', { BucketName: b.name, Key: r.key! });
  if (preconditions(ctx, o, b.name) === 'not-modified') {
    ctx.res.statusCode = 304;
    ctx.res.setHeader('ETag', `"${o.etag}"`);
    ctx.res.setHeader('Last-Modified', httpDate(o.lastModified));
    ctx.res.end();
    return;
  }
  const range = parseRange(header(ctx.headers, 'range'), o.size, b.name);
  const res = ctx.res;
  for (const [k, v] of Object.entries(objectHeaders(ctx, o))) res.setHeader(k, v);
  // A full-object checksum only describes a whole-object GET.
  if (!range && o.checksum && header(ctx.headers, 'x-amz-checksum-mode') === 'ENABLED') {
    res.setHeader(`x-amz-checksum-${o.checksum.algorithm}`, o.checksum.value);
    res.setHeader('x-amz-checksum-type', 'FULL_OBJECT');
  }
  if (range) {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${o.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.statusCode = 200;
    res.setHeader('Content-Length', String(o.size));
  }
  if (!withBody || o.size === 0) {
    res.end();
    return;
  }
  const stream = ctx.env.store.blobs.read(o.blob, range);
  await new Promise<void>((resolve) => {
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

export const getObject = (r: S3Request): Promise<void> => readObject(r, true);
export const headObject = (r: S3Request): Promise<void> => readObject(r, false);

export async function deleteObjectOp(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  const o = loadObject(r, b);
  authorize(r.ctx, { action: 's3:DeleteObject', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl, objectAcl: o?.acl });
  await deleteObject(r.ctx.env, b, r.key!);
  sendEmpty(r.ctx, 204);
}

export async function deleteObjects(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const doc = parseXml((await readSmallBody(ctx)).toString('utf8'));
  const del = doc.Delete as Record<string, unknown> | undefined;
  if (!del || typeof del !== 'object') throw new GatewayError('MalformedXML', '', { BucketName: b.name });
  const quiet = String(del.Quiet ?? 'false').toLowerCase() === 'true';
  const objects = asArray(del.Object as Record<string, unknown> | Record<string, unknown>[] | undefined);
  if (objects.length > 1000) throw new GatewayError('MalformedXML', '', { BucketName: b.name });
  const deleted: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const obj of objects) {
    const key = String(obj.Key ?? '');
    try {
      authorize(ctx, { action: 's3:DeleteObject', resource: s3Arn(b, key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
      await deleteObject(ctx.env, b, key);
      if (!quiet) deleted.push({ Key: key });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      errors.push({ Key: key, Code: err.kind, Message: err.message });
    }
  }
  sendXml(ctx, 'DeleteResult', { ...(deleted.length ? { Deleted: deleted } : {}), ...(errors.length ? { Error: errors } : {}) });
}

/** x-amz-copy-source: "[/]bucket/key[?versionId=..]", URL-encoded; "tenant:bucket" reaches another tenant. */
export function parseCopySource(value: string, callerTenant: string): { tenant: string; bucket: string; key: string } {
  let v = value;
  const q = v.indexOf('?');
  if (q >= 0) v = v.slice(0, q);
  try {
    v = decodeURIComponent(v);
  } catch {
    throw new GatewayError('InvalidArgument');
  }
  if (v.startsWith('/')) v = v.slice(1);
  const slash = v.indexOf('/');
  if (slash <= 0 || slash === v.length - 1) throw new GatewayError('InvalidArgument');
  let bucket = v.slice(0, slash);
  let tenant = callerTenant;
  const colon = bucket.indexOf(':');
  if (colon >= 0) {
    tenant = bucket.slice(0, colon);
    bucket = bucket.slice(colon + 1);
  }
  return { tenant, bucket, key: v.slice(slash + 1) };
}

export async function copyObject(r: S3Request): Promise<void> {
  const { ctx } = r;
  const dst = loadBucket(r);
  const key = validateKey(dst.name, r.key);
  const source = parseCopySource(header(ctx.headers, 'x-amz-copy-source')!, r.tenant);
  const src = ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(source.tenant, source.bucket));
  if (!src) throw new GatewayError('NoSuchBucket', '', { BucketName: source.bucket });
  const so = ctx.env.store.get<ObjectRecord>(T.objects, objectKey(src.marker, source.key));
  authorize(ctx, { action: 's3:GetObject', resource: s3Arn(src, source.key), owner: so?.owner ?? src.owner, bucketPolicy: src.policy, bucketTenant: src.tenant, bucketAcl: src.acl, objectAcl: so?.acl });
  authorize(ctx, { action: 's3:PutObject', resource: s3Arn(dst, key), owner: dst.owner, bucketPolicy: dst.policy, bucketTenant: dst.tenant, bucketAcl: dst.acl, conditions: aclConditions(ctx) });
  if (!so) throw new GatewayError('NoSuchKey', '', { BucketName: source.bucket, Key: source.key });
  const replace = (header(ctx.headers, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (replace !== 'COPY' && replace !== 'REPLACE') throw new GatewayError('InvalidArgument', 'Unknown metadata directive.', { BucketName: dst.name });
  if (src.marker === dst.marker && source.key === key && replace === 'COPY') {
    throw new GatewayError('InvalidRequest', "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.", { BucketName: dst.name });
  }
  const blob = await ctx.env.store.blobs.write(ctx.env.store.blobs.read(so.blob));
  try {
    const now = new Date(ctx.env.clock.now()).toISOString();
    const obj: ObjectRecord = {
      ...so,
      key,
      blob: blob.id,
      lastModified: now,
      owner: objectOwner(ctx, dst),
      acl: cannedAcl(ctx, dst.name),
      ...(replace === 'REPLACE'
        ? { contentType: header(ctx.headers, 'content-type') ?? 'binary/octet-stream', metadata: userMetadata(ctx.headers), headers: storedHeaders(ctx.headers) }
        : {}),
    };
    await commitObject(ctx.env, dst, obj);
    sendXml(ctx, 'CopyObjectResult', { LastModified: isoDate(now), ETag: `"${obj.etag}"` });
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
}

export function md5Hex(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}
