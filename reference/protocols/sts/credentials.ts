// Temporary credentials in RGW's formats (rgw_sts.cc generateCredentials): a 20-character mixed-case
// alphanumeric access key id (no ASIA prefix), a 40-character upper-case alphanumeric secret, an ISO 8601
// Expiration with nine fractional digits, and the sealed session token (auth/session-token.ts).
import { randomInt } from 'node:crypto';
import type { GatewayEnv } from '../../env.js';
import { sealSession, type SessionClaims } from '../../auth/session-token.js';

const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const pick = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

export interface IssuedCredentials {
  AccessKeyId: string;
  Expiration: string;
  SecretAccessKey: string;
  SessionToken: string;
}

export function issueCredentials(env: GatewayEnv, claims: Omit<SessionClaims, 'v' | 'ak' | 'sk' | 'iat' | 'exp'>, durationSeconds: number): IssuedCredentials {
  const iat = env.clock.now();
  const exp = iat + durationSeconds * 1000;
  const ak = pick(MIXED, 20);
  const sk = pick(UPPER, 40);
  const token = sealSession(env, { v: 1, ...claims, ak, sk, iat, exp });
  return { AccessKeyId: ak, Expiration: nanoIso(exp), SecretAccessKey: sk, SessionToken: token };
}

/** 2026-11-23T09:35:30.725000000Z: RGW prints nanoseconds; the gateway clock has milliseconds. */
export function nanoIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
