// IAM's view of account users, on the same UserRecord rows Admin Ops writes (identity/users.ts): an account
// user's IAM UserName is its display name, unique in the account without regard to case; its UserId is the
// uid (a UUID for users CreateUser made). The account root is one of the account's users but most user
// APIs hide it. Also: moving a classic user into an account (Admin Ops user modify account-id), as RGW does it.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { Store } from '../store/store.js';
import { bucketKey, type BucketRecord } from '../bucket/model.js';
import { getAccount } from './accounts.js';
import { accountUserByName, buildUser, userMutations } from './users.js';
import { T, userKey, type UserRecord } from './model.js';

/** Every user of the account, the root included, in RGW's index order: the lower-cased display name. */
export function accountUsersByName(store: Store, accountId: string): UserRecord[] {
  return store
    .list<UserRecord>(T.users)
    .map(([, u]) => u)
    .filter((u) => u.accountId === accountId)
    .sort((a, b) => {
      const x = a.displayName.toLowerCase();
      const y = b.displayName.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** RGW's load_account_user_by_name: case-insensitive; the root is found too (callers decide to hide it). */
export function findAccountUser(store: Store, accountId: string, name: string): UserRecord | undefined {
  return accountUserByName(store, accountId, name);
}

/** A new IAM user: uid is a random UUID in the caller's tenant, type normal, no keys. */
export function newIamUser(input: { tenant: string; accountId: string; name: string; path: string }, now: string): UserRecord {
  return buildUser({ tenant: input.tenant, id: randomUUID(), displayName: input.name, path: input.path, accountId: input.accountId }, now);
}

const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * Admin Ops `user modify account-id=X` on a user (probed on RGW 20.2.4, docs/rgw-behaviour/iam.md):
 * - an empty account id changes nothing (a user cannot leave its account);
 * - a user already in another account: 400 InvalidArgument (it cannot change account);
 * - an unknown account: 404 NoSuchUser;
 * - the user's buckets become the account's FIRST, even when the move then fails;
 * - the display name becomes the IAM UserName: it must be a valid IAM user name (else 400 InvalidArgument)
 *   and unique in the account (else 409 BucketAlreadyExists, RGW's EEXIST through the S3 table);
 * - objects keep their owner (the user's uid), so the account root cannot read them through the owner rules;
 * - the user keeps its keys, uid and type (root only with account-root).
 * Returns the user as stored afterwards.
 */
export async function joinAccount(store: Store, user: UserRecord, accountId: string): Promise<UserRecord> {
  if (accountId === '' || accountId === user.accountId) return user;
  if (user.accountId) throw new GatewayError('InvalidArgument');
  if (!getAccount(store, accountId)) throw new GatewayError('NoSuchUser');
  const uid = userKey(user.tenant, user.id);
  const owned = store.list<BucketRecord>(T.buckets).filter(([, b]) => b.owner.kind === 'user' && b.owner.id === uid);
  if (owned.length) {
    await store.commit(owned.map(([, b]) => ({ table: T.buckets, key: bucketKey(b.tenant, b.name), value: { ...b, owner: { kind: 'account' as const, id: accountId } } })));
  }
  if (!IAM_USER_NAME.test(user.displayName)) throw new GatewayError('InvalidArgument');
  const clash = accountUserByName(store, accountId, user.displayName);
  if (clash) throw new GatewayError('BucketAlreadyExists');
  const after: UserRecord = { ...user, accountId };
  await store.commit(userMutations(user, after));
  return after;
}
