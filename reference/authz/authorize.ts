// The policy decision point for every protocol (RGW's verify_user_permission / verify_bucket_permission /
// verify_object_permission with the account rules of RGW 19+). It turns the request into facts for
// reference/policy, hands it the caller's identity policies (inline, managed, group; a role session's role
// policies and session policy), the bucket or trust policy and the owner relation, and lets `decide` combine
// them as RGW does (see reference/policy/decide.ts). Every decision is logged with a compact explanation
// for GET /_reference/decisions?request-id=ID; AccessDenied is thrown when the request is not allowed.
import type { RequestContext } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { iamUserArn } from '../identity/arn.js';
import { userKey, type Owner } from '../identity/model.js';
import { decide, type Decision, type NamedPolicy } from '../policy/index.js';
import { aclAllows } from './acl.js';
import { explain } from './explain.js';
import { baseConditions, callerFacts, identityPolicies } from './facts.js';

export interface AuthzRequest {
  /** IAM action, e.g. 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole'. */
  action: string;
  /** Resource ARN, e.g. 'arn:aws:s3:::bucket/key'. */
  resource: string;
  /** Owner of the resource (the object's for object reads, else the bucket's); undefined for service-level actions. */
  owner?: Owner;
  /** The bucket policy (JSON text) when the resource is a bucket or object. */
  bucketPolicy?: string;
  /** Tenant of the bucket (bucket policies are parsed with it). */
  bucketTenant?: string;
  /** Canned ACLs of the bucket and object, for RGW's ACL fallback. */
  bucketAcl?: string;
  objectAcl?: string;
  /** Extra condition keys the operation fills (s3:prefix, s3:x-amz-acl, ...). */
  conditions?: Record<string, string[]>;
  /** Error message RGW puts in the AccessDenied body for this operation, if any. */
  deniedMessage?: string;
  /** RGW's check: 'resource' (bucket/object), 'user' (IAM, service-level S3), 'trust' (AssumeRole). */
  scope?: 'resource' | 'user' | 'trust';
  /** scope 'user': whether callers without an account need an explicit Allow (RGW: not for ListBuckets/CreateBucket). */
  mandatoryPolicy?: boolean;
  /** For 'trust': the trust policy. */
  resourcePolicy?: NamedPolicy;
  /** false: no identity policy can grant this (RGW matches none for it); only the account root or caps. */
  policiesApply?: boolean;
  /** Admin caps that authorise the call when policies do not (RGWRESTOp::verify_permission). */
  caps?: { type: string; perm: 'read' | 'write' };
}

/** S3 service-level actions RGW checks with verify_user_permission and no mandatory policy. */
const SERVICE_LEVEL = new Set(['s3:createbucket', 's3:listallmybuckets']);

function scopeOf(r: AuthzRequest): 'resource' | 'user' | 'trust' {
  if (r.scope) return r.scope;
  if (SERVICE_LEVEL.has(r.action.toLowerCase())) return 'user';
  return r.resource.startsWith('arn:aws:s3:') ? 'resource' : 'user';
}

export function decideRequest(ctx: RequestContext, r: AuthzRequest): Decision {
  const p = ctx.principal;
  const scope = scopeOf(r);
  if (p.kind === 'anonymous' && scope === 'user' && r.action.toLowerCase().startsWith('s3:')) {
    return { allowed: false, effect: 'Pass', because: [{ policy: 'decision', effect: 'ImplicitDeny', reason: 'anonymous requests cannot list or create buckets' }], blockedBy: 'anonymous' };
  }
  const facts = { action: r.action, resource: r.resource, principal: callerFacts(ctx), conditions: { ...baseConditions(ctx), ...(r.conditions ?? {}) } };
  const cache = ctx.env.policies;
  const apply = r.policiesApply !== false;
  const sessionPolicies: NamedPolicy[] = apply && p.kind === 'role' && p.sessionPolicy ? [{ name: 'session', policy: cache.parse(p.sessionPolicy, 'session', null) }] : [];
  let resourcePolicy = r.resourcePolicy;
  if (!resourcePolicy && r.bucketPolicy) resourcePolicy = { name: 'bucket-policy', policy: cache.parse(r.bucketPolicy, 'resource', r.bucketTenant ?? '') };
  const resourceAccount = r.owner?.kind === 'account' ? r.owner.id : undefined;
  // RGW's identity->is_owner_of(): a user owns what its uid owns, even after joining an account.
  const isResourceOwner = r.owner?.kind === 'user' ? (p.kind === 'user' || p.kind === 'user-session') && userKey(p.user.tenant, p.user.id) === r.owner.id : undefined;
  return decide({
    facts,
    identityPolicies: apply ? identityPolicies(ctx, cache) : [],
    resourcePolicy,
    sessionPolicies,
    resourceAccount,
    isResourceOwner,
    scope,
    mandatoryPolicy: r.mandatoryPolicy ?? (SERVICE_LEVEL.has(r.action.toLowerCase()) ? false : undefined),
    aclAllows: r.owner ? aclAllows(ctx, r.action, r.owner, r.bucketAcl, r.objectAcl) : undefined,
  });
}

/** RGWUserCaps::check_cap: '*' grants read and write. */
function hasCap(ctx: RequestContext, cap: { type: string; perm: 'read' | 'write' }): string | undefined {
  const p = ctx.principal;
  if (p.kind !== 'user') return undefined;
  const c = p.user.caps.find((x) => x.type === cap.type && (x.perm === '*' || x.perm === cap.perm));
  return c ? `${c.type}=${c.perm}` : undefined;
}

/** Decides and logs; false when the request is not allowed. */
export function permits(ctx: RequestContext, r: AuthzRequest): boolean {
  let d = decideRequest(ctx, r);
  const cap = !d.allowed && r.caps ? hasCap(ctx, r.caps) : undefined;
  if (cap) d = { allowed: true, effect: 'Allow', because: [...d.because, { policy: 'caps', effect: 'Allow', reason: `admin cap ${cap}` }] };
  const principal = describePrincipal(ctx);
  ctx.env.decisions.add({
    requestId: ctx.requestId,
    time: new Date(ctx.env.clock.now()).toISOString(),
    principal,
    action: r.action,
    resource: r.resource,
    allowed: d.allowed,
    summary: explain(d, r.action, principal),
    ...(d.blockedBy ? { blockedBy: d.blockedBy } : {}),
    because: d.because,
  });
  return d.allowed;
}

/** Throws AccessDenied unless allowed; every decision is logged for GET /_reference/decisions. */
export function authorize(ctx: RequestContext, r: AuthzRequest): void {
  if (!permits(ctx, r)) throw new GatewayError('AccessDenied', r.deniedMessage ?? '');
}

/** The caller as RGW names it in policies and IAM (account users by display name). */
export function describePrincipal(ctx: RequestContext): string {
  const p = ctx.principal;
  switch (p.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
    case 'user-session':
      return p.user.accountId ? iamUserArn(p.user) : `arn:aws:iam::${p.user.tenant}:user/${p.user.id}`;
    case 'role':
      return `arn:aws:sts::${p.role.accountId ?? p.role.tenant}:assumed-role/${p.role.name}/${p.sessionName}`;
  }
}
