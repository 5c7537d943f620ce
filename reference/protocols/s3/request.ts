// An S3 request once the dispatcher has resolved its bucket and key and picked its operation row, plus the
// lookups every handler shares: the bucket, the caller's tenant and owner, owner rendering, the resource ARN,
// and the authorization call with the bucket's policy and ACLs filled in.
import type { RequestContext } from '../../http/context.js';
import { authorize, type AuthzRequest } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { T, userKey, type AccountRecord, type Owner, type UserRecord } from '../../identity/model.js';
import type { BucketRecord } from '../../bucket/model.js';
import { getBucket } from '../../bucket/buckets.js';

export interface S3Request {
  ctx: RequestContext;
  /** Tenant of the addressed bucket (explicit `tenant:bucket`, else the caller's). */
  tenant: string;
  bucketName?: string;
  key?: string;
  /** The IAM action of the selected operation row (s3:GetObject, ...). */
  action: string;
}

/** The tenant a caller's plain bucket names resolve in. */
export function callerTenant(ctx: RequestContext): string {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') return p.user.tenant;
  if (p.kind === 'role') return p.role.tenant;
  return '';
}

/** Who owns what the caller creates: its account when it is an account member, else the user itself. */
export function callerOwner(ctx: RequestContext): Owner | undefined {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') {
    return p.user.accountId ? { kind: 'account', id: p.user.accountId } : { kind: 'user', id: userKey(p.user.tenant, p.user.id) };
  }
  if (p.kind === 'role') return p.role.accountId ? { kind: 'account', id: p.role.accountId } : undefined;
  return undefined;
}

/** The calling user as RGW's s->user renders it (ListBuckets Owner, ListMultipartUploads Initiator). */
export function callerIdentity(ctx: RequestContext): { id: string; displayName?: string } {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') return { id: userKey(p.user.tenant, p.user.id), displayName: p.user.displayName };
  const owner = callerOwner(ctx);
  if (owner) return ownerIdentity(ctx, owner);
  // RGW's anonymous user: ID "anonymous" and no display name.
  return { id: 'anonymous' };
}

export function findBucket(r: S3Request): BucketRecord | undefined {
  return r.bucketName === undefined ? undefined : getBucket(r.ctx.env.store, r.tenant, r.bucketName);
}

export function loadBucket(r: S3Request): BucketRecord {
  const b = findBucket(r);
  if (!b) throw new GatewayError('NoSuchBucket');
  return b;
}

/** Canonical id and display name of an owner, as ACLs and listings render them (accounts: id and name). */
export function ownerIdentity(ctx: RequestContext, owner: Owner): { id: string; displayName: string } {
  if (owner.kind === 'account') {
    const a = ctx.env.store.get<AccountRecord>(T.accounts, owner.id);
    return { id: owner.id, displayName: a?.name ?? owner.id };
  }
  const u = ctx.env.store.get<UserRecord>(T.users, owner.id);
  return { id: owner.id, displayName: u?.displayName ?? owner.id };
}

/** RGW puts a bucket's tenant in the ARN's account field: arn:aws:s3::tenant:bucket/key. */
export function s3Arn(bucket: BucketRecord | { tenant: string; name: string }, key?: string): string {
  return `arn:aws:s3::${bucket.tenant ? bucket.tenant + ':' : ':'}${bucket.name}${key === undefined ? '' : '/' + key}`;
}

export interface BucketAuthz {
  /** Defaults to the operation row's action. */
  action?: string;
  /** The object the action is on (resource bucket/key). */
  key?: string;
  /** The object's owner when it exists (object reads), else the bucket's. */
  owner?: Owner;
  objectAcl?: string;
  conditions?: Record<string, string[]>;
  deniedMessage?: string;
}

/** authorize() for an action on a bucket or one of its objects, with the bucket's policy, tenant and ACL. */
export function authorizeOn(r: S3Request, b: BucketRecord, a: BucketAuthz = {}): void {
  const req: AuthzRequest = {
    action: a.action ?? r.action,
    resource: s3Arn(b, a.key),
    owner: a.owner ?? b.owner,
    bucketPolicy: b.policy,
    bucketTenant: b.tenant,
    bucketAcl: b.acl,
    ...(a.objectAcl !== undefined ? { objectAcl: a.objectAcl } : {}),
    ...(a.conditions ? { conditions: a.conditions } : {}),
    ...(a.deniedMessage !== undefined ? { deniedMessage: a.deniedMessage } : {}),
  };
  authorize(r.ctx, req);
}

/**
 * RGW's answer for an object that does not exist (read_obj_policy): the bucket owner gets NoSuchKey; anyone
 * else gets NoSuchKey only when allowed s3:ListBucket on the bucket, else AccessDenied with an empty message.
 */
export function missingObject(r: S3Request, b: BucketRecord): GatewayError {
  authorizeOn(r, b, { action: 's3:ListBucket' });
  return new GatewayError('NoSuchKey');
}
