// User and key primitives shared by Admin Ops and IAM: uniqueness of uid, email and access key; key lists kept
// in RGW's order (sorted by access key, as the Admin Ops API lists them).
import type { Store, Mutation } from '../store/store.js';
import { GatewayError } from '../errors.js';
import { newAccessKey, newSecretKey } from './generate.js';
import { NO_QUOTA, T, userKey, type AccessKey, type UserRecord } from './model.js';

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

export function sortKeys(keys: AccessKey[]): AccessKey[] {
  return [...keys].sort((a, b) => (a.accessKey < b.accessKey ? -1 : a.accessKey > b.accessKey ? 1 : 0));
}

/** Mutations that write a user record and keep the key and email indexes in step with it. */
export function userMutations(before: UserRecord | undefined, after: UserRecord | undefined): Mutation[] {
  const m: Mutation[] = [];
  const id = before ? userKey(before.tenant, before.id) : userKey(after!.tenant, after!.id);
  const oldKeys = new Set(before?.keys.map((k) => k.accessKey) ?? []);
  const newKeys = new Set(after?.keys.map((k) => k.accessKey) ?? []);
  for (const k of oldKeys) if (!newKeys.has(k)) m.push({ table: T.keys, key: k });
  for (const k of newKeys) if (!oldKeys.has(k)) m.push({ table: T.keys, key: k, value: id });
  if (before?.email && before.email !== after?.email) m.push({ table: T.emails, key: before.email.toLowerCase() });
  if (after?.email && after.email !== before?.email) m.push({ table: T.emails, key: after.email.toLowerCase(), value: id });
  m.push({ table: T.users, key: id, value: after });
  return m;
}

export function emailTaken(store: Store, email: string, except?: string): boolean {
  const owner = store.get<string>(T.emails, email.toLowerCase());
  return owner !== undefined && owner !== except;
}

export function newKey(store: Store, now: string, given?: { accessKey?: string; secretKey?: string }): AccessKey {
  let accessKey = given?.accessKey;
  if (accessKey) {
    if (store.get(T.keys, accessKey) !== undefined) throw new GatewayError('KeyExists');
  } else {
    do accessKey = newAccessKey();
    while (store.get(T.keys, accessKey) !== undefined);
  }
  return { accessKey, secretKey: given?.secretKey || newSecretKey(), active: true, createDate: now };
}

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
