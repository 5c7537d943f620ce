// The policy decision point for every protocol: builds the request facts for reference/policy, evaluates the
// caller's identity policies, the resource policy and session policies as RGW does, records the explanation
// in the decision log, and throws AccessDenied when the request is not allowed.
//
// FIRST CUT (owner-based only) — the IAM/policy work replaces the body of decideRequest() with RGW's full
// evaluation; call sites must not change.
import type { RequestContext } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { userKey, type Owner } from '../identity/model.js';

export interface AuthzRequest {
  /** IAM action, e.g. 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole'. */
  action: string;
  /** Resource ARN, e.g. 'arn:aws:s3:::bucket/key'. */
  resource: string;
  /** Owner of the resource (bucket or object); undefined for service-level actions (ListBuckets, CreateBucket). */
  owner?: Owner;
  /** The bucket policy (JSON text) when the resource is a bucket or object. */
  bucketPolicy?: string;
  /** Canned ACLs of the bucket and object, for RGW's ACL fallback. */
  bucketAcl?: string;
  objectAcl?: string;
  /** Extra condition keys the operation fills (s3:prefix, s3:x-amz-acl, ...). */
  conditions?: Record<string, string[]>;
  /** Error message RGW puts in the AccessDenied body for this operation, if any. */
  deniedMessage?: string;
}

export interface AuthzDecision {
  allowed: boolean;
  because: unknown[];
}

export function decideRequest(ctx: RequestContext, r: AuthzRequest): AuthzDecision {
  const p = ctx.principal;
  if (p.kind === 'anonymous') return { allowed: false, because: [{ reason: 'anonymous' }] };
  if (p.kind === 'user' || p.kind === 'user-session') {
    const u = p.user;
    if (!r.owner) return { allowed: !u.accountId || u.accountRoot, because: [{ reason: 'service-level action' }] };
    if (r.owner.kind === 'user') return { allowed: r.owner.id === userKey(u.tenant, u.id), because: [{ reason: 'owner' }] };
    return { allowed: u.accountRoot && r.owner.id === u.accountId, because: [{ reason: 'account root' }] };
  }
  return { allowed: false, because: [{ reason: 'role sessions are not evaluated yet' }] };
}

/** Throws AccessDenied unless allowed; every decision is logged for GET /_reference/decisions. */
export function authorize(ctx: RequestContext, r: AuthzRequest): void {
  const d = decideRequest(ctx, r);
  ctx.env.decisions.add({
    requestId: ctx.requestId,
    time: new Date(ctx.env.clock.now()).toISOString(),
    principal: describePrincipal(ctx),
    action: r.action,
    resource: r.resource,
    allowed: d.allowed,
    because: d.because,
  });
  if (!d.allowed) throw new GatewayError('AccessDenied', r.deniedMessage ?? '');
}

export function describePrincipal(ctx: RequestContext): string {
  const p = ctx.principal;
  switch (p.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
    case 'user-session':
      return p.account ? `arn:aws:iam::${p.account.id}:user/${p.user.displayName}` : `user:${userKey(p.user.tenant, p.user.id)}`;
    case 'role':
      return `arn:aws:sts::${p.account?.id ?? p.role.tenant}:assumed-role/${p.role.name}/${p.sessionName}`;
  }
}
