// Bucket-level operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, location, versioning, as RGW
// 20.2.4 answers them (probed; docs/rgw-behaviour/s3.md).
import { randomUUID } from 'node:crypto';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { parseXml } from '../../http/xml.js';
import { NO_QUOTA, T } from '../../identity/model.js';
import { checkBucketLimit } from '../../quota/limits.js';
import { bucketStatsHeaders } from './usage.js';
import { bucketKey, type BucketRecord } from '../../bucket/model.js';
import { isValidBucketName } from '../../bucket/names.js';
import { bucketIsEmpty, bucketsOwnedBy, getBucket } from '../../bucket/buckets.js';
import { authorizeOn, callerIdentity, callerOwner, callerTenant, loadBucket, s3Arn, type S3Request } from './request.js';
import { isoDate, sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { CANNED_ACLS } from './acl.js';

export async function listBuckets(r: S3Request): Promise<void> {
  const { ctx } = r;
  // RGW's anonymous user lists its own (no) buckets: 200, Owner ID "anonymous" without a DisplayName.
  if (ctx.principal.kind !== 'anonymous') authorize(ctx, { action: r.action, resource: 'arn:aws:s3:::*', scope: 'user', mandatoryPolicy: false });
  const owner = callerOwner(ctx);
  const tenant = callerTenant(ctx);
  const buckets = owner ? bucketsOwnedBy(ctx.env.store, owner, tenant) : [];
  // RGW shows the calling user (tenant$uid) as Owner, even for account-owned buckets.
  const who = callerIdentity(ctx);
  sendXml(ctx, 'ListAllMyBucketsResult', {
    Owner: who.displayName === undefined ? { ID: who.id } : { ID: who.id, DisplayName: who.displayName },
    Buckets: { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: isoDate(b.creationDate) })) },
  });
}

/** HEAD on the service endpoint: ListBuckets without the list (200, empty XML body; denied as ListBuckets is). */
export async function headService(r: S3Request): Promise<void> {
  if (r.ctx.principal.kind !== 'anonymous') authorize(r.ctx, { action: r.action, resource: 'arn:aws:s3:::*', scope: 'user', mandatoryPolicy: false });
  r.ctx.res.setHeader('Content-Type', 'application/xml');
  sendEmpty(r.ctx, 200);
}

/**
 * CreateBucketConfiguration: a LocationConstraint must name this zonegroup's API name ("zonegroup[:placement]";
 * empty means the default). Another name is 400 IllegalLocationConstraintException; an unknown placement 400
 * InvalidLocationConstraint; a body that is not XML 400 InvalidArgument.
 */
function checkLocation(r: S3Request, body: Buffer): void {
  if (!body.length) return;
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(body.toString('utf8'));
  } catch {
    throw new GatewayError('InvalidArgument');
  }
  const conf = doc.CreateBucketConfiguration;
  const raw = conf && typeof conf === 'object' ? (conf as Record<string, unknown>).LocationConstraint : undefined;
  const loc = typeof raw === 'string' ? raw : '';
  if (!loc) return;
  const colon = loc.indexOf(':');
  const zonegroup = colon < 0 ? loc : loc.slice(0, colon);
  const placement = colon < 0 ? '' : loc.slice(colon + 1);
  if (zonegroup !== r.ctx.env.config.zonegroup) {
    throw new GatewayError('IllegalLocationConstraintException', `The ${zonegroup} location constraint is incompatible for the region specific endpoint this request was sent to.`);
  }
  if (placement && placement !== 'default-placement') throw new GatewayError('InvalidLocationConstraint');
}

export async function createBucket(r: S3Request): Promise<void> {
  const { ctx } = r;
  const name = r.bucketName!;
  if (!isValidBucketName(name)) throw new GatewayError('InvalidBucketName');
  const owner = callerOwner(ctx);
  authorize(ctx, { action: r.action, resource: s3Arn({ tenant: r.tenant, name }), scope: 'user', mandatoryPolicy: false });
  if (!owner) throw new GatewayError('AccessDenied');
  // RGWCreateBucket::verify_permission: only a role session may create a bucket in another tenant.
  if (r.tenant !== callerTenant(ctx) && ctx.principal.kind !== 'role') throw new GatewayError('AccessDenied');
  // RGW checks max-buckets right after authorization: before the body, and before it looks at whether the
  // bucket exists (re-creating your own bucket at the limit is TooManyBuckets too).
  checkBucketLimit(ctx.env, owner, name);
  checkLocation(r, await readSmallBody(ctx));
  const acl = ctx.headers['x-amz-acl'] ? String(ctx.headers['x-amz-acl']) : 'private';
  if (!CANNED_ACLS.has(acl)) throw new GatewayError('InvalidArgument');
  const existing = getBucket(ctx.env.store, r.tenant, name);
  if (existing) {
    // RGW answers 200 when the caller already owns it, else 409 BucketAlreadyExists with this message.
    if (existing.owner.kind === owner.kind && existing.owner.id === owner.id) return sendEmpty(ctx, 200);
    throw new GatewayError('BucketAlreadyExists', 'Cannot modify existing access control policy');
  }
  checkBucketLimit(ctx.env, owner, name); // again, with no await before the commit: concurrent creations cannot overshoot
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
  authorizeOn(r, b);
  sendEmpty(r.ctx, 200, bucketStatsHeaders(r.ctx, b));
}

export async function deleteBucket(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  authorizeOn(r, b);
  if (!bucketIsEmpty(ctx.env.store, b)) throw new GatewayError('BucketNotEmpty');
  await ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name) }]);
  sendEmpty(ctx, 204);
}

export async function getBucketLocation(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  // RGW answers the zonegroup's api name ("default") and names the bucket's placement target in a header.
  r.ctx.res.setHeader('x-rgw-bucket-placement-target', 'default-placement');
  sendXml(r.ctx, 'LocationConstraint', { '#text': r.ctx.env.config.zonegroup });
}

export async function getBucketVersioning(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  sendXml(r.ctx, 'VersioningConfiguration', b.versioning ? { Status: b.versioning, MfaDelete: 'Disabled' } : {});
}

/**
 * PutBucketVersioning: Status Suspended is stored (an unversioned bucket behaves the same); Enabled is a
 * deliberate gap (501: the reference keeps one version per key). A body that is not a VersioningConfiguration
 * with a valid Status (and MfaDelete Enabled/Disabled when present) is 400 InvalidArgument, as in RGW.
 */
export async function putBucketVersioning(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  let conf: unknown;
  try {
    conf = parseXml((await readSmallBody(r.ctx)).toString('utf8')).VersioningConfiguration;
  } catch {
    throw new GatewayError('InvalidArgument');
  }
  const c = conf && typeof conf === 'object' ? (conf as Record<string, unknown>) : undefined;
  const status = c?.Status;
  const mfa = c?.MfaDelete;
  if (!c || (status !== 'Enabled' && status !== 'Suspended') || (mfa !== undefined && mfa !== 'Enabled' && mfa !== 'Disabled')) throw new GatewayError('InvalidArgument');
  if (status === 'Enabled') throw new GatewayError('NotImplemented', 'the reference gateway does not keep object versions');
  const now = loadBucket(r);
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(now.tenant, now.name), value: { ...now, versioning: 'Suspended' } }]);
  sendEmpty(r.ctx, 200);
}
