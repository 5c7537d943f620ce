// AssumeRole in RGW 20.2.4's order (rgw_rest_sts.cc, rgw_sts.cc; each step probed):
// 1. verify_permission: RoleArn → role (400 InvalidArgument / 404 NoSuchEntity / 403 on a path mismatch), then
//    the trust policy alone (403). Anyone the trust policy names may assume the role, anonymous callers
//    included when it names "*"; no identity policy is needed or consulted, same account or cross-account.
//    The trust check sees only RGW's base condition keys (aws:username = the caller's uid, aws:SourceIp, ...):
//    sts:ExternalId, sts:RoleSessionName, sts:DurationSeconds and aws:PrincipalArn are never filled, so a
//    trust policy conditioned on them refuses everyone.
// 2. get_params: RoleArn and RoleSessionName present (400), Policy parses (400 MalformedPolicyDocument).
// 3. validate_input: ExternalId, SerialNumber, TokenCode, DurationSeconds (rgw_sts_min_session_duration ..
//    the role's MaxSessionDuration, default 3600), Policy size (PackedPolicyTooLarge), RoleSessionName.
// Role chaining: a role session may assume any role whose trust policy names its role (by role ARN), its
// account, its token user's uid, or "*"; an assumed-role ARN in a trust policy never matches an account role.
import { callerFacts, baseConditions } from '../../authz/facts.js';
import { describePrincipal } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { userKey } from '../../identity/model.js';
import { roleKey, roleScope } from '../../identity/roles.js';
import { issueCredentials } from './credentials.js';
import { packedPolicySize, parseSessionPolicy, validateAssumeRoleExtras, validateBase } from './params.js';
import { sendSts } from './render.js';
import { assumedRoleArn, loadRole } from './role-arn.js';
import { authorizeTrust } from './trust.js';

/** The uid RGW writes into the token (s->user's id): the caller's, a role session's token user, or anonymous. */
function tokenUid(ctx: RequestContext): string {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') return userKey(p.user.tenant, p.user.id);
  if (p.kind === 'role') return p.sourceIdentity;
  return 'anonymous';
}

export async function assumeRole(ctx: RequestContext): Promise<void> {
  const params = ctx.params!;
  const { role, arn } = loadRole(ctx.env.store, params.get('RoleArn') ?? '');
  const conditions = baseConditions(ctx);
  const p = ctx.principal;
  // RGW's environment names a role session's token user as aws:username, as it does for S3 requests.
  if (p.kind === 'role' && !conditions['aws:username']) conditions['aws:username'] = [p.tokenUser?.id ?? p.sourceIdentity];
  authorizeTrust(ctx, { action: 'sts:AssumeRole', role, principal: callerFacts(ctx), caller: describePrincipal(ctx), conditions });

  const session = params.get('RoleSessionName') ?? '';
  if (session === '') throw new GatewayError('InvalidArgument');
  const policy = parseSessionPolicy(ctx, params.get('Policy') ?? '') ?? '';
  validateAssumeRoleExtras(params);
  const seconds = validateBase({
    duration: params.get('DurationSeconds') ?? '',
    minDuration: ctx.env.config.stsMinSessionDuration,
    maxDuration: role.maxSessionDuration,
    policy,
    sessionName: session,
  });
  const credentials = issueCredentials(
    ctx.env,
    { kind: 'role', uid: tokenUid(ctx), tenant: role.tenant, roleKey: roleKey(roleScope(role), role.name), roleId: role.id, session, ...(policy ? { policy } : {}) },
    seconds,
  );
  sendSts(ctx, {
    action: 'AssumeRole',
    credentials,
    user: { Arn: assumedRoleArn(arn, session), AssumeRoleId: `${role.id}:${session}` },
    packedPolicySize: packedPolicySize(policy),
  });
}
