// STS session tokens: resolved by the STS layer (reference/protocols/sts). Until a resolver is registered on the
// gateway env, a request carrying a session token is refused as RGW refuses an unknown token.
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import type { RoleSessionPrincipal, UserSessionPrincipal } from './principal.js';

export interface ResolvedSession {
  principal: RoleSessionPrincipal | UserSessionPrincipal;
  secretKey: string;
}

export type SessionResolver = (env: GatewayEnv, token: string, accessKey: string) => ResolvedSession;

export function resolveSession(env: GatewayEnv & { sessions?: SessionResolver }, token: string, accessKey: string): ResolvedSession {
  if (!env.sessions) throw new GatewayError('AccessDenied');
  return env.sessions(env, token, accessKey);
}
