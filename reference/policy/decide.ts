// How RGW combines identity, resource and session policies into one answer (rgw_common.cc
// evaluate_iam_policies, verify_bucket_permission / verify_object_permission, verify_user_permission;
// rgw_rest_sts.cc for trust policies). Checked on RGW 20.2.4, see docs/rgw-behaviour/policy.md.
//
// evaluate_iam_policies: identity Deny -> Deny; resource Deny -> Deny; with session policies: session Deny
// -> Deny, else Allow only if (session Allow and identity Allow), or - when the resource policy matched the
// role itself - (session Allow and resource Allow), or - when it matched the session/user - resource Allow;
// otherwise Pass. Without session policies: resource Allow, identity Allow, or the account root -> Allow;
// otherwise Pass.
//
// scope 'resource' (buckets and objects):
// - callers with an account, same account as the resource owner: one evaluation, Pass is a denial (ACLs are
//   not consulted);
// - callers with an account, cross-account: the identity side (identity + session policies, the account
//   root counting as Allow) must Allow, and then the resource side (resource policy alone, then ACLs) too;
// - callers without an account (classic users, anonymous): one evaluation, Pass falls back to ACLs.
// scope 'user' (IAM, STS GetSessionToken, ListBuckets...): identity + session policies, the account root
// allowed; Pass is a denial for account callers and roles, and for others only when the operation makes a
// policy mandatory.
// scope 'trust' (AssumeRole*): only the role's trust policy, evaluated against the caller without a
// resource, must Allow (and also Allow sts:TagSession when the request carries principal tags). The
// caller's identity policies are not consulted, same account or not (probed).
import type { RequestFacts } from './facts.js';
import { evaluatePolicy, type Explanation, type PrincipalKind } from './evaluate.js';
import { isPublic } from './public.js';
import type { Policy, Verdict } from './types.js';

export interface NamedPolicy {
  name: string;
  policy: Policy;
}

export interface DecideInput {
  facts: RequestFacts;
  /** Inline, managed and group policies of the caller, or of the assumed role. */
  identityPolicies: NamedPolicy[];
  /** The bucket policy, or for scope 'trust' the role's trust policy. */
  resourcePolicy?: NamedPolicy;
  /** The STS session policy of a role session (intersects). */
  sessionPolicies?: NamedPolicy[];
  /** Account of the caller; defaults to facts.principal.account. Undefined for classic users and anonymous. */
  principalAccount?: string;
  /** Account owning the resource; undefined when a classic user owns it. */
  resourceAccount?: string;
  /** Caller is its account's root user; defaults to facts.principal.identity.isAccountRoot. */
  isAccountRoot?: boolean;
  /**
   * RGW's identity->is_owner_of(owner): the caller's account (or the caller itself) owns the bucket/object.
   * Defaults to principalAccount === resourceAccount (both defined).
   */
  isResourceOwner?: boolean;
  /** Which RGW check this is; default: 'trust' for sts:AssumeRole*, 'resource' for s3 ARNs, else 'user'. */
  scope?: 'resource' | 'user' | 'trust';
  /** Result of RGW's ACL fallback (bucket/object ACL grants the op's permission); computed by the caller. */
  aclAllows?: boolean;
  /** scope 'user', callers without an account: whether the operation requires an Allow (RGW default true;
   * ListBuckets passes false). Account callers always require one. */
  mandatoryPolicy?: boolean;
  /** scope 'trust': the AssumeRole request carries principal/session tags. */
  hasPrincipalTags?: boolean;
  /** The bucket's PublicAccessBlock RestrictPublicBuckets: a public bucket policy only serves the owner. */
  restrictPublicBuckets?: boolean;
}

export interface Decision {
  allowed: boolean;
  /** 'Deny' when an explicit Deny decided, 'Allow' when allowed, 'Pass' for an implicit denial. */
  effect: Verdict;
  because: Explanation[];
  /** Why it was refused: the denying policy's name, or one of 'implicit-deny', 'cross-account-identity',
   * 'cross-account-resource', 'session-policy', 'restrict-public-buckets', 'trust-policy'. */
  blockedBy?: string;
}

interface IamResult {
  effect: Verdict;
  because: Explanation[];
  deniedBy?: string;
  sessionBlocked?: boolean;
}

function combine(policies: NamedPolicy[], facts: RequestFacts, because: Explanation[]): { effect: Verdict; deniedBy?: string } {
  let allowed = false;
  for (const p of policies) {
    const r = evaluatePolicy(p.policy, facts, p.name);
    because.push(...r.because);
    if (r.effect === 'Deny') return { effect: 'Deny', deniedBy: p.name };
    if (r.effect === 'Allow') allowed = true;
  }
  return { effect: allowed ? 'Allow' : 'Pass' };
}

function evaluateIamPolicies(
  facts: RequestFacts,
  accountRoot: boolean,
  resourcePolicy: NamedPolicy | undefined,
  identityPolicies: NamedPolicy[],
  sessionPolicies: NamedPolicy[],
): IamResult {
  const because: Explanation[] = [];
  const id = combine(identityPolicies, facts, because);
  if (id.effect === 'Deny') return { effect: 'Deny', because, deniedBy: id.deniedBy! };
  let resource: Verdict = 'Pass';
  let kind: PrincipalKind = 'Other';
  if (resourcePolicy) {
    const r = evaluatePolicy(resourcePolicy.policy, facts, resourcePolicy.name);
    because.push(...r.because);
    if (r.effect === 'Deny') return { effect: 'Deny', because, deniedBy: resourcePolicy.name };
    resource = r.effect;
    kind = r.principalKind;
  }
  if (sessionPolicies.length > 0) {
    const s = combine(sessionPolicies, facts, because);
    if (s.effect === 'Deny') return { effect: 'Deny', because, deniedBy: s.deniedBy! };
    const both = s.effect === 'Allow' && id.effect === 'Allow';
    if (both || (kind === 'Role' && s.effect === 'Allow' && resource === 'Allow') || (kind === 'Session' && resource === 'Allow')) {
      const why = both ? 'allowed by session and identity-based policy' : 'allowed by the resource policy within the session';
      because.push({ policy: 'session', effect: 'Allow', reason: `${why} (resource policy matched: ${kind})` });
      return { effect: 'Allow', because };
    }
    because.push({ policy: 'session', effect: 'ImplicitDeny', reason: `implicit deny from session policy (resource policy matched: ${kind})` });
    return { effect: 'Pass', because, sessionBlocked: true };
  }
  if (resource === 'Allow' || id.effect === 'Allow') return { effect: 'Allow', because };
  if (accountRoot) {
    because.push({ policy: 'account-root', effect: 'Allow(account-root)', reason: 'granted to the account root' });
    return { effect: 'Allow', because };
  }
  return { effect: 'Pass', because };
}

function defaultScope(input: DecideInput): 'resource' | 'user' | 'trust' {
  const a = input.facts.action.toLowerCase();
  if (a === 'sts:assumerole' || a === 'sts:assumerolewithwebidentity') return 'trust';
  if (input.facts.resource?.startsWith('arn:aws:s3:')) return 'resource';
  return 'user';
}

const deny = (because: Explanation[], blockedBy: string): Decision => ({ allowed: false, effect: 'Deny', because, blockedBy });
const implicit = (because: Explanation[], blockedBy: string, reason: string, policy = 'decision'): Decision => ({
  allowed: false,
  effect: 'Pass',
  because: [...because, { policy, effect: 'ImplicitDeny', reason }],
  blockedBy,
});
const allow = (because: Explanation[]): Decision => ({ allowed: true, effect: 'Allow', because });

export function decide(input: DecideInput): Decision {
  const { facts } = input;
  const scope = input.scope ?? defaultScope(input);
  const who = facts.principal.identity;
  const principalAccount = input.principalAccount ?? facts.principal.account;
  const accountRoot = input.isAccountRoot ?? (who.type === 'user' && who.isAccountRoot === true);
  const identity = input.identityPolicies;
  const session = input.sessionPolicies ?? [];

  if (scope === 'trust') return decideTrust(input);

  if (scope === 'user') {
    const r = evaluateIamPolicies(facts, accountRoot, undefined, identity, session);
    if (r.effect === 'Deny') return deny(r.because, r.deniedBy!);
    if (r.effect === 'Allow') return allow(r.because);
    const mandatory = principalAccount !== undefined || (input.mandatoryPolicy ?? true);
    if (mandatory || who.type === 'role') {
      return implicit(r.because, r.sessionBlocked ? 'session-policy' : 'implicit-deny', 'no policy allows this action');
    }
    return allow([...r.because, { policy: 'decision', effect: 'Allow(no-policy-required)', reason: 'operation does not require a policy for non-account users' }]);
  }

  const owner = input.isResourceOwner ?? (principalAccount !== undefined && principalAccount === input.resourceAccount);
  const restricted = (): boolean =>
    input.restrictPublicBuckets === true && input.resourcePolicy !== undefined && isPublic(input.resourcePolicy.policy) && !owner;
  const restrictedDecision = (): Decision =>
    deny([{ policy: input.resourcePolicy!.name, effect: 'Deny', reason: 'RestrictPublicBuckets blocks a public bucket policy for non-owners' }], 'restrict-public-buckets');

  if (principalAccount !== undefined && !owner) {
    // cross-account: identity side first (no resource policy, no ACLs), then the resource side
    const idSide = evaluateIamPolicies(facts, accountRoot, undefined, identity, session);
    if (idSide.effect === 'Deny') return deny(idSide.because, idSide.deniedBy!);
    if (idSide.effect !== 'Allow') {
      return implicit(idSide.because, 'cross-account-identity', 'cross-account: the identity side must allow (identity-based policies, or the account root)');
    }
    if (restricted()) return restrictedDecision();
    const resSide = evaluateIamPolicies(facts, false, input.resourcePolicy, [], []);
    const because = [...idSide.because, ...resSide.because];
    if (resSide.effect === 'Deny') return deny(because, resSide.deniedBy!);
    if (resSide.effect === 'Allow') return allow(because);
    if (input.aclAllows) return allow([...because, { policy: 'acl', effect: 'Allow(acl)', reason: 'granted by ACL' }]);
    return implicit(because, 'cross-account-resource', 'cross-account: the resource policy or an ACL must allow');
  }

  if (restricted()) return restrictedDecision();
  const r = evaluateIamPolicies(facts, principalAccount !== undefined && accountRoot, input.resourcePolicy, identity, session);
  if (r.effect === 'Deny') return deny(r.because, r.deniedBy!);
  if (r.effect === 'Allow') return allow(r.because);
  const blockedBy = r.sessionBlocked ? 'session-policy' : 'implicit-deny';
  if (principalAccount !== undefined) return implicit(r.because, blockedBy, 'same account: an identity or resource policy must allow (ACLs are not consulted)');
  if (input.aclAllows) return allow([...r.because, { policy: 'acl', effect: 'Allow(acl)', reason: 'granted by ACL' }]);
  return implicit(r.because, blockedBy, 'no policy allows and no ACL grants');
}

function decideTrust(input: DecideInput): Decision {
  const trust = input.resourcePolicy;
  if (!trust) return implicit([], 'trust-policy', 'no trust policy');
  const facts = { ...input.facts };
  delete facts.resource;
  const because: Explanation[] = [];
  if (input.hasPrincipalTags) {
    const t = evaluatePolicy(trust.policy, { ...facts, action: 'sts:TagSession' }, trust.name);
    because.push(...t.because);
    if (t.effect !== 'Allow') {
      return t.effect === 'Deny' ? deny(because, trust.name) : implicit(because, 'trust-policy', 'trust policy does not allow sts:TagSession');
    }
  }
  const r = evaluatePolicy(trust.policy, facts, trust.name);
  because.push(...r.because);
  if (r.effect === 'Allow') return allow(because);
  if (r.effect === 'Deny') return deny(because, trust.name);
  return implicit(because, 'trust-policy', 'trust policy does not allow the caller');
}
