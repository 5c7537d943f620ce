// Users for Admin Ops and IAM: the record, its indexes (access keys and emails are unique across the gateway,
// emails without regard to case) and the rules RGW applies when it finds, creates and changes users
// (driver/rados/rgw_user.cc RGWUser), verified on RGW 20.2.4 (docs/rgw-behaviour/admin.md):
// - RGWUser::init finds the user by uid, and only when that finds nobody by email (create and modify, which
//   take one) and then by access key: so "create uid=new access-key=<someone's>" is KeyExists and
//   "key create uid=<nobody> access-key=<someone's>" acts on that someone;
// - tenants are [A-Za-z0-9_]* (InvalidTenantName); the uid "anonymous" and an empty uid are refused;
// - an account user's display name is its IAM user name: [\w+=,.@-]{1,64} and unique in the account
//   without regard to case.
import type { Store, Mutation } from '../store/store.js';
import { GatewayError } from '../errors.js';
import { NO_QUOTA, T, userKey, type UserRecord } from './model.js';

export { newKey, sortKeys } from './keys.js';

export interface NewUser {
  tenant: string;
  id: string;
  displayName: string;
  email?: string;
  accountId?: string;
  accountRoot?: boolean;
  maxBuckets?: number;
  suspended?: boolean;
  caps?: { type: string; perm: string }[];
  path?: string;
  opMask?: string;
  system?: boolean;
}

export function getUser(store: Store, tenant: string, id: string): UserRecord | undefined {
  return store.get<UserRecord>(T.users, userKey(tenant, id));
}

/** Mutations that write a user record and keep the key and email indexes in step with it. */
export function userMutations(before: UserRecord | undefined, after: UserRecord | undefined): Mutation[] {
  const m: Mutation[] = [];
  const id = before ? userKey(before.tenant, before.id) : userKey(after!.tenant, after!.id);
  const oldKeys = new Set(before?.keys.map((k) => k.accessKey) ?? []);
  const newKeys = new Set(after?.keys.map((k) => k.accessKey) ?? []);
  for (const k of oldKeys) if (!newKeys.has(k)) m.push({ table: T.keys, key: k });
  for (const k of newKeys) if (!oldKeys.has(k)) m.push({ table: T.keys, key: k, value: id });
  const oldEmail = before?.email.toLowerCase() ?? '';
  const newEmail = after?.email.toLowerCase() ?? '';
  if (oldEmail && oldEmail !== newEmail) m.push({ table: T.emails, key: oldEmail });
  if (newEmail && newEmail !== oldEmail) m.push({ table: T.emails, key: newEmail, value: id });
  m.push({ table: T.users, key: id, value: after });
  return m;
}

export function emailTaken(store: Store, email: string, except?: string): boolean {
  const owner = store.get<string>(T.emails, email.toLowerCase());
  return owner !== undefined && owner !== except;
}

export function userByEmail(store: Store, email: string): UserRecord | undefined {
  const uid = store.get<string>(T.emails, email.toLowerCase());
  return uid === undefined ? undefined : store.get<UserRecord>(T.users, uid);
}

export function userByAccessKey(store: Store, accessKey: string): UserRecord | undefined {
  const uid = store.get<string>(T.keys, accessKey);
  return uid === undefined ? undefined : store.get<UserRecord>(T.users, uid);
}

export type FoundBy = 'uid' | 'email' | 'key';

/** RGWUser::init: by uid; if nobody, by email (when given); if nobody, by access key (when given). */
export function resolveUser(
  store: Store,
  by: { tenant: string; id: string; email?: string; accessKey?: string },
): { user: UserRecord; by: FoundBy } | undefined {
  const byUid = by.id === '' ? undefined : getUser(store, by.tenant, by.id);
  if (byUid) return { user: byUid, by: 'uid' };
  const byEmail = by.email ? userByEmail(store, by.email) : undefined;
  if (byEmail) return { user: byEmail, by: 'email' };
  const byKey = by.accessKey ? userByAccessKey(store, by.accessKey) : undefined;
  return byKey ? { user: byKey, by: 'key' } : undefined;
}

/** rgw_validate_tenant_name. */
export function validateTenant(tenant: string): void {
  if (!/^[A-Za-z0-9_]*$/.test(tenant)) throw new GatewayError('InvalidTenantName');
}

/** The uid RGW refuses to act on (RGW_USER_ANON_ID) or cannot (empty). */
export const isAnonymousUid = (id: string): boolean => id === '' || id === 'anonymous';

const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;

/** validate_iam_user_name, as Admin Ops applies it to account users' display names. */
export const isIamUserName = (name: string): boolean => IAM_USER_NAME.test(name);

export function buildUser(u: NewUser, now: string): UserRecord {
  return {
    tenant: u.tenant,
    id: u.id,
    displayName: u.displayName,
    email: u.email ?? '',
    suspended: u.suspended ?? false,
    maxBuckets: u.maxBuckets ?? 1000,
    keys: [],
    caps: u.caps ?? [],
    opMask: u.opMask ?? 'read, write, delete',
    system: u.system ?? false,
    admin: false,
    accountId: u.accountId,
    accountRoot: u.accountRoot ?? false,
    path: u.path ?? '/',
    createDate: now,
    userQuota: { ...NO_QUOTA },
    bucketQuota: { ...NO_QUOTA },
    inlinePolicies: {},
    managedPolicies: [],
    groups: [],
    tags: {},
  };
}

/** Account users are addressed by display name in IAM; RGW keeps it unique within the account. */
export function accountUserByName(store: Store, accountId: string, name: string): UserRecord | undefined {
  const lower = name.toLowerCase();
  return store.list<UserRecord>(T.users).find(([, u]) => u.accountId === accountId && u.displayName.toLowerCase() === lower)?.[1];
}

export function accountUsers(store: Store, accountId: string): UserRecord[] {
  return store.list<UserRecord>(T.users).map(([, u]) => u).filter((u) => u.accountId === accountId);
}
