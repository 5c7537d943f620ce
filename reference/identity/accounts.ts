// IAM accounts (RGW 19+, rgw_account.cc) for Admin Ops and IAM: ids "RGW" + 17 digits, names unique per
// tenant, emails unique across accounts. Errors are RGW's return values, each protocol's table maps them:
// EEXIST (a taken id, name or email), ENOENT (no such account), ENOTEMPTY (removal blocked), and
// InvalidArgument (EINVAL) with RGW's err_msg, which Admin Ops shows as the Message.
// Verified on RGW 20.2.4 (docs/rgw-behaviour/admin.md):
// - names are case-sensitive ("ADM" and "adm" coexist) and may be empty (any number of nameless accounts);
//   emails compare without regard to case;
// - modify never changes the tenant, applies a name or an email only when non-empty;
// - removal needs the account empty, checked in this order: users, buckets, roles, groups, OIDC providers;
//   every check is ENOTEMPTY except buckets, which 20.2.4 answers with EEXIST.
import { GatewayError } from '../errors.js';
import type { Mutation, Store } from '../store/store.js';
import type { BucketRecord } from '../bucket/model.js';
import { ACCOUNT_ID_RE, newAccountId } from './generate.js';
import { NO_QUOTA, T, type AccountRecord, type GroupRecord, type OidcProviderRecord, type RoleRecord, type UserRecord } from './model.js';

export const ACCOUNT_DEFAULTS = { maxUsers: 1000, maxRoles: 1000, maxGroups: 1000, maxAccessKeys: 4, maxBuckets: 1000 } as const;

export type AccountLimits = Partial<Pick<AccountRecord, 'maxUsers' | 'maxRoles' | 'maxGroups' | 'maxAccessKeys' | 'maxBuckets'>>;

/** Index key of an account name: case-sensitive, within the tenant. */
export const nameKey = (tenant: string, name: string): string => `${tenant}$${name}`;

const invalid = (message: string): GatewayError => new GatewayError('InvalidArgument', message);

/** rgw::account::validate_id. */
export function validateAccountId(id: string): void {
  if (id.length !== 20) throw invalid('account id must be 20 bytes long');
  if (!id.startsWith('RGW')) throw invalid('account id must start with RGW');
  if (!/^\d*$/.test(id.slice(3))) throw invalid('account id must end with numeric digits');
}

export const isAccountId = (id: string): boolean => ACCOUNT_ID_RE.test(id);

/** rgw::account::validate_name (names with invalid UTF-8 cannot reach us: parameters are decoded as UTF-8). */
export function validateAccountName(name: string): void {
  if (name === '') throw invalid('account name must not be empty');
  if (name.includes('$')) throw invalid('account name must not contain $');
  if (name.includes(':')) throw invalid('account name must not contain :');
}

export function getAccount(store: Store, id: string): AccountRecord | undefined {
  return store.get<AccountRecord>(T.accounts, id);
}

function accountByEmail(store: Store, email: string): AccountRecord | undefined {
  const lower = email.toLowerCase();
  return store.list<AccountRecord>(T.accounts).find(([, a]) => a.email !== '' && a.email.toLowerCase() === lower)?.[1];
}

/** How rgw::account::info/modify/remove find an account: by id, else tenant + name, else email. */
export function findAccount(store: Store, by: { id?: string; tenant?: string; name?: string; email?: string }): AccountRecord {
  let found: AccountRecord | undefined;
  if (by.id) found = getAccount(store, by.id);
  else if (by.name) {
    const id = store.get<string>(T.accountNames, nameKey(by.tenant ?? '', by.name));
    found = id === undefined ? undefined : getAccount(store, id);
  } else if (by.email) found = accountByEmail(store, by.email);
  else throw invalid('requires --account-id or --account-name or --email');
  if (!found) throw new GatewayError('ENOENT');
  return found;
}

/** rgw::account::create: the new record (not stored); EEXIST when the id, name or email is taken. */
export function newAccount(store: Store, input: { id?: string; tenant?: string; name?: string; email?: string } & AccountLimits, now: string): AccountRecord {
  const name = input.name ?? '';
  if (name !== '') validateAccountName(name);
  let id = input.id ?? '';
  if (id === '') {
    do id = newAccountId();
    while (getAccount(store, id));
  } else validateAccountId(id);
  const a: AccountRecord = {
    id,
    tenant: input.tenant ?? '',
    name,
    email: input.email ?? '',
    maxUsers: input.maxUsers ?? ACCOUNT_DEFAULTS.maxUsers,
    maxRoles: input.maxRoles ?? ACCOUNT_DEFAULTS.maxRoles,
    maxGroups: input.maxGroups ?? ACCOUNT_DEFAULTS.maxGroups,
    maxAccessKeys: input.maxAccessKeys ?? ACCOUNT_DEFAULTS.maxAccessKeys,
    maxBuckets: input.maxBuckets ?? ACCOUNT_DEFAULTS.maxBuckets,
    quota: { ...NO_QUOTA },
    bucketQuota: { ...NO_QUOTA },
    createDate: now,
  };
  if (getAccount(store, id)) throw new GatewayError('EEXIST');
  checkUnique(store, a);
  return a;
}

function checkUnique(store: Store, a: AccountRecord): void {
  const owner = a.name === '' ? undefined : store.get<string>(T.accountNames, nameKey(a.tenant, a.name));
  if (owner !== undefined && owner !== a.id) throw new GatewayError('EEXIST');
  const byEmail = a.email === '' ? undefined : accountByEmail(store, a.email);
  if (byEmail && byEmail.id !== a.id) throw new GatewayError('EEXIST');
}

/** rgw::account::modify: name and email only when non-empty, the tenant never. */
export function modifiedAccount(store: Store, before: AccountRecord, change: { tenant?: string; name?: string; email?: string } & AccountLimits): AccountRecord {
  if (change.tenant && change.tenant !== before.tenant) throw invalid('cannot modify account tenant');
  const after: AccountRecord = { ...before };
  if (change.name) {
    validateAccountName(change.name);
    after.name = change.name;
  }
  if (change.email) after.email = change.email;
  for (const k of ['maxUsers', 'maxRoles', 'maxGroups', 'maxAccessKeys', 'maxBuckets'] as const) {
    if (change[k] !== undefined) after[k] = change[k];
  }
  checkUnique(store, after);
  return after;
}

/** The writes that store `after` (undefined: remove `before`) and keep the name index in step. */
export function accountMutations(before: AccountRecord | undefined, after: AccountRecord | undefined): Mutation[] {
  const m: Mutation[] = [];
  const oldName = before && before.name !== '' ? nameKey(before.tenant, before.name) : undefined;
  const newName = after && after.name !== '' ? nameKey(after.tenant, after.name) : undefined;
  if (oldName && oldName !== newName) m.push({ table: T.accountNames, key: oldName });
  if (newName && newName !== oldName) m.push({ table: T.accountNames, key: newName, value: after!.id });
  m.push({ table: T.accounts, key: (after ?? before)!.id, value: after });
  return m;
}

/** rgw::account::remove's emptiness checks, in RGW's order. */
export function checkAccountEmpty(store: Store, a: AccountRecord): void {
  const any = <R>(table: string, mine: (r: R) => boolean): boolean => store.list<R>(table).some(([, r]) => mine(r));
  if (any<UserRecord>(T.users, (u) => u.accountId === a.id)) throw new GatewayError('ENOTEMPTY', 'The account cannot be deleted until all users are removed.');
  if (any<BucketRecord>(T.buckets, (b) => b.owner.kind === 'account' && b.owner.id === a.id)) {
    throw new GatewayError('EEXIST', 'The account cannot be deleted until all buckets are removed.');
  }
  if (any<RoleRecord>(T.roles, (r) => r.accountId === a.id)) throw new GatewayError('ENOTEMPTY', 'The account cannot be deleted until all roles are removed.');
  if (any<GroupRecord>(T.groups, (g) => g.accountId === a.id)) throw new GatewayError('ENOTEMPTY', 'The account cannot be deleted until all groups are removed.');
  if (any<OidcProviderRecord>(T.oidc, (o) => o.accountId === a.id)) {
    throw new GatewayError('ENOTEMPTY', 'The account cannot be deleted until all OpenIDConnectProviders are removed.');
  }
}
