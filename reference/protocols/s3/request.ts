// An S3 request once the dispatcher has resolved its bucket and key.
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { T, userKey, type AccountRecord, type Owner, type UserRecord } from '../../identity/model.js';
import { bucketKey, type BucketRecord } from '../../bucket/model.js';

export interface S3Request {
  ctx: RequestContext;
  /** Tenant of the addressed bucket (explicit `tenant:bucket`, else the caller's). */
  tenant: string;
  bucketName?: string;
  key?: string;
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

export function loadBucket(r: S3Request): BucketRecord {
  const b = r.bucketName === undefined ? undefined : r.ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(r.tenant, r.bucketName));
  if (!b) throw new GatewayError('NoSuchBucket', '', r.bucketName ? { BucketName: r.bucketName } : {});
  return b;
}

/** Canonical id and display name of an owner, as ACLs and listings render them. */
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
