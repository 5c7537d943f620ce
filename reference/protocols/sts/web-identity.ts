// AssumeRoleWithWebIdentity in RGW 20.2.4's order (rgw_rest_sts.cc; each step probed with the bundled IdP):
// 1. the web token engine authenticates the request instead of SigV4 (a signature, if any, is ignored): an
//    empty WebIdentityToken, any refusal of the token (oidc/verify.ts), an empty RoleSessionName or a role
//    that does not exist are all 403 AccessDenied;
// 2. verify_permission: the RoleArn's path must match (403); the trust policy must allow
//    sts:AssumeRoleWithWebIdentity for the provider (Federated oidc-provider/<issuer without scheme>), with
//    condition keys `<issuer>:<claim>` for every claim (flattened), `<issuer>:app_id` for aud, and the
//    token's principal tags as aws:RequestTag/<key> + aws:TagKeys; when the token has tags or the role has
//    tags, sts:TagSession must be allowed too;
// 3. get_params: RoleArn, RoleSessionName, sub and aud present (400), Policy parses;
// 4. validate_input: ProviderId 4..2048 when given, then DurationSeconds, Policy size, RoleSessionName.
// The session carries the token's principal tags and the role's tags as aws:PrincipalTag/<key>.
import { baseConditions } from '../../authz/facts.js';
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { findRole, roleKey, roleScope } from '../../identity/roles.js';
import { idpUrl } from '../../oidc/provider.js';
import { TokenRefused, verifyWebIdentityToken, type WebIdentity } from '../../oidc/verify.js';
import { principalFacts } from '../../policy/index.js';
import { issueCredentials } from './credentials.js';
import { packedPolicySize, parseSessionPolicy, validateBase, validateProviderId } from './params.js';
import { sendSts } from './render.js';
import { assumedRoleArn, loadRole, parseRoleArn, roleArnScope } from './role-arn.js';
import { authorizeTrust } from './trust.js';

const ACTION = 'sts:AssumeRoleWithWebIdentity';

async function authenticateToken(ctx: RequestContext, roleArnText: string): Promise<WebIdentity> {
  const token = ctx.params!.get('WebIdentityToken') ?? '';
  try {
    if (token === '') throw new TokenRefused('no WebIdentityToken');
    return await verifyWebIdentityToken(ctx.env, token, roleArnScope(roleArnText));
  } catch (err) {
    if (err instanceof TokenRefused) {
      ctx.env.decisions.add({
        requestId: ctx.requestId,
        time: new Date(ctx.env.clock.now()).toISOString(),
        principal: 'web identity',
        action: ACTION,
        resource: roleArnText,
        allowed: false,
        summary: `denied: web identity token refused: ${err.reason}`,
        blockedBy: 'web-identity-token',
        because: [],
      });
    }
    throw err;
  }
}

function trustConditions(ctx: RequestContext, id: WebIdentity, roleTags: { key: string; value: string }[]): Record<string, string[]> {
  const c = baseConditions(ctx);
  const add = (k: string, v: string): void => {
    (c[k] ??= []).push(v);
  };
  const url = idpUrl(id.iss);
  for (const a of id.audiences) add(`${url}:app_id`, a);
  for (const [k, v] of id.claims) add(`${url}:${k}`, v);
  for (const [k, v] of id.tags) {
    add(`aws:RequestTag/${k}`, v);
    add('aws:TagKeys', k);
  }
  for (const t of roleTags) add(`iam:ResourceTag/${t.key}`, t.value);
  return c;
}

export async function assumeRoleWithWebIdentity(ctx: RequestContext): Promise<void> {
  const params = ctx.params!;
  const roleArnText = params.get('RoleArn') ?? '';
  const id = await authenticateToken(ctx, roleArnText);
  const session = params.get('RoleSessionName') ?? '';
  const parsed = parseRoleArn(roleArnText);
  if (session === '' || !parsed || !findRole(ctx.env.store, parsed.account, parsed.roleName)) throw new GatewayError('AccessDenied');

  const { role, arn } = loadRole(ctx.env.store, roleArnText);
  authorizeTrust(ctx, {
    action: ACTION,
    role,
    principal: principalFacts.webIdentity(idpUrl(id.iss)),
    caller: `web identity ${idpUrl(id.iss)} sub=${id.sub}`,
    conditions: trustConditions(ctx, id, role.tags),
    hasPrincipalTags: id.tags.length > 0 || role.tags.length > 0,
  });

  if (id.sub === '' || id.aud === '') throw new GatewayError('InvalidArgument');
  const policy = parseSessionPolicy(ctx, params.get('Policy') ?? '') ?? '';
  validateProviderId(params);
  const seconds = validateBase({
    duration: params.get('DurationSeconds') ?? '',
    minDuration: ctx.env.config.stsMinSessionDuration,
    maxDuration: role.maxSessionDuration,
    policy,
    sessionName: session,
  });
  const tags = Object.fromEntries([...id.tags, ...role.tags.map((t) => [t.key, t.value] as [string, string])]);
  const credentials = issueCredentials(
    ctx.env,
    {
      kind: 'role',
      uid: id.sub,
      tenant: role.tenant,
      roleKey: roleKey(roleScope(role), role.name),
      roleId: role.id,
      session,
      ...(policy ? { policy } : {}),
      web: { provider: idpUrl(id.iss), sub: id.sub, aud: id.aud },
      ...(Object.keys(tags).length ? { tags } : {}),
    },
    seconds,
  );
  sendSts(ctx, {
    action: 'AssumeRoleWithWebIdentity',
    sub: id.sub,
    audience: id.aud,
    user: { Arn: assumedRoleArn(arn, session), AssumeRoleId: `${role.id}:${session}` },
    credentials,
    provider: (params.get('ProviderId') ?? '') === '' ? id.iss : '',
    packedPolicySize: packedPolicySize(policy),
  });
}
