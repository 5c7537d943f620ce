// ACLs: RGW keeps a full ACL per bucket and object; the reference keeps the canned ACL it was given and
// renders the grants RGW renders for it (owner FULL_CONTROL, plus the AllUsers/AuthenticatedUsers grants).
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { T, type Owner } from '../../identity/model.js';
import { bucketKey, objectKey, type BucketRecord, type ObjectRecord } from '../../bucket/model.js';
import { loadBucket, ownerIdentity, s3Arn, type S3Request } from './request.js';
import { sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import type { RequestContext } from '../../http/context.js';

export const CANNED_ACLS = new Set(['private', 'public-read', 'public-read-write', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control']);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

function renderAcl(ctx: RequestContext, owner: Owner, canned: string): Record<string, unknown> {
  const o = ownerIdentity(ctx, owner);
  const grant = (grantee: Record<string, unknown>, permission: string): Record<string, unknown> => ({ Grantee: grantee, Permission: permission });
  const user = { '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@xsi:type': 'CanonicalUser', ID: o.id, DisplayName: o.displayName };
  const group = (uri: string): Record<string, unknown> => ({ '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@xsi:type': 'Group', URI: uri });
  const grants = [];
  if (canned === 'public-read') grants.push(grant(group(ALL_USERS), 'READ'));
  if (canned === 'public-read-write') grants.push(grant(group(ALL_USERS), 'READ'), grant(group(ALL_USERS), 'WRITE'));
  if (canned === 'authenticated-read') grants.push(grant(group(AUTH_USERS), 'READ'));
  grants.push(grant(user, 'FULL_CONTROL'));
  return { Owner: { ID: o.id, DisplayName: o.displayName }, AccessControlList: { Grant: grants } };
}

export async function getBucketAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:GetBucketAcl', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  sendXml(r.ctx, 'AccessControlPolicy', renderAcl(r.ctx, b.owner, b.acl));
}

function cannedFromRequest(ctx: RequestContext, bucket: string): string {
  const acl = ctx.headers['x-amz-acl'];
  if (acl === undefined) throw new GatewayError('NotImplemented', 'only canned ACLs (x-amz-acl) are supported by the reference gateway', { BucketName: bucket });
  if (!CANNED_ACLS.has(String(acl))) throw new GatewayError('InvalidArgument', '', { BucketName: bucket });
  return String(acl);
}

export async function putBucketAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:PutBucketAcl', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  await readSmallBody(r.ctx);
  const acl = cannedFromRequest(r.ctx, b.name);
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: { ...b, acl } }]);
  sendEmpty(r.ctx);
}

export async function getObjectAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
  if (!o) throw new GatewayError('NoSuchKey', '', { BucketName: b.name, Key: r.key! });
  authorize(r.ctx, { action: 's3:GetObjectAcl', resource: s3Arn(b, r.key), owner: o.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl, objectAcl: o.acl });
  sendXml(r.ctx, 'AccessControlPolicy', renderAcl(r.ctx, o.owner, o.acl));
}

export async function putObjectAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  const k = objectKey(b.marker, r.key!);
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, k);
  if (!o) throw new GatewayError('NoSuchKey', '', { BucketName: b.name, Key: r.key! });
  authorize(r.ctx, { action: 's3:PutObjectAcl', resource: s3Arn(b, r.key), owner: o.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl, objectAcl: o.acl });
  await readSmallBody(r.ctx);
  const acl = cannedFromRequest(r.ctx, b.name);
  await r.ctx.env.store.commit([{ table: T.objects, key: k, value: { ...o, acl } }]);
  sendEmpty(r.ctx);
}
