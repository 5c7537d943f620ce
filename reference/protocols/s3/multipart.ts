// Multipart uploads: create, upload part, complete (part validation, md5-of-md5s ETag), abort, list parts,
// list uploads. Parts are blobs of their own; completion concatenates them into the object's blob.
import { createHash, randomBytes } from 'node:crypto';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { header } from '../../http/context.js';
import { asArray, parseXml } from '../../http/xml.js';
import { T } from '../../identity/model.js';
import { partKey, uploadKey, type BucketRecord, type ObjectRecord, type PartRecord, type UploadRecord } from '../../bucket/model.js';
import { commitObject } from '../../bucket/writes.js';
import { callerOwner, loadBucket, ownerIdentity, s3Arn, type S3Request } from './request.js';
import { isoDate, sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { CANNED_ACLS } from './acl.js';

const MIN_PART = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10000;

function loadUpload(r: S3Request, b: BucketRecord): UploadRecord {
  const id = r.ctx.query.get('uploadId') ?? '';
  const u = r.ctx.env.store.get<UploadRecord>(T.uploads, uploadKey(b.marker, id));
  if (!u || u.key !== r.key) throw new GatewayError('NoSuchUpload', '', { BucketName: b.name });
  return u;
}

function partsOf(r: S3Request, uploadId: string): PartRecord[] {
  return r.ctx.env.store.list<PartRecord>(T.parts, { prefix: `${uploadId}/` }).map(([, p]) => p);
}

export async function createMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:PutObject', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const acl = header(ctx.headers, 'x-amz-acl') ?? 'private';
  if (!CANNED_ACLS.has(acl)) throw new GatewayError('InvalidArgument', '', { BucketName: b.name });
  // RGW upload ids look like "2~<32 random chars>".
  const uploadId = `2~${randomBytes(24).toString('base64url').slice(0, 32)}`;
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.headers)) if (k.startsWith('x-amz-meta-') && typeof v === 'string') meta[k.slice(11)] = v;
  const upload: UploadRecord = {
    uploadId,
    key: r.key!,
    initiated: new Date(ctx.env.clock.now()).toISOString(),
    owner: callerOwner(ctx) ?? b.owner,
    initiator: ctx.principal.kind === 'user' ? ctx.principal.user.id : '',
    contentType: header(ctx.headers, 'content-type') ?? 'binary/octet-stream',
    metadata: meta,
    headers: {},
    acl,
  };
  await ctx.env.store.commit([{ table: T.uploads, key: uploadKey(b.marker, uploadId), value: upload }]);
  sendXml(ctx, 'InitiateMultipartUploadResult', { Bucket: b.name, Key: r.key!, UploadId: uploadId });
}

export async function uploadPart(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:PutObject', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const n = Number(ctx.query.get('partNumber'));
  if (!Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) throw new GatewayError('InvalidArgument', '', { BucketName: b.name });
  const upload = loadUpload(r, b);
  const blob = await ctx.env.store.blobs.write(ctx.body());
  const key = partKey(upload.uploadId, n);
  const old = ctx.env.store.get<PartRecord>(T.parts, key);
  const part: PartRecord = { partNumber: n, etag: blob.md5, size: blob.size, blob: blob.id, lastModified: new Date(ctx.env.clock.now()).toISOString() };
  if (!ctx.env.store.get(T.uploads, uploadKey(b.marker, upload.uploadId))) {
    await ctx.env.store.blobs.delete(blob.id);
    throw new GatewayError('NoSuchUpload', '', { BucketName: b.name });
  }
  await ctx.env.store.commit([{ table: T.parts, key, value: part }]);
  if (old) await ctx.env.store.blobs.delete(old.blob);
  sendEmpty(ctx, 200, { ETag: `"${part.etag}"` });
}

export async function completeMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:PutObject', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const upload = loadUpload(r, b);
  const doc = parseXml((await readSmallBody(ctx)).toString('utf8'));
  const root = doc.CompleteMultipartUpload as Record<string, unknown> | undefined;
  const requested = asArray((root && typeof root === 'object' ? root.Part : undefined) as Record<string, unknown> | Record<string, unknown>[] | undefined);
  if (!requested.length) throw new GatewayError('MalformedXML', '', { BucketName: b.name });
  const stored = new Map(partsOf(r, upload.uploadId).map((p) => [p.partNumber, p]));
  const chosen: PartRecord[] = [];
  // RGW checks the order of the whole list while parsing it, before it looks at any part.
  let prev = 0;
  for (const req of requested) {
    const n = Number(req.PartNumber);
    if (!Number.isInteger(n) || n <= prev) throw new GatewayError('InvalidPartOrder', '', { BucketName: b.name });
    prev = n;
  }
  for (const [i, req] of requested.entries()) {
    const n = Number(req.PartNumber);
    const p = stored.get(n);
    const etag = String(req.ETag ?? '').replace(/^"|"$/g, '');
    if (!p || p.etag !== etag) throw new GatewayError('InvalidPart', '', { BucketName: b.name });
    if (i < requested.length - 1 && p.size < MIN_PART) throw new GatewayError('EntityTooSmall', '', { BucketName: b.name });
    chosen.push(p);
  }
  const md5s = createHash('md5');
  for (const p of chosen) md5s.update(Buffer.from(p.etag, 'hex'));
  const etag = `${md5s.digest('hex')}-${chosen.length}`;
  const blob = await ctx.env.store.blobs.concat(chosen.map((p) => p.blob));
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
  };
  const cleanup = [{ table: T.uploads, key: uploadKey(b.marker, upload.uploadId) }, ...[...stored.keys()].map((n) => ({ table: T.parts, key: partKey(upload.uploadId, n) }))];
  try {
    await commitObject(ctx.env, b, obj, cleanup);
  } catch (err) {
    await ctx.env.store.blobs.delete(blob.id);
    throw err;
  }
  for (const p of stored.values()) await ctx.env.store.blobs.delete(p.blob);
  const bucketPath = b.tenant ? `${b.tenant}:${b.name}` : b.name;
  sendXml(ctx, 'CompleteMultipartUploadResult', { Location: `${header(ctx.headers, 'host') ?? ''}/${bucketPath}/${upload.key}`, Bucket: b.name, Key: upload.key, ETag: `"${etag}"` });
}

export async function abortMultipartUpload(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:AbortMultipartUpload', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const upload = loadUpload(r, b);
  const parts = partsOf(r, upload.uploadId);
  await ctx.env.store.commit([{ table: T.uploads, key: uploadKey(b.marker, upload.uploadId) }, ...parts.map((p) => ({ table: T.parts, key: partKey(upload.uploadId, p.partNumber) }))]);
  for (const p of parts) await ctx.env.store.blobs.delete(p.blob);
  sendEmpty(ctx, 204);
}

export async function listParts(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:ListMultipartUploadParts', resource: s3Arn(b, r.key), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const upload = loadUpload(r, b);
  const max = Math.min(Number(ctx.query.get('max-parts') ?? 1000) || 1000, 1000);
  const marker = Number(ctx.query.get('part-number-marker') ?? 0) || 0;
  const all = partsOf(r, upload.uploadId).filter((p) => p.partNumber > marker);
  const page = all.slice(0, max);
  const who = ownerIdentity(ctx, upload.owner);
  sendXml(ctx, 'ListPartsResult', {
    Bucket: b.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    Initiator: { ID: who.id, DisplayName: who.displayName },
    Owner: { ID: who.id, DisplayName: who.displayName },
    StorageClass: 'STANDARD',
    PartNumberMarker: marker,
    NextPartNumberMarker: page.length ? page[page.length - 1]!.partNumber : 0,
    MaxParts: max,
    IsTruncated: all.length > page.length,
    ...(page.length ? { Part: page.map((p) => ({ LastModified: isoDate(p.lastModified), PartNumber: p.partNumber, ETag: `"${p.etag}"`, Size: p.size })) } : {}),
  });
}

export async function listMultipartUploads(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:ListBucketMultipartUploads', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const prefix = ctx.query.get('prefix') ?? '';
  const uploads = ctx.env.store
    .list<UploadRecord>(T.uploads, { prefix: `${b.marker}/` })
    .map(([, u]) => u)
    .filter((u) => u.key.startsWith(prefix))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.initiated.localeCompare(y.initiated)));
  sendXml(ctx, 'ListMultipartUploadsResult', {
    Bucket: b.name,
    KeyMarker: ctx.query.get('key-marker') ?? '',
    UploadIdMarker: ctx.query.get('upload-id-marker') ?? '',
    MaxUploads: 1000,
    IsTruncated: false,
    ...(uploads.length
      ? {
          Upload: uploads.map((u) => {
            const who = ownerIdentity(ctx, u.owner);
            return { Key: u.key, UploadId: u.uploadId, Initiator: { ID: who.id, DisplayName: who.displayName }, Owner: { ID: who.id, DisplayName: who.displayName }, StorageClass: 'STANDARD', Initiated: isoDate(u.initiated) };
          }),
        }
      : {}),
  });
}
