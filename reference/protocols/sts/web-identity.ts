// AssumeRoleWithWebIdentity: the token's issuer must be an OIDC provider registered in the role's account; its
// keys are found through the issuer's discovery document (/.well-known/openid-configuration → jwks_uri) over
// verified TLS, and one of the provider's thumbprints must match a certificate of the chain the key server
// presented; HS* algorithms are refused; aud (or azp) must be a registered client id; the role's trust policy
// is evaluated for the web identity with the <provider>:sub/aud/azp/app_id condition keys.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { T, type OidcProviderRecord } from '../../identity/model.js';
import { roleArn, roleKey, roleScope } from '../../identity/roles.js';
import { principalFacts } from '../../policy/index.js';
import { fetchHttps } from '../../oidc/fetch.js';
import { duration, loadRoleFromArn, sessionPolicy } from './assume-role.js';
import { issueCredentials } from './credentials.js';
import { sendSts } from './render.js';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

async function verifiedClaims(ctx: RequestContext, token: string, provider: OidcProviderRecord): Promise<JWTPayload> {
  const iss = `https://${provider.url}`;
  let jwksUri: string;
  let chain: string[];
  try {
    const disco = await fetchHttps(`${iss}/.well-known/openid-configuration`);
    if (disco.status !== 200) throw new Error(`discovery document: HTTP ${disco.status}`);
    jwksUri = String((JSON.parse(disco.body) as { jwks_uri?: string }).jwks_uri ?? '');
    if (!jwksUri.startsWith('https://')) throw new Error('discovery document has no https jwks_uri');
    const keys = await fetchHttps(jwksUri);
    if (keys.status !== 200) throw new Error(`jwks: HTTP ${keys.status}`);
    chain = keys.chain;
    if (!chain.some((fp) => provider.thumbprints.includes(fp))) throw new GatewayError('AccessDenied', 'thumbprint mismatch');
    const jwks = createLocalJWKSet(JSON.parse(keys.body) as Parameters<typeof createLocalJWKSet>[0]);
    const { payload } = await jwtVerify(token, jwks, { currentDate: new Date(ctx.env.clock.now()), clockTolerance: 0 });
    return payload;
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw new GatewayError('AccessDenied', '');
  }
}

export async function assumeRoleWithWebIdentity(ctx: RequestContext): Promise<void> {
  const params = ctx.params!;
  const role = loadRoleFromArn(ctx, params.get('RoleArn'));
  const token = params.get('WebIdentityToken');
  if (!token) throw new GatewayError('InvalidArgument');
  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    unverified = decodeJwt(token);
  } catch {
    throw new GatewayError('InvalidIdentityToken');
  }
  if (!header.alg || header.alg.startsWith('HS') || header.alg === 'none') throw new GatewayError('InvalidIdentityToken');
  const iss = String(unverified.iss ?? '');
  // RGW keeps a trailing '/' in the provider URL (and ARN), so the issuer is matched as given.
  const url = iss.replace(/^https?:\/\//, '');
  const provider = ctx.env.store
    .list<OidcProviderRecord>(T.oidc)
    .map(([, p]) => p)
    .find((p) => p.url === url && (p.accountId ?? p.tenant) === roleScope(role));
  if (!provider) throw new GatewayError('AccessDenied');
  const claims = await verifiedClaims(ctx, token, provider);
  const aud = Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
  const azp = typeof claims.azp === 'string' ? claims.azp : undefined;
  if (!aud.some((a) => provider.clientIds.includes(a)) && !(azp && provider.clientIds.includes(azp))) throw new GatewayError('AccessDenied');
  const sub = String(claims.sub ?? '');
  const conditions: Record<string, string[]> = { [`${url}:sub`]: [sub], [`${url}:aud`]: aud, [`${url}:app_id`]: aud };
  if (azp) conditions[`${url}:azp`] = [azp];
  const saved = ctx.principal;
  ctx.principal = { kind: 'anonymous' };
  try {
    authorize(
      Object.assign(ctx, { webIdentityFacts: principalFacts.webIdentity(url) }),
      {
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: roleArn(role),
        scope: 'trust',
        resourcePolicy: { name: `trust:${role.name}`, policy: ctx.env.policies.parse(role.trustPolicy, 'trust', null) },
        conditions,
      },
    );
  } finally {
    ctx.principal = saved;
  }
  const session = params.get('RoleSessionName') ?? '';
  if (!SESSION_NAME.test(session)) throw new GatewayError('InvalidArgument');
  const seconds = duration(ctx, params, role.maxSessionDuration);
  const policy = sessionPolicy(ctx, params.get('Policy'));
  const credentials = issueCredentials(ctx.env, { kind: 'role', uid: sub, tenant: role.tenant, roleKey: roleKey(roleScope(role), role.name), session, policy, web: { provider: url, sub, aud: aud[0] ?? '' } }, seconds);
  sendSts(ctx, 'AssumeRoleWithWebIdentity', {
    Credentials: credentials,
    SubjectFromWebIdentityToken: sub,
    AssumedRoleUser: { Arn: `arn:aws:sts::${roleScope(role)}:assumed-role${role.path}${role.name}/${session}`, AssumeRoleId: `${role.id}:${session}` },
    PackedPolicySize: 0,
    Provider: iss,
    Audience: aud[0] ?? '',
  });
}
