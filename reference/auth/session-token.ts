// STS session tokens. Like RGW's (rgw_sts.cc generateCredentials, which AES-encrypts an encoded SessionToken
// with rgw_sts_key), the token itself carries the session: the temporary key id and secret, the expiration,
// the role id, the session policy, the user it was issued to, the session name, the web identity claims and
// the principal tags. It is sealed with AES-128-GCM under the 16-character STS key, so a token that was
// altered, or sealed by a gateway with another key, does not open. No session is stored anywhere.
//
// resolveSession is RGW's STSEngine::authenticate (rgw_rest_s3.cc): the token must open, name the access key
// the request was signed with, and not have expired on the gateway clock (`now >= expiration` refuses); the
// role is then reloaded, so its current policies apply and a deleted (or deleted and re-created) role ends
// the session; a GetSessionToken session reloads its user. Every refusal is 403 AccessDenied (probed).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { accountOf } from '../identity/lookup.js';
import { parseUserKey, T, type RoleRecord, type UserRecord } from '../identity/model.js';
import type { RoleSessionPrincipal, UserSessionPrincipal } from './principal.js';

export interface SessionClaims {
  v: 1;
  /** 'role': AssumeRole / AssumeRoleWithWebIdentity; 'user': GetSessionToken. */
  kind: 'role' | 'user';
  /** temporary access key id and secret */
  ak: string;
  sk: string;
  /** epoch ms */
  iat: number;
  exp: number;
  /** Store key (tenant$uid) of the user the token was issued to; the web identity's subject; or 'anonymous'. */
  uid: string;
  tenant: string;
  /** The role's store key and id: a role re-created under the same name is another role. */
  roleKey?: string;
  roleId?: string;
  session?: string;
  policy?: string;
  web?: { provider: string; sub: string; aud: string };
  /** Principal tags (aws:PrincipalTag/<key>) carried by the session. */
  tags?: Record<string, string>;
}

export interface ResolvedSession {
  principal: RoleSessionPrincipal | UserSessionPrincipal;
  secretKey: string;
}

const key = (env: GatewayEnv): Buffer => Buffer.from(env.config.stsKey, 'utf8');

export function sealSession(env: GatewayEnv, claims: SessionClaims): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', key(env), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function openSession(env: GatewayEnv, token: string): SessionClaims | undefined {
  try {
    const raw = Buffer.from(token, 'base64');
    // Node's decoder stops at '=' padding and skips junk; RGW refuses any token that is not exactly what it
    // issued (probed: a token with "AAAA" appended is 403 AccessDenied), so only canonical base64 is accepted.
    if (raw.toString('base64') !== token) return undefined;
    if (raw.length < 29) return undefined;
    const decipher = createDecipheriv('aes-128-gcm', key(env), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    const claims = JSON.parse(text) as SessionClaims;
    return claims.v === 1 ? claims : undefined;
  } catch {
    return undefined;
  }
}

const denied = (): GatewayError => new GatewayError('AccessDenied');

export function resolveSession(env: GatewayEnv, token: string, accessKey: string): ResolvedSession {
  if (!env.config.stsEnabled) throw denied();
  const claims = openSession(env, token);
  if (!claims || claims.ak !== accessKey || env.clock.now() >= claims.exp) throw denied();
  if (claims.kind === 'user') {
    const user = env.store.get<UserRecord>(T.users, claims.uid);
    if (!user) throw denied();
    return { principal: { kind: 'user-session', user, account: accountOf(env.store, user), accessKey, expiration: claims.exp }, secretKey: claims.sk };
  }
  const role = claims.roleKey ? env.store.get<RoleRecord>(T.roles, claims.roleKey) : undefined;
  // A session without a role (GetSessionToken called by a role session) can do nothing: RGW's RoleApplier
  // with no role policies denies everything; refusing it here answers the same 403.
  if (!role || role.id !== claims.roleId) throw denied();
  return {
    principal: {
      kind: 'role',
      role,
      account: role.accountId ? accountOf(env.store, { accountId: role.accountId }) : undefined,
      sessionName: claims.session ?? '',
      accessKey,
      expiration: claims.exp,
      sessionPolicy: claims.policy,
      sourceIdentity: claims.uid,
      roleKey: claims.roleKey,
      tokenUser: parseUserKey(claims.uid),
      issuedAt: claims.iat,
      ...(claims.web ? { webIdentity: { ...claims.web, claims: {} } } : {}),
      ...(claims.tags ? { sessionTags: claims.tags } : {}),
    },
    secretKey: claims.sk,
  };
}
