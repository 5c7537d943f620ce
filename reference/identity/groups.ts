// Account groups (RGW 19+ RGWGroupInfo): keyed by id; names are unique per account without regard to case.
// Membership is kept on the user records (RGW's group_ids), so deleting a user leaves no trace in a group.
import type { Store } from '../store/store.js';
import { T, type GroupRecord, type UserRecord } from './model.js';

export function getGroup(store: Store, id: string): GroupRecord | undefined {
  return store.get<GroupRecord>(T.groups, id);
}

/** Groups of an account in RGW's listing order: by lower-cased name. */
export function accountGroups(store: Store, accountId: string): GroupRecord[] {
  return store
    .list<GroupRecord>(T.groups)
    .map(([, g]) => g)
    .filter((g) => g.accountId === accountId)
    .sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()));
}

export function findGroupByName(store: Store, accountId: string, name: string): GroupRecord | undefined {
  const lower = name.toLowerCase();
  return accountGroups(store, accountId).find((g) => g.name.toLowerCase() === lower);
}

/** Users in a group, in RGW's order (lower-cased display name); the account root may be a member. */
export function groupMembers(store: Store, groupId: string): UserRecord[] {
  return store
    .list<UserRecord>(T.users)
    .map(([, u]) => u)
    .filter((u) => u.groups?.includes(groupId))
    .sort((a, b) => cmp(a.displayName.toLowerCase(), b.displayName.toLowerCase()));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
