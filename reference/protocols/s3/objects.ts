// Object operations: PutObject, GetObject / HeadObject (ranges, conditions, ?partNumber, response-*
// overrides), DeleteObject — in RGW 20.2.4's order of checks (probed; docs/rgw-behaviour/s3.md). Bodies stream
// from ctx.body() into the blob store and back; an object is never held in memory.
import { GatewayError } from '../../errors.js';
import { header, type RequestContext } from '../../http/context.js';
import { T, type Owner } from '../../identity/model.js';
import { objectKey, uploadKey, type BucketRecord, type ObjectRecord } from '../../bucket/model.js';
import { commitObject, deleteObject } from '../../bucket/writes.js';
import { checkBeforeBody } from '../../quota/check.js';
import { authorizeOn, callerOwner, loadBucket, missingObject, type S3Request } from './request.js';
import { sendEmpty } from './respond.js';
import { CANNED_ACLS } from './acl.js';
import { checksumOf, expectedMd5, notModifiedHeaders, objectHeaders, storageClassOf, storedHeaders, userMetadata } from './object-meta.js';
import { evaluate, readConditions } from './preconditions.js';
import { parseRange, resolveRange } from './range.js';

const MAX_KEY_BYTES = 1024;

/** Object names RGW refuses: longer than 1024 bytes → 400 InvalidObjectName. */
export function validateKey(key: string | undefined): string {
  if (!key) throw new GatewayError('InvalidRequest');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new GatewayError('InvalidObjectName');
  return key;
}

/** Objects belong to the writer's account (account members) or to the writing classic user. */
export function objectOwner(ctx: RequestContext, bucket: BucketRecord): Owner {
  return callerOwner(ctx) ?? bucket.owner;
}

export function cannedAcl(ctx: RequestContext): string {
  const acl = header(ctx.headers, 'x-amz-acl') ?? 'private';
  if (!CANNED_ACLS.has(acl)) throw new GatewayError('InvalidArgument');
  return acl;
}

export function aclConditions(ctx: RequestContext): Record<string, string[]> {
  const acl = header(ctx.headers, 'x-amz-acl');
  return acl ? { 's3:x-amz-acl': [acl] } : {};
}

/** The length the client declares (x-amz-decoded-content-length for aws-chunked bodies). */
export function declaredLength(ctx: RequestContext): number | undefined {
  const v = header(ctx.headers, 'x-amz-decoded-content-length') ?? header(ctx.headers, 'content-length');
  return v === undefined ? undefined : Number(v);
}

/** RGW's checks on a body about to be stored: a length must be declared (411) and within rgw_max_put_size. */
export function checkDeclaredLength(ctx: RequestContext): number | undefined {
  const declared = declaredLength(ctx);
  if (declared === undefined && header(ctx.headers, 'transfer-encoding') === undefined) throw new GatewayError('MissingContentLength');
  if (declared !== undefined && declared > ctx.env.config.maxPutSize) throw new GatewayError('EntityTooLarge');
  return declared;
}

export async function putObject(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const key = validateKey(r.key);
  authorizeOn(r, b, { key, conditions: aclConditions(ctx) });
  const acl = cannedAcl(ctx);
  const storageClass = storageClassOf(ctx);
  const md5 = expectedMd5(ctx);
  const declared = checkDeclaredLength(ctx);
  // RGW's first quota check, with the declared length and before the body; commitObject checks again.
  checkBeforeBody(ctx.env, b, declared);
  const blob = await ctx.env.store.blobs.write(ctx.body());
  try {
    if (md5 && md5 !== blob.md5) throw new GatewayError('BadDigest');
    if (declared !== undefined && declared !== blob.size) throw new GatewayError('IncompleteBody');
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
      ...(storageClass ? { storageClass } : {}),
    };
    await commitObject(ctx.env, b, obj);
    const headers: Record<string, string> = { ETag: `"${obj.etag}"`, 'Accept-Ranges': 'bytes' };
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

/** RGW's error for a missing object: NoSuchKey (x-amz-delete-marker: false on GET/HEAD) or AccessDenied. */
function noObject(r: S3Request, b: BucketRecord): GatewayError {
  const err = missingObject(r, b);
  if (r.ctx.method === 'GET' || r.ctx.method === 'HEAD') r.ctx.res.setHeader('x-amz-delete-marker', 'false');
  return err;
}

/**
 * The object a GET/HEAD/copy reads, or RGW's error for it (noObject): a versionId other than "null" names no
 * version of an unversioned object.
 */
export function readableObject(r: S3Request, b: BucketRecord, key: string, versionId: string | null | undefined): ObjectRecord {
  const o = versionId === null || versionId === undefined || versionId === 'null' ? r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, key)) : undefined;
  if (!o) throw noObject(r, b);
  return o;
}

/** ?partNumber=N: the bytes and ETag of part N of a multipart object (part 1 of any other object is all of it). */
function selectPart(ctx: RequestContext, o: ObjectRecord): { offset: number; size: number; etag: string } | undefined {
  const v = ctx.query.get('partNumber');
  if (v === null) return undefined;
  if (!/^-?\d+$/.test(v)) throw new GatewayError('InvalidPart', `Invalid partNumber: Expected option value to be integer, got '${v}'`);
  const n = Number(v);
  if (!o.parts?.length) {
    if (n !== 1) throw new GatewayError('InvalidPart');
    return undefined;
  }
  let offset = 0;
  for (const p of o.parts) {
    if (p.partNumber === n) return { offset, size: p.size, etag: p.etag };
    offset += p.size;
  }
  throw new GatewayError('InvalidPart');
}

async function readObject(r: S3Request, withBody: boolean): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const versionId = ctx.query.get('versionId');
  // With ?uploadId RGW reads the upload's (empty) meta object instead of the object.
  if (ctx.query.has('uploadId')) {
    if (!ctx.env.store.get(T.uploads, uploadKey(b.marker, ctx.query.get('uploadId') ?? ''))) throw noObject(r, b);
    authorizeOn(r, b, { key: r.key });
    ctx.res.setHeader('Content-Type', 'application/xml');
    return sendEmpty(ctx, 200);
  }
  const o = readableObject(r, b, r.key!, versionId);
  authorizeOn(r, b, { key: r.key, owner: o.owner, objectAcl: o.acl, deniedMessage: 'missing s3:GetObject permission' });
  const part = selectPart(ctx, o);
  // Decoded before any condition is evaluated: a malformed range (416) or date (400) wins over them.
  const rangeSpec = parseRange(header(ctx.headers, 'range'));
  const conditions = readConditions(ctx, '');
  const res = ctx.res;
  if (evaluate(conditions, o.etag, o.lastModified) === 'not-modified') {
    for (const [k, v] of Object.entries(notModifiedHeaders(o))) res.setHeader(k, v);
    res.statusCode = 304;
    res.end();
    return;
  }
  const size = part ? part.size : o.size;
  const base = part ? part.offset : 0;
  const range = rangeSpec ? resolveRange(rangeSpec, size) : undefined;
  const headers = objectHeaders(ctx, o, part ? part.etag : o.etag);
  if (versionId === 'null') headers['x-amz-version-id'] = 'null';
  res.statusCode = rangeSpec?.partial ? 206 : 200;
  const length = range ? range.end - range.start + 1 : size;
  res.setHeader('Content-Length', String(length));
  if (range && size > 0) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  res.setHeader('Accept-Ranges', 'bytes');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (!withBody || length === 0) {
    res.end();
    return;
  }
  const start = base + (range ? range.start : 0);
  const stream = ctx.env.store.blobs.read(o.blob, { start, end: start + length - 1 });
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
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
  authorizeOn(r, b, { key: r.key, objectAcl: o?.acl });
  await deleteObject(r.ctx.env, b, r.key!);
  sendEmpty(r.ctx, 204);
}
