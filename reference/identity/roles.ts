// Roles live under their account, or under a tenant for roles created outside accounts (RGW's rgw_role.cc).
// Names are unique per account/tenant without regard to case; listings sort by the lower-cased name.
// The STS front end reads roles through findRoleByArn / findRole.
import type { Mutation, Store } from '../store/store.js';
import { T, type RoleRecord, type RoleTag } from './model.js';

export const roleKey = (scope: string, name: string): string => `${scope}/${name.toLowerCase()}`;
/** Where a role lives: its account id, else its tenant ('' for the default tenant). */
export const roleScope = (r: Pick<RoleRecord, 'accountId' | 'tenant'>): string => r.accountId ?? r.tenant;

export function findRole(store: Store, accountOrTenant: string, name: string): RoleRecord | undefined {
  return store.get<RoleRecord>(T.roles, roleKey(accountOrTenant, name));
}

/** Roles of an account or tenant, in RGW's listing order (lower-cased name). */
export function rolesOf(store: Store, accountOrTenant: string): RoleRecord[] {
  return store.list<RoleRecord>(T.roles, { prefix: `${accountOrTenant}/` }).map(([, r]) => r);
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

/** One mutation writing (or, with undefined, deleting) a role. Roles are never renamed. */
export function roleMutation(role: RoleRecord, value: RoleRecord | undefined): Mutation {
  return { table: T.roles, key: roleKey(roleScope(role), role.name), value };
}

/** RGW's multimap insert: tags stay sorted by key, a repeated key is added after the existing ones. */
export function addTags(tags: readonly RoleTag[], more: readonly RoleTag[]): RoleTag[] {
  const out = [...tags];
  for (const t of more) {
    let i = out.length;
    while (i > 0 && out[i - 1]!.key > t.key) i--;
    out.splice(i, 0, { ...t });
  }
  return out;
}
