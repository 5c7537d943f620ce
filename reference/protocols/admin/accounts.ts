// /admin/account: create (POST), modify (PUT), quota (PUT ?quota), info (GET), remove (DELETE), as RGW
// 20.2.4's rgw_rest_account.cc + rgw_account.cc do them (probed, docs/rgw-behaviour/admin.md):
// - create: a taken id, name (same tenant) or email → 409 AccountAlreadyExists; a bad id or name →
//   InvalidArgument with RGW's message; limits default to 1000/1000/1000/4/1000;
// - the limits are int32 parameters (identity/accounts.ts documents none being checked): "abc" → 0,
//   4294967297 → 1, -5 kept;
// - info / remove find the account by id, else tenant+name; modify also by email; none given →
//   InvalidArgument "requires --account-id or --account-name or --email"; unknown → 404 NoSuchKey;
// - modify renaming onto a taken name or email → 409 BucketAlreadyExists (EEXIST, not remapped);
// - quota: id and quota-type (account|bucket) must be present, else InvalidArgument with no message;
//   the quota parameters are quota/params.ts's accountQuotaFromParams; answers the account.
import { GatewayError } from '../../errors.js';
import {
  accountMutations, checkAccountEmpty, findAccount, modifiedAccount, newAccount, type AccountLimits,
} from '../../identity/accounts.js';
import { accountQuotaFromParams } from '../../quota/params.js';
import type { AdminArgs } from './args.js';
import type { AdminCall, AdminResult } from './operation.js';
import { accountSection } from './render.js';
import type { AccountRecord } from '../../identity/model.js';

const LIMITS = [
  ['max-users', 'maxUsers'],
  ['max-roles', 'maxRoles'],
  ['max-groups', 'maxGroups'],
  ['max-access-keys', 'maxAccessKeys'],
  ['max-buckets', 'maxBuckets'],
] as const;

/** The limits given, read as RGW reads them (get_int32 into a variable that starts at 0). */
function limits(a: AdminArgs): AccountLimits {
  const out: AccountLimits = {};
  for (const [param, field] of LIMITS) {
    const v = a.int32(param, 0, 0);
    if (v.present) out[field] = v.value;
  }
  return out;
}

const identity = (a: AdminArgs): { id: string; tenant: string; name: string } => ({ id: a.str('id'), tenant: a.str('tenant'), name: a.str('name') });

const doc = (a: AccountRecord): AdminResult => ({ name: 'AccountInfo', value: accountSection(a) });

export async function createAccount(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  let account: AccountRecord;
  try {
    account = newAccount(c.store, { ...identity(a), email: a.str('email'), ...limits(a) }, c.now);
  } catch (err) {
    throw err instanceof GatewayError && err.kind === 'EEXIST' ? new GatewayError('AccountAlreadyExists') : err;
  }
  await c.store.commit(accountMutations(undefined, account));
  return doc(account);
}

export async function getAccount(c: AdminCall): Promise<AdminResult> {
  return doc(findAccount(c.store, identity(c.args)));
}

export async function modifyAccount(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  const change = { ...identity(a), email: a.str('email'), ...limits(a) };
  const before = findAccount(c.store, change);
  const after = modifiedAccount(c.store, before, change);
  await c.store.commit(accountMutations(before, after));
  return doc(after);
}

export async function setAccountQuota(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  const type = a.str('quota-type');
  if (!a.has('id') || !a.has('quota-type') || (type !== 'account' && type !== 'bucket')) throw new GatewayError('InvalidArgument');
  const before = findAccount(c.store, { id: a.str('id') });
  const field = type === 'account' ? 'quota' : 'bucketQuota';
  const after: AccountRecord = { ...before, [field]: accountQuotaFromParams((n) => (a.has(n) ? a.str(n) : undefined), before[field]) };
  await c.store.commit(accountMutations(before, after));
  return doc(after);
}

export async function deleteAccount(c: AdminCall): Promise<AdminResult> {
  const account = findAccount(c.store, identity(c.args));
  checkAccountEmpty(c.store, account);
  await c.store.commit(accountMutations(account, undefined));
  return undefined;
}
