// One policy -> Allow / Deny / Pass with the statements that decided (RGW's Policy::eval and Statement::eval).
// Statement rules RGW applies, in order:
// 1. Resource and trust policies are evaluated against the caller: a statement with neither Principal nor
//    NotPrincipal does not apply; for users, Principal must match; for role sessions a matching Principal
//    also classifies the match (Role, or Session for user/assumed-role principals) and NotPrincipal is then
//    ignored; otherwise a matching NotPrincipal makes the statement not apply. Identity and session policies
//    ignore Principal entirely.
// 2. With a request resource, a statement without Resource/NotResource does not apply; without one (trust
//    policies) a statement WITH Resource/NotResource does not apply. Resource must match one pattern; else
//    NotResource must match none (when both are present only Resource counts).
// 3. The action must be in Action and not in NotAction: NotAction only subtracts, so a statement with
//    NotAction but no Action never applies (probed).
// 4. Every condition must hold.
// The policy: the first Deny statement wins, else any Allow, else Pass.
import { canonicalAction } from './actions.js';
import { arnMatches } from './arn.js';
import { evaluateCondition } from './conditions/index.js';
import type { RequestFacts } from './facts.js';
import { identityMatches, sessionPrincipalKind } from './identity.js';
import type { Arn, Policy, Statement, Verdict } from './types.js';

export type ExplanationEffect = 'Allow' | 'Deny' | 'Pass' | 'ImplicitDeny' | 'Allow(account-root)' | 'Allow(acl)' | 'Allow(no-policy-required)';

export interface Explanation {
  /** e.g. 'identity:inline:read-backups', 'bucket-policy:backups', 'trust:backup-reader', 'session'. */
  policy: string;
  /** Sid, or '#<index>' for statements without one. */
  statement?: string;
  effect: ExplanationEffect;
  reason: string;
}

/** RGW's PolicyPrincipal: how a resource policy's Principal matched a role session. */
export type PrincipalKind = 'Role' | 'Session' | 'Other';

export interface PolicyResult {
  effect: Verdict;
  because: Explanation[];
  /** The PolicyPrincipal left by the LAST statement RGW evaluated (its quirk: later statements reset it). */
  principalKind: PrincipalKind;
}

/** The request ARN split at its first five ':' (RGW builds these, it never parses them). */
export function splitRequestArn(s: string): Arn | undefined {
  if (!s.startsWith('arn:')) return undefined;
  const parts = s.slice(4).split(':');
  if (parts.length < 5) return undefined;
  const [partition, service, region, account, ...rest] = parts as [string, string, string, string, ...string[]];
  return { partition, service, region, account, resource: rest.join(':') };
}

interface Ctx {
  facts: RequestFacts;
  withPrincipal: boolean;
  resource: Arn | undefined;
  hasResource: boolean;
  action: string | undefined;
}

type StatementResult = { verdict: Verdict; kind: PrincipalKind; reason: string };

function evalStatement(st: Statement, ctx: Ctx): StatementResult {
  let kind: PrincipalKind = 'Other';
  if (ctx.withPrincipal) {
    const who = ctx.facts.principal.identity;
    const match = (list: Statement['principals']) => list.filter((p) => identityMatches(who, p));
    if (st.principals.length === 0 && st.notPrincipals.length === 0) {
      return { verdict: 'Pass', kind, reason: 'statement has no Principal or NotPrincipal' };
    }
    if (who.type !== 'role' && st.principals.length > 0 && match(st.principals).length === 0) {
      return { verdict: 'Pass', kind, reason: 'Principal does not match the caller' };
    }
    if (who.type === 'role' && st.principals.length > 0) {
      const matched = match(st.principals);
      if (matched.length === 0) return { verdict: 'Pass', kind, reason: 'Principal does not match the role session' };
      kind = sessionPrincipalKind(matched[matched.length - 1]!);
    } else if (st.notPrincipals.length > 0 && match(st.notPrincipals).length > 0) {
      return { verdict: 'Pass', kind, reason: 'NotPrincipal matches the caller' };
    }
  }
  const hasPatterns = st.resources.length > 0 || st.notResources.length > 0;
  if (ctx.hasResource && !hasPatterns) return { verdict: 'Pass', kind, reason: 'statement has no Resource' };
  if (!ctx.hasResource && hasPatterns) return { verdict: 'Pass', kind, reason: 'statement has a Resource but the request has none' };
  const res = ctx.resource;
  if (ctx.hasResource && st.resources.length > 0) {
    if (!res || !st.resources.some((p) => arnMatches(p, res))) return { verdict: 'Pass', kind, reason: 'Resource does not match' };
  } else if (ctx.hasResource && st.notResources.length > 0) {
    if (res && st.notResources.some((p) => arnMatches(p, res))) return { verdict: 'Pass', kind, reason: 'NotResource matches' };
  }
  if (!ctx.action || !st.actions.has(ctx.action) || st.notActions.has(ctx.action)) {
    return { verdict: 'Pass', kind, reason: 'action not covered' };
  }
  const failed = st.conditions.find((c) => !evaluateCondition(c, ctx.facts.conditions));
  if (failed) return { verdict: 'Pass', kind, reason: `condition ${failed.operator}${failed.ifExists ? 'IfExists' : ''} on ${failed.key} is false` };
  return { verdict: st.effect, kind, reason: 'statement applies' };
}

const label = (st: Statement): string => st.sid ?? `#${st.index}`;

/** Evaluates one policy. Resource and trust policies match Principal against facts.principal; trust
 * policies are evaluated without a resource, as RGW's AssumeRole does. */
export function evaluatePolicy(policy: Policy, facts: RequestFacts, name: string): PolicyResult {
  const withPrincipal = policy.kind === 'resource' || policy.kind === 'trust';
  const hasResource = policy.kind !== 'trust' && facts.resource !== undefined;
  const ctx: Ctx = {
    facts,
    withPrincipal,
    hasResource,
    resource: hasResource ? splitRequestArn(facts.resource!) : undefined,
    action: canonicalAction(facts.action),
  };
  const because: Explanation[] = [];
  let principalKind: PrincipalKind = 'Other';
  let allowed = false;
  for (const st of policy.statements) {
    const r = evalStatement(st, ctx);
    principalKind = r.kind;
    if (r.verdict === 'Deny') {
      because.push({ policy: name, statement: label(st), effect: 'Deny', reason: r.reason });
      return { effect: 'Deny', because, principalKind };
    }
    if (r.verdict === 'Allow') {
      allowed = true;
      because.push({ policy: name, statement: label(st), effect: 'Allow', reason: r.reason });
    }
  }
  if (!allowed) {
    const why = ctx.action ? 'no statement applies' : `RGW knows no action named ${facts.action}`;
    because.push({ policy: name, effect: 'Pass', reason: why });
  }
  return { effect: allowed ? 'Allow' : 'Pass', because, principalKind };
}
