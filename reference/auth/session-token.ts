// STS session tokens. Like RGW (which encrypts its token with rgw_sts_key), the token itself carries the
// session: who it was issued to, the role, the session policy, the expiration and the temporary secret, sealed
// with AES-128-GCM under the 16-character STS key, so a tampered or foreign token fails to open. Requests
// signed with temporary credentials are resolved here; every failure is RGW's 403 AccessDenied.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { accountOf } from '../identity/lookup.js';
import { T, type RoleRecord, type UserRecord } from '../identity/model.js';
import type { RoleSessionPrincipal, UserSessionPrincipal } from './principal.js';

export interface SessionClaims {
  v: 1;
  kind: 'role' | 'user';
  /** temporary access key id and secret */
  ak: string;
  sk: string;
  /** epoch ms */
  iat: number;
  exp: number;
  /** store key of the user the token was issued to (or the web identity subject) */
  uid: string;
  tenant: string;
  roleKey?: string;
  session?: string;
  policy?: string;
  web?: { provider: string; sub: string; aud: string };
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

export function resolveSession(env: GatewayEnv, token: string, accessKey: string): ResolvedSession {
  if (!env.config.stsEnabled) throw new GatewayError('AccessDenied');
  const claims = openSession(env, token);
  if (!claims || claims.ak !== accessKey || env.clock.now() >= claims.exp) throw new GatewayError('AccessDenied');
  if (claims.kind === 'user') {
    const user = env.store.get<UserRecord>(T.users, claims.uid);
    if (!user) throw new GatewayError('AccessDenied');
    return { principal: { kind: 'user-session', user, account: accountOf(env.store, user), accessKey, expiration: claims.exp }, secretKey: claims.sk };
  }
  const role = claims.roleKey ? env.store.get<RoleRecord>(T.roles, claims.roleKey) : undefined;
  if (!role) throw new GatewayError('AccessDenied');
  const uid = claims.uid;
  const i = uid.indexOf('$');
  return {
    principal: {
      kind: 'role',
      role,
      account: role.accountId ? accountOf(env.store, { accountId: role.accountId }) : undefined,
      sessionName: claims.session ?? '',
      accessKey,
      expiration: claims.exp,
      sessionPolicy: claims.policy,
      sourceIdentity: uid,
      roleKey: claims.roleKey,
      tokenUser: i < 0 ? { tenant: '', id: uid } : { tenant: uid.slice(0, i), id: uid.slice(i + 1) },
      issuedAt: claims.iat,
      ...(claims.web ? { webIdentity: { ...claims.web, claims: {} } } : {}),
      ...(claims.tags ? { sessionTags: claims.tags } : {}),
    },
    secretKey: claims.sk,
  };
}
