// Account and user limits, as RGW 20.2.4 enforces them (probed; docs/rgw-behaviour/quota.md):
// - buckets (S3 CreateBucket, checked after authorization and before the body, the location constraint and
//   whether the bucket exists — so re-creating your own bucket at the limit is refused too): the account's
//   max-buckets for account members and roles (shared by all of them: buckets are the account's), else the
//   user's. 0 = unlimited; negative = creation refused (403 AccessDenied); else owning max already → 400
//   TooManyBuckets;
// - IAM (max-users, max-roles, max-groups, max-access-keys): negative = unlimited; 0 = none allowed; the
//   account root counts as a user; access keys count per user, the one Admin Ops gave it included. → 409
//   LimitExceeded "<Kind> limit N exceeded". Admin Ops user and key creation ignores these limits.
//   Order in RGW: CreateUser/CreateGroup check after authorization and before EntityAlreadyExists (so a
//   duplicate name at the limit is LimitExceeded); CreateRole checks BEFORE authorization (a caller without
//   permission at the limit gets LimitExceeded); CreateAccessKey after the user lookup and authorization.
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { T, type AccountRecord, type GroupRecord, type Owner, type RoleRecord, type UserRecord } from '../identity/model.js';
import type { Store } from '../store/store.js';
import type { BucketRecord } from '../bucket/model.js';
import { sameOwner } from './usage.js';

/** The max-buckets that governs `owner` (account or classic user); 1000 when the record is gone. */
function maxBucketsOf(env: GatewayEnv, owner: Owner): number {
  if (owner.kind === 'account') return env.store.get<AccountRecord>(T.accounts, owner.id)?.maxBuckets ?? 1000;
  return env.store.get<UserRecord>(T.users, owner.id)?.maxBuckets ?? 1000;
}

/** RGW's check_user_max_buckets (and its account variant) for a bucket `owner` is about to create. */
export function checkBucketLimit(env: GatewayEnv, owner: Owner, bucketName: string): void {
  const max = maxBucketsOf(env, owner);
  if (max < 0) throw new GatewayError('AccessDenied');
  if (max === 0) return;
  let owned = 0;
  for (const [, b] of env.store.list<BucketRecord>(T.buckets)) if (sameOwner(b.owner, owner)) owned++;
  if (owned >= max) throw new GatewayError('TooManyBuckets', '', { BucketName: bucketName });
}

function limit(kind: string, max: number, count: number): void {
  if (max >= 0 && count >= max) throw new GatewayError('LimitExceeded', `${kind} limit ${max} exceeded`);
}

const countWhere = <R>(store: Store, table: string, keep: (r: R) => boolean): number => store.list<R>(table).filter(([, r]) => keep(r)).length;

/** IAM CreateUser: the account's users (root included) against max-users. */
export function checkUserLimit(store: Store, account: AccountRecord): void {
  limit('User', account.maxUsers, countWhere<UserRecord>(store, T.users, (u) => u.accountId === account.id));
}

/** IAM CreateRole: the account's roles against max-roles. */
export function checkRoleLimit(store: Store, account: AccountRecord): void {
  limit('Role', account.maxRoles, countWhere<RoleRecord>(store, T.roles, (r) => r.accountId === account.id));
}

/** IAM CreateGroup: the account's groups against max-groups. */
export function checkGroupLimit(store: Store, account: AccountRecord): void {
  limit('Group', account.maxGroups, countWhere<GroupRecord>(store, T.groups, (g) => g.accountId === account.id));
}

/** IAM CreateAccessKey: the user's keys (every key, active or not) against the account's max-access-keys. */
export function checkAccessKeyLimit(account: AccountRecord, user: UserRecord): void {
  limit('Access key', account.maxAccessKeys, user.keys.length);
}
