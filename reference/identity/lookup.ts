// Read-side lookups shared by auth and the protocols.
import type { Store } from '../store/store.js';
import { T, type AccessKey, type AccountRecord, type UserRecord } from './model.js';

export function userByKey(store: Store, accessKey: string): { user: UserRecord; key: AccessKey } | undefined {
  const uid = store.get<string>(T.keys, accessKey);
  if (uid === undefined) return undefined;
  const user = store.get<UserRecord>(T.users, uid);
  const key = user?.keys.find((k) => k.accessKey === accessKey);
  return user && key ? { user, key } : undefined;
}

export function accountOf(store: Store, user: { accountId?: string }): AccountRecord | undefined {
  return user.accountId ? store.get<AccountRecord>(T.accounts, user.accountId) : undefined;
}
