// Who is asking, as the auth layer resolved it. Auth engines (RGW's rgw_auth.h) authenticate and change nothing.
import type { AccountRecord, RoleRecord, UserRecord } from '../identity/model.js';

export interface AnonymousPrincipal {
  kind: 'anonymous';
}

export interface UserPrincipal {
  kind: 'user';
  user: UserRecord;
  account?: AccountRecord;
  accessKey: string;
}

/** Temporary credentials from AssumeRole / AssumeRoleWithWebIdentity. */
export interface RoleSessionPrincipal {
  kind: 'role';
  role: RoleRecord;
  account?: AccountRecord;
  sessionName: string;
  accessKey: string;
  expiration: number; // epoch ms
  sessionPolicy?: string;
  /** The identity that assumed the role (user ARN, or web identity subject). */
  sourceIdentity: string;
  webIdentity?: { provider: string; sub: string; aud: string; claims: Record<string, unknown> };
  sessionTags?: Record<string, string>;
  /** Store key of the role, so the role's current policies are evaluated. */
  roleKey?: string;
  /** The user the token was issued to (RGW token_attrs.user_id), for Principal matching. */
  tokenUser?: { tenant: string; id: string; ns?: string };
  issuedAt?: number;
}

/** Temporary credentials from GetSessionToken: the user's own permissions. */
export interface UserSessionPrincipal {
  kind: 'user-session';
  user: UserRecord;
  account?: AccountRecord;
  accessKey: string;
  expiration: number;
}

export type Principal = AnonymousPrincipal | UserPrincipal | RoleSessionPrincipal | UserSessionPrincipal;

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ kind: 'anonymous' });
