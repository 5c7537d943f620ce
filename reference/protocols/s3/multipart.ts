// Multipart uploads as RGW 20.2.4 runs them (probed; docs/rgw-behaviour/s3.md). Parts are blobs of their own;
// completion concatenates them into the object's blob. RGW's rules the reference keeps:
// - partNumber is any integer (strtol; not a number → 400 InvalidArgument); parts below 1 are stored but
//   never listed nor completed;
// - CompleteMultipartUpload parses the list into a map by part number (order and duplicates do not matter:
//   RGW never answers InvalidPartOrder), then requires the uploaded parts and the listed parts to be the same
//   set: a different count, a number or an ETag that differs → 400 InvalidPart; a part below 5 MiB that is
//   not the last → 400 EntityTooSmall (checked part by part, before its number and ETag);
// - completing an upload that no longer exists answers 200 again when the object there has the ETag the list
//   would give (a completed retry), else 500 InternalError "This multipart completion is already in progress";
// - a missing upload is NoSuchUpload for UploadPart and AbortMultipartUpload, but ListParts reads it as a
//   missing object (NoSuchKey, or AccessDenied without s3:ListBucket);
// - ListParts shows the upload's Owner (no Initiator); ListMultipartUploads shows the CALLER as Initiator and
//   Owner of every upload, orders uploads by "key.uploadId", and with a delimiter leaves out the uploads under
//   a common prefix without listing the prefix (RGW 20.2.4 quirk).
// Stats and quota: every write calls quota/ (accounting + checks); see quota/check.ts for where RGW checks.
import { createHash, randomBytes } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { header } from '../../http/context.js';
import { asArray, parseXml } from '../../http/xml.js';
import { T } from '../../identity/model.js';
import { bucketKey, objectKey, partKey, uploadKey, type BucketRecord, type ObjectRecord, type PartRecord, type UploadRecord } from '../../bucket/model.js';
import { commitObject } from '../../bucket/writes.js';
import { addUsage, partUploaded, uploadEnded, uploadStarted, usageOfObject } from '../../quota/accounting.js';
import { checkBeforeBody, checkQuota } from '../../quota/check.js';
import type { BlobInfo } from '../../store/store.js';
import { authorizeOn, callerIdentity, callerOwner, loadBucket, missingObject, ownerIdentity, type S3Request } from './request.js';
import { isoDate, sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { boundedInt, MAX_LISTING, rgwUrlEncode, strictLong, unquote } from './encode.js';
import { cannedAcl, checkDeclaredLength, validateKey } from './objects.js';
import { expectedMd5, storedHeaders, userMetadata } from './object-meta.js';
import { readCopySource } from './copy.js';

const MIN_PART = 5 * 1024 * 1024;
/** RGW reads partNumber with strtol; the reference keeps 32-bit part numbers. */
const PART_LIMIT = 2 ** 31 - 1;

function findUpload(r: S3Request, b: BucketRecord): UploadRecord | undefined {
  const id = r.ctx.query.get('uploadId') ?? '';
  const u = r.ctx.env.store.get<UploadRecord>(T.uploads, uploadKey(b.marker, id));
  return u && u.key === r.key ? u : undefined;
}

function loadUpload(r: S3Request, b: BucketRecord): UploadRecord {
  const u = findUpload(r, b);
  if (!u) throw new GatewayError('NoSuchUpload');
  return u;
}

/** The bucket row as stored now (stats change under concurrent writes; read it right before committing). */
function currentBucket(r: S3Request, b: BucketRecord): BucketRecord {
  return r.ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(b.tenant, b.name)) ?? b;
}

/** Parts a listing or a completion sees: numbers 1 and up, in order. */
function visibleParts(r: S3Request, uploadId: string): PartRecord[] {
  return r.ctx.env.store
    .list<PartRecord>(T.parts, { prefix: `${uploadId}/` })
    .map(([, p]) => p)
    .filter((p) => p.partNumber >= 1);
}

function allParts(r: S3Request, uploadId: string): PartRecord[] {
  return r.ctx.env.store.list<PartRecord>(T.parts, { prefix: `${uploadId}/` }).map(([, p]) => p);
}

function partNumber(r: S3Request): number {
  const n = strictLong(r.ctx.query.get('partNumber') ?? '');
  if (n === undefined || Math.abs(n) > PART_LIMIT) throw new GatewayError('InvalidArgument');
  return n;
}

/** <Tenant> first in multipart results when the bucket has one. */
const tenantField = (b: BucketRecord): Record<string, string> => (b.tenant ? { Tenant: b.tenant } : {});

export async function createMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const key = validateKey(r.key);
  authorizeOn(r, b, { key });
  const acl = cannedAcl(ctx);
  // RGW upload ids are "2~" and 31 random characters.
  const uploadId = `2~${randomBytes(24).toString('base64url').slice(0, 31)}`;
  const upload: UploadRecord = {
    uploadId,
    key,
    initiated: new Date(ctx.env.clock.now()).toISOString(),
    owner: callerOwner(ctx) ?? b.owner,
    initiator: callerIdentity(ctx).id,
    contentType: header(ctx.headers, 'content-type') ?? 'binary/octet-stream',
    metadata: userMetadata(ctx.headers),
    headers: storedHeaders(ctx.headers),
    acl,
  };
  // The upload's meta entry counts in the bucket's stats (rgw.multimeta); RGW checks no quota here.
  const bucket = currentBucket(r, b);
  await ctx.env.store.commit([{ table: T.uploads, key: uploadKey(b.marker, uploadId), value: upload }, { table: T.buckets, key: bucketKey(b.tenant, b.name), value: uploadStarted(bucket) }]);
  sendXml(ctx, 'InitiateMultipartUploadResult', { ...tenantField(b), Bucket: b.name, Key: key, UploadId: uploadId });
}

/** Store a part's blob: the upload must still exist, the quota allow it; stats move in the same commit. */
async function commitPart(r: S3Request, b: BucketRecord, upload: UploadRecord, n: number, blob: BlobInfo): Promise<PartRecord> {
  const { ctx } = r;
  const key = partKey(upload.uploadId, n);
  const old = ctx.env.store.get<PartRecord>(T.parts, key);
  const part: PartRecord = { partNumber: n, etag: blob.md5, size: blob.size, blob: blob.id, lastModified: new Date(ctx.env.clock.now()).toISOString() };
  const live = ctx.env.store.get<UploadRecord>(T.uploads, uploadKey(b.marker, upload.uploadId));
  const bucket = currentBucket(r, b);
  try {
    if (!live) throw new GatewayError('NoSuchUpload');
    checkQuota(ctx.env, { bucket, addBytes: blob.size, addObjects: 1 });
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
  const accounted = addUsage(live.accounted ?? { objects: 0, size: 0, sizeRounded: 0 }, usageOfObject(blob.size));
  await ctx.env.store.commit([
    { table: T.parts, key, value: part },
    { table: T.uploads, key: uploadKey(b.marker, upload.uploadId), value: { ...live, accounted } },
    { table: T.buckets, key: bucketKey(b.tenant, b.name), value: partUploaded(bucket, blob.size) },
  ]);
  if (old) await ctx.env.store.blobs.delete(old.blob);
  return part;
}

export async function uploadPart(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorizeOn(r, b, { key: r.key });
  const n = partNumber(r);
  const md5 = expectedMd5(ctx);
  const declared = checkDeclaredLength(ctx);
  // RGW checks the quota before reading the body (declared length; before it even looks the upload up) and
  // again with the part's size; each part is an entry of the bucket's stats until the upload ends.
  checkBeforeBody(ctx.env, b, declared);
  const upload = loadUpload(r, b);
  const blob = await ctx.env.store.blobs.write(ctx.body());
  if ((md5 && md5 !== blob.md5) || (declared !== undefined && declared !== blob.size)) {
    await ctx.env.store.blobs.delete(blob.id);
    throw new GatewayError(md5 && md5 !== blob.md5 ? 'BadDigest' : 'IncompleteBody');
  }
  const part = await commitPart(r, b, upload, n, blob);
  sendEmpty(ctx, 200, { ETag: `"${part.etag}"`, 'Accept-Ranges': 'bytes' });
}

export async function uploadPartCopy(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const n = partNumber(r);
  // Unlike UploadPart, RGW reads the destination upload as an object here: missing → NoSuchKey/AccessDenied.
  const upload = findUpload(r, b);
  if (!upload) throw missingObject(r, b);
  const src = readCopySource(r);
  authorizeOn(r, b, { key: r.key });
  if (!src) return sendEmpty(ctx, 304);
  const so = src.object;
  const range = src.range ?? (so.size ? { start: 0, end: so.size - 1 } : undefined);
  checkBeforeBody(ctx.env, b, range ? range.end - range.start + 1 : 0);
  const blob = await ctx.env.store.blobs.write(ctx.env.store.blobs.read(so.blob, range));
  const part = await commitPart(r, b, upload, n, blob);
  sendXml(ctx, 'CopyPartResult', { LastModified: isoDate(part.lastModified), ETag: `"${part.etag}"` });
}

/** The CompleteMultipartUpload list as RGW decodes it: part number → ETag, in number order. */
function requestedParts(text: string): Map<number, string> {
  const doc = parseXml(text);
  const root = doc.CompleteMultipartUpload;
  if (!root || typeof root !== 'object') throw new GatewayError('MalformedXML');
  const parts = asArray((root as Record<string, unknown>).Part as Record<string, unknown> | Record<string, unknown>[] | undefined);
  if (!parts.length) throw new GatewayError('MalformedXML');
  const byNumber = new Map<number, string>();
  for (const p of parts) {
    if (!p || typeof p !== 'object' || p.PartNumber === undefined || typeof p.ETag !== 'string') throw new GatewayError('MalformedXML');
    // A PartNumber that is not a number decodes as 0, which matches no uploaded part.
    byNumber.set(strictLong(String(p.PartNumber)) ?? 0, p.ETag);
  }
  return new Map([...byNumber.entries()].sort(([x], [y]) => x - y));
}

/** The multipart ETag: MD5 of the parts' binary MD5s, then "-" and the number of parts. */
function multipartEtag(etags: string[]): string | undefined {
  const md5s = createHash('md5');
  for (const e of etags) {
    if (!/^[0-9a-f]{32}$/i.test(e)) return undefined;
    md5s.update(Buffer.from(e, 'hex'));
  }
  return `${md5s.digest('hex')}-${etags.length}`;
}

function sendCompleted(r: S3Request, b: BucketRecord, key: string, etag: string): void {
  const host = header(r.ctx.headers, 'host') ?? '';
  const bucketPath = b.tenant ? `${b.tenant}:${b.name}` : b.name;
  sendXml(r.ctx, 'CompleteMultipartUploadResult', { Location: `http://${host}/${bucketPath}/${key}`, ...tenantField(b), Bucket: b.name, Key: key, ETag: `"${etag}"` });
}

export async function completeMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorizeOn(r, b, { key: r.key });
  const requested = requestedParts((await readSmallBody(ctx)).toString('utf8'));
  const upload = findUpload(r, b);
  if (!upload) {
    const again = multipartEtag([...requested.values()].map(unquote));
    const existing = ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
    if (again && existing?.etag === again) return sendCompleted(r, b, r.key!, again);
    throw new GatewayError('InternalError', 'This multipart completion is already in progress');
  }
  const uploaded = visibleParts(r, upload.uploadId);
  if (uploaded.length !== requested.size) throw new GatewayError('InvalidPart');
  const asked = [...requested.entries()];
  for (const [i, p] of uploaded.entries()) {
    const [n, etag] = asked[i]!;
    if (i < uploaded.length - 1 && p.size < MIN_PART) throw new GatewayError('EntityTooSmall');
    if (n !== p.partNumber || unquote(etag) !== p.etag) throw new GatewayError('InvalidPart');
  }
  const etag = multipartEtag(uploaded.map((p) => p.etag))!;
  const blob = await ctx.env.store.blobs.concat(uploaded.map((p) => p.blob));
  const obj: ObjectRecord = {
    key: upload.key,
    size: blob.size,
    etag,
    lastModified: new Date(ctx.env.clock.now()).toISOString(),
    blob: blob.id,
    owner: upload.owner,
    contentType: upload.contentType,
    metadata: upload.metadata,
    headers: upload.headers,
    acl: upload.acl,
    parts: uploaded.map((p) => ({ partNumber: p.partNumber, size: p.size, etag: p.etag })),
  };
  const stored = allParts(r, upload.uploadId);
  const cleanup = [{ table: T.uploads, key: uploadKey(b.marker, upload.uploadId) }, ...stored.map((p) => ({ table: T.parts, key: partKey(upload.uploadId, p.partNumber) }))];
  try {
    // Re-read at commit time: the part entries to drop are those accounted when the upload ends.
    const live = ctx.env.store.get<UploadRecord>(T.uploads, uploadKey(b.marker, upload.uploadId));
    if (!live) throw new GatewayError('InternalError', 'This multipart completion is already in progress');
    await commitObject(ctx.env, b, obj, cleanup, { completes: live });
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
  for (const p of stored) await ctx.env.store.blobs.delete(p.blob);
  sendCompleted(r, b, upload.key, etag);
}

export async function abortMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorizeOn(r, b, { key: r.key });
  const upload = loadUpload(r, b);
  const parts = allParts(r, upload.uploadId);
  const bucket = uploadEnded(currentBucket(r, b), upload.accounted);
  await ctx.env.store.commit([
    { table: T.uploads, key: uploadKey(b.marker, upload.uploadId) },
    ...parts.map((p) => ({ table: T.parts, key: partKey(upload.uploadId, p.partNumber) })),
    { table: T.buckets, key: bucketKey(b.tenant, b.name), value: bucket },
  ]);
  for (const p of parts) await ctx.env.store.blobs.delete(p.blob);
  sendEmpty(ctx, 204);
}

export async function listParts(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const upload = findUpload(r, b);
  if (!upload) throw missingObject(r, b);
  authorizeOn(r, b, { key: r.key, owner: upload.owner });
  const markerParam = ctx.query.get('part-number-marker');
  const marker = markerParam ? strictLong(markerParam) : 0;
  const max = boundedInt(ctx.query.get('max-parts'), 0, MAX_LISTING, 1000);
  if (marker === undefined || max === undefined) throw new GatewayError('InvalidArgument');
  const all = visibleParts(r, upload.uploadId).filter((p) => p.partNumber > marker);
  const page = all.slice(0, max);
  const owner = ownerIdentity(ctx, upload.owner);
  sendXml(ctx, 'ListPartsResult', {
    ...tenantField(b),
    Bucket: b.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    StorageClass: 'STANDARD',
    PartNumberMarker: marker,
    NextPartNumberMarker: page.length ? page[page.length - 1]!.partNumber : 0,
    MaxParts: max,
    IsTruncated: all.length > page.length,
    Owner: { ID: owner.id, DisplayName: owner.displayName },
    ...(page.length ? { Part: page.map((p) => ({ LastModified: isoDate(p.lastModified), PartNumber: p.partNumber, ETag: `"${p.etag}"`, Size: p.size })) } : {}),
  });
}

export async function listMultipartUploads(r: S3Request): Promise<void> {
  const { ctx } = r;
  const q = ctx.query;
  const b = loadBucket(r);
  authorizeOn(r, b);
  const max = boundedInt(q.get('max-uploads'), 0, MAX_LISTING, 1000);
  if (max === undefined) throw new GatewayError('InvalidArgument');
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const keyMarker = q.get('key-marker') ?? '';
  const uploadIdMarker = q.get('upload-id-marker') ?? '';
  const encode = (q.get('encoding-type') ?? '').toLowerCase() === 'url';
  // RGW walks the upload meta objects, named "<key>.<uploadId>.meta", after the marker "<key>.<id>.meta".
  const metaName = (key: string, id: string): string => `${key}.${id}.meta`;
  const after = keyMarker ? metaName(keyMarker, uploadIdMarker) : '';
  const candidates = ctx.env.store
    .list<UploadRecord>(T.uploads, { prefix: `${b.marker}/` })
    .map(([, u]) => u)
    .filter((u) => u.key.startsWith(prefix) && metaName(u.key, u.uploadId) > after)
    .filter((u) => !delimiter || !u.key.slice(prefix.length).includes(delimiter))
    .sort((x, y) => (metaName(x.key, x.uploadId) < metaName(y.key, y.uploadId) ? -1 : 1));
  const page = candidates.slice(0, max);
  const last = page[page.length - 1];
  const who = callerIdentity(ctx);
  const person = who.displayName === undefined ? { ID: who.id } : { ID: who.id, DisplayName: who.displayName };
  sendXml(ctx, 'ListMultipartUploadsResult', {
    ...tenantField(b),
    Bucket: b.name,
    ...(prefix ? { Prefix: prefix } : {}),
    ...(keyMarker ? { KeyMarker: keyMarker } : {}),
    ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
    ...(last ? { NextKeyMarker: last.key, NextUploadIdMarker: last.uploadId } : {}),
    MaxUploads: max,
    ...(delimiter ? { Delimiter: delimiter } : {}),
    IsTruncated: candidates.length > page.length || (max === 0 && candidates.length > 0),
    ...(page.length
      ? { Upload: page.map((u) => ({ Key: encode ? rgwUrlEncode(u.key, false) : u.key, UploadId: u.uploadId, Initiator: person, Owner: person, StorageClass: 'STANDARD', Initiated: isoDate(u.initiated) })) }
      : {}),
  });
}
