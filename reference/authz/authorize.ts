// The policy decision point for every protocol: builds the request facts for reference/policy, evaluates the
// caller's identity policies, the resource (bucket) policy and session policies as RGW does (see
// reference/policy/decide.ts for the combination rules), records the explanation in the decision log, and
// throws AccessDenied when the request is not allowed.
import type { RequestContext } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { userKey, type Owner } from '../identity/model.js';
import { decide, type Decision, type NamedPolicy } from '../policy/index.js';
import { baseConditions, callerFacts, identityPolicies } from './facts.js';
import { aclAllows } from './acl.js';

export interface AuthzRequest {
  /** IAM action, e.g. 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole'. */
  action: string;
  /** Resource ARN, e.g. 'arn:aws:s3:::bucket/key'. */
  resource: string;
  /** Owner of the resource (bucket or object); undefined for service-level actions (ListBuckets, CreateBucket). */
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
  /** For 'trust': the trust policy; for IAM resource-less checks nothing. */
  resourcePolicy?: NamedPolicy;
}

export function decideRequest(ctx: RequestContext, r: AuthzRequest): Decision {
  const facts = { action: r.action, resource: r.resource, principal: callerFacts(ctx), conditions: { ...baseConditions(ctx), ...(r.conditions ?? {}) } };
  const cache = ctx.env.policies;
  const p = ctx.principal;
  const sessionPolicies: NamedPolicy[] = p.kind === 'role' && p.sessionPolicy ? [{ name: 'session', policy: cache.parse(p.sessionPolicy, 'session', null) }] : [];
  let resourcePolicy = r.resourcePolicy;
  if (!resourcePolicy && r.bucketPolicy) resourcePolicy = { name: 'bucket-policy', policy: cache.parse(r.bucketPolicy, 'resource', r.bucketTenant ?? '') };
  const resourceAccount = r.owner?.kind === 'account' ? r.owner.id : undefined;
  let isResourceOwner: boolean | undefined;
  if (r.owner?.kind === 'user') isResourceOwner = (p.kind === 'user' || p.kind === 'user-session') && userKey(p.user.tenant, p.user.id) === r.owner.id;
  return decide({
    facts,
    identityPolicies: identityPolicies(ctx, cache),
    resourcePolicy,
    sessionPolicies,
    resourceAccount,
    isResourceOwner,
    scope: r.scope ?? (r.resource.startsWith('arn:aws:s3:') ? 'resource' : 'user'),
    mandatoryPolicy: r.mandatoryPolicy,
    aclAllows: r.owner ? aclAllows(ctx, r.action, r.owner, r.bucketAcl, r.objectAcl) : undefined,
  });
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
    because: d.blockedBy ? [...d.because, { blockedBy: d.blockedBy }] : d.because,
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
      if (!p.user.accountId) return `arn:aws:iam::${p.user.tenant}:user/${p.user.id}`;
      return p.user.accountRoot ? `arn:aws:iam::${p.user.accountId}:root` : `arn:aws:iam::${p.user.accountId}:user${p.user.path}${p.user.displayName}`;
    case 'role':
      return `arn:aws:sts::${p.role.accountId ?? p.role.tenant}:assumed-role/${p.role.name}/${p.sessionName}`;
  }
}
