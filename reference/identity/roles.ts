// Roles live under their account (or tenant, for roles outside accounts); names are case-insensitive.
import type { Store } from '../store/store.js';
import { T, type RoleRecord } from './model.js';

export const roleKey = (scope: string, name: string): string => `${scope}/${name.toLowerCase()}`;
export const roleScope = (r: Pick<RoleRecord, 'accountId' | 'tenant'>): string => r.accountId ?? r.tenant;

export function findRole(store: Store, scope: string, name: string): RoleRecord | undefined {
  return store.get<RoleRecord>(T.roles, roleKey(scope, name));
}

export function rolesOf(store: Store, scope: string): RoleRecord[] {
  return store.list<RoleRecord>(T.roles, { prefix: `${scope}/` }).map(([, r]) => r);
}

/** arn:aws:iam::<account or tenant>:role/<path...>/<name> → the role, if it exists. */
export function findRoleByArn(store: Store, arn: string): RoleRecord | undefined {
  const m = /^arn:aws:iam::([^:]*):role(\/.*)$/.exec(arn);
  if (!m) return undefined;
  const name = m[2]!.slice(m[2]!.lastIndexOf('/') + 1);
  const role = findRole(store, m[1]!, name);
  if (!role) return undefined;
  return `${role.path}${role.name}`.toLowerCase() === m[2]!.toLowerCase() || m[2]!.toLowerCase() === `/${role.name.toLowerCase()}` ? role : undefined;
}

export function roleArn(r: RoleRecord): string {
  return `arn:aws:iam::${roleScope(r)}:role${r.path}${r.name}`;
}
