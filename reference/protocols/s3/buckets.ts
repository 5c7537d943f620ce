// Bucket-level operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, location, versioning.
import { randomUUID } from 'node:crypto';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { parseXml } from '../../http/xml.js';
import { NO_QUOTA, T, type AccountRecord, type UserRecord } from '../../identity/model.js';
import { bucketKey, type BucketRecord } from '../../bucket/model.js';
import { isValidBucketName } from '../../bucket/names.js';
import { callerOwner, loadBucket, ownerIdentity, s3Arn, type S3Request } from './request.js';
import { isoDate, sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { CANNED_ACLS } from './acl.js';

export async function listBuckets(r: S3Request): Promise<void> {
  const { ctx } = r;
  authorize(ctx, { action: 's3:ListAllMyBuckets', resource: 'arn:aws:s3:::*', scope: 'user', mandatoryPolicy: false });
  const owner = callerOwner(ctx);
  const p = ctx.principal;
  const tenant = p.kind === 'user' || p.kind === 'user-session' ? p.user.tenant : p.kind === 'role' ? p.role.tenant : '';
  const buckets = owner
    ? ctx.env.store
        .list<BucketRecord>(T.buckets, { prefix: `${tenant}/` })
        .map(([, b]) => b)
        .filter((b) => b.owner.kind === owner.kind && b.owner.id === owner.id)
    : [];
  // RGW shows the calling user as Owner, even for account-owned buckets.
  const who = p.kind === 'user' || p.kind === 'user-session' ? { id: p.user.id, displayName: p.user.displayName } : owner ? ownerIdentity(ctx, owner) : { id: '', displayName: '' };
  sendXml(ctx, 'ListAllMyBucketsResult', {
    Owner: { ID: who.id, DisplayName: who.displayName },
    Buckets: { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: isoDate(b.creationDate) })) },
  });
}

function bucketLimit(r: S3Request): void {
  const { ctx } = r;
  const owner = callerOwner(ctx)!;
  const store = ctx.env.store;
  let max: number;
  if (owner.kind === 'account') max = store.get<AccountRecord>(T.accounts, owner.id)?.maxBuckets ?? 1000;
  else max = store.get<UserRecord>(T.users, owner.id)?.maxBuckets ?? 1000;
  if (max < 0) throw new GatewayError('AccessDenied');
  if (max === 0) return;
  const owned = store.list<BucketRecord>(T.buckets).filter(([, b]) => b.owner.kind === owner.kind && b.owner.id === owner.id).length;
  if (owned >= max) throw new GatewayError('TooManyBuckets');
}

export async function createBucket(r: S3Request): Promise<void> {
  const { ctx } = r;
  const name = r.bucketName!;
  if (!isValidBucketName(name)) throw new GatewayError('InvalidBucketName', '', { BucketName: name });
  const owner = callerOwner(ctx);
  authorize(ctx, { action: 's3:CreateBucket', resource: s3Arn({ tenant: r.tenant, name }), scope: 'user', mandatoryPolicy: false });
  if (!owner) throw new GatewayError('AccessDenied');
  const body = await readSmallBody(ctx);
  if (body.length) {
    const doc = parseXml(body.toString('utf8'));
    const conf = doc.CreateBucketConfiguration as Record<string, unknown> | undefined;
    const loc = conf && typeof conf === 'object' ? String(conf.LocationConstraint ?? '') : '';
    if (loc && loc !== ctx.env.config.zonegroup && !loc.startsWith(`${ctx.env.config.zonegroup}:`)) {
      throw new GatewayError('InvalidLocationConstraint', 'The specified location-constraint is not valid', { BucketName: name });
    }
  }
  const acl = ctx.headers['x-amz-acl'] ? String(ctx.headers['x-amz-acl']) : 'private';
  if (!CANNED_ACLS.has(acl)) throw new GatewayError('InvalidArgument', '', { BucketName: name });
  const existing = ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(r.tenant, name));
  if (existing) {
    // RGW answers 200 when the caller already owns it, 409 BucketAlreadyExists otherwise (verified on RGW 20.2.4).
    if (existing.owner.kind === owner.kind && existing.owner.id === owner.id) return sendEmpty(ctx, 200);
    throw new GatewayError('BucketAlreadyExists', '', { BucketName: name });
  }
  bucketLimit(r);
  const bucket: BucketRecord = {
    tenant: r.tenant,
    name,
    marker: randomUUID(),
    owner,
    creationDate: new Date(ctx.env.clock.now()).toISOString(),
    acl,
    quota: { ...NO_QUOTA },
    numObjects: 0,
    size: 0,
    sizeRounded: 0,
  };
  await ctx.env.store.commit([{ table: T.buckets, key: bucketKey(r.tenant, name), value: bucket }]);
  // RGW sends no Location header (probed: the SDK's CreateBucket output has no Location against RGW).
  sendEmpty(ctx, 200);
}

export async function headBucket(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:ListBucket', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  sendEmpty(r.ctx, 200, { 'X-RGW-Object-Count': String(b.numObjects), 'X-RGW-Bytes-Used': String(b.size), 'X-RGW-Quota-Max-Buckets': '1000' });
}

export async function deleteBucket(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorize(ctx, { action: 's3:DeleteBucket', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  if (ctx.env.store.count(T.objects, `${b.marker}/`) > 0 || ctx.env.store.count(T.uploads, `${b.marker}/`) > 0) {
    throw new GatewayError('BucketNotEmpty', '', { BucketName: b.name });
  }
  await ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name) }]);
  sendEmpty(ctx, 204);
}

export async function getBucketLocation(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:GetBucketLocation', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  // RGW answers the zonegroup's api name; the default zonegroup's is "default".
  sendXml(r.ctx, 'LocationConstraint', { '#text': r.ctx.env.config.zonegroup });
}

export async function getBucketVersioning(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:GetBucketVersioning', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  sendXml(r.ctx, 'VersioningConfiguration', b.versioning ? { Status: b.versioning } : {});
}
