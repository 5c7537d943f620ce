// CopyObject (PUT with x-amz-copy-source) and the source side UploadPartCopy shares, as RGW 20.2.4 answers
// (probed; docs/rgw-behaviour/s3.md):
// - the source bucket resolves in the caller's tenant unless written tenant:bucket; errors name the
//   destination bucket (RGW's s->bucket_name);
// - a missing source is NoSuchKey for callers allowed s3:ListBucket on the source bucket, else AccessDenied;
//   a versionId other than "null" names nothing; reading the source is s3:GetObject (empty denial message);
// - x-amz-copy-source-if-* are evaluated like GET's conditions: 412, or 304 with an empty body;
// - x-amz-copy-source-range "bytes=F-L" (digits only, else 400 InvalidArgument; F > L or L past the source
//   416 InvalidRange) copies that slice, also on CopyObject, which then answers <CopyPartResult>;
// - metadata directive COPY (any case, default) keeps the source's metadata and headers and ignores the
//   request's; REPLACE takes them from the request; anything else 400 InvalidArgument "Unknown metadata
//   directive."; copying an object onto itself needs REPLACE (400 InvalidRequest).
import { GatewayError } from '../../errors.js';
import { header, type RequestContext } from '../../http/context.js';
import { T } from '../../identity/model.js';
import { bucketKey, type BucketRecord, type ObjectRecord } from '../../bucket/model.js';
import { commitObject } from '../../bucket/writes.js';
import { checkBeforeBody } from '../../quota/check.js';
import { authorizeOn, callerTenant, loadBucket, type S3Request } from './request.js';
import { isoDate, sendEmpty, sendXml } from './respond.js';
import { parseCopySource } from './copy-source.js';
import { aclConditions, cannedAcl, objectOwner, readableObject, validateKey } from './objects.js';
import { storedHeaders, userMetadata } from './object-meta.js';
import { evaluate, readConditions } from './preconditions.js';

export interface CopySourceRead {
  bucket: BucketRecord;
  object: ObjectRecord;
  /** Inclusive byte range of the source to copy; undefined: all of it. */
  range?: { start: number; end: number };
}

/** x-amz-copy-source-range: syntax first (400), order and bounds later (416). */
function copyRange(ctx: RequestContext): { start: number; end: number } | undefined {
  const v = header(ctx.headers, 'x-amz-copy-source-range');
  if (v === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(v);
  if (!m) throw new GatewayError('InvalidArgument');
  const start = Number(m[1] || 0);
  const end = Number(m[2] || 0);
  if (start > end) throw new GatewayError('InvalidRange');
  return { start, end };
}

/**
 * Resolve and authorize the copy source; throws RGW's error, or returns null when a copy-source condition
 * answered 304 (the caller sends it).
 */
export function readCopySource(r: S3Request): CopySourceRead | null {
  const { ctx } = r;
  const source = parseCopySource(header(ctx.headers, 'x-amz-copy-source') ?? '');
  const range = copyRange(ctx);
  const bucket = ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(source.tenant ?? callerTenant(ctx), source.bucket));
  if (!bucket) throw new GatewayError('NoSuchBucket');
  const sourceRequest: S3Request = { ...r, tenant: bucket.tenant, bucketName: bucket.name, key: source.key };
  const object = readableObject(sourceRequest, bucket, source.key, source.versionId);
  authorizeOn(sourceRequest, bucket, { action: 's3:GetObject', key: source.key, owner: object.owner, objectAcl: object.acl });
  if (evaluate(readConditions(ctx, 'x-amz-copy-source-'), object.etag, object.lastModified) === 'not-modified') return null;
  if (range && range.end >= object.size) throw new GatewayError('InvalidRange');
  return { bucket, object, ...(range ? { range } : {}) };
}

export async function copyObject(r: S3Request): Promise<void> {
  const { ctx } = r;
  const dst = loadBucket(r);
  const key = validateKey(r.key);
  const src = readCopySource(r);
  authorizeOn(r, dst, { key, conditions: aclConditions(ctx) });
  if (!src) return sendEmpty(ctx, 304);
  const so = src.object;
  const directive = (header(ctx.headers, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') throw new GatewayError('InvalidArgument', 'Unknown metadata directive.');
  const acl = cannedAcl(ctx);
  const size = src.range ? src.range.end - src.range.start + 1 : so.size;
  // RGW checks the destination's quota with the source's size before copying (even onto itself).
  checkBeforeBody(ctx.env, dst, size);
  if (src.bucket.marker === dst.marker && so.key === key && directive === 'COPY' && !src.range) {
    throw new GatewayError('InvalidRequest', "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
  }
  const blob = await ctx.env.store.blobs.write(ctx.env.store.blobs.read(so.blob, src.range ?? (so.size ? { start: 0, end: so.size - 1 } : undefined)));
  try {
    const now = new Date(ctx.env.clock.now()).toISOString();
    const { parts: _parts, storageClass: _sc, ...kept } = so;
    const obj: ObjectRecord = {
      ...kept,
      key,
      size: blob.size,
      // A whole copy keeps the source's ETag (a multipart ETag included); a slice is a new object.
      etag: src.range ? blob.md5 : so.etag,
      ...(!src.range && so.parts ? { parts: so.parts } : {}),
      blob: blob.id,
      lastModified: now,
      owner: objectOwner(ctx, dst),
      acl,
      ...(directive === 'REPLACE'
        ? { contentType: header(ctx.headers, 'content-type') ?? 'binary/octet-stream', metadata: userMetadata(ctx.headers), headers: storedHeaders(ctx.headers) }
        : {}),
    };
    await commitObject(ctx.env, dst, obj);
    sendXml(ctx, src.range ? 'CopyPartResult' : 'CopyObjectResult', { LastModified: isoDate(now), ETag: `"${obj.etag}"` });
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
}
