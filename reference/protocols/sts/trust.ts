// RGWREST_STS::verify_permission: the role's trust policy alone decides AssumeRole and
// AssumeRoleWithWebIdentity (the caller's identity policies are never consulted, same account or not: probed).
// When the request carries principal tags (a web identity token's tags, or the role's own tags) the trust
// policy must also allow sts:TagSession. A trust policy that does not parse refuses everyone (403).
// The decision goes to the decision log like every other.
import { explain } from '../../authz/explain.js';
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import type { RoleRecord } from '../../identity/model.js';
import { roleArn } from '../../identity/roles.js';
import { decide, PolicyParseError, type Decision, type PrincipalFacts } from '../../policy/index.js';

export interface TrustRequest {
  action: 'sts:AssumeRole' | 'sts:AssumeRoleWithWebIdentity';
  role: RoleRecord;
  principal: PrincipalFacts;
  /** Who asks, as the decision log names it. */
  caller: string;
  conditions: Record<string, string[]>;
  hasPrincipalTags?: boolean;
}

export function authorizeTrust(ctx: RequestContext, r: TrustRequest): void {
  let d: Decision;
  try {
    const policy = ctx.env.policies.parse(r.role.trustPolicy, 'trust', null);
    d = decide({
      facts: { action: r.action, principal: r.principal, conditions: r.conditions },
      identityPolicies: [],
      resourcePolicy: { name: `trust:${r.role.name}`, policy },
      scope: 'trust',
      hasPrincipalTags: r.hasPrincipalTags ?? false,
    });
  } catch (err) {
    if (!(err instanceof PolicyParseError)) throw err;
    d = { allowed: false, effect: 'Pass', because: [{ policy: `trust:${r.role.name}`, effect: 'ImplicitDeny', reason: `trust policy does not parse: ${err.message}` }], blockedBy: 'trust-policy' };
  }
  ctx.env.decisions.add({
    requestId: ctx.requestId,
    time: new Date(ctx.env.clock.now()).toISOString(),
    principal: r.caller,
    action: r.action,
    resource: roleArn(r.role),
    allowed: d.allowed,
    summary: explain(d, r.action, r.caller),
    ...(d.blockedBy ? { blockedBy: d.blockedBy } : {}),
    because: d.because,
  });
  if (!d.allowed) throw new GatewayError('AccessDenied');
}
