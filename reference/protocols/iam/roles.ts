// IAM roles (rgw_rest_role.cc, rgw_role.cc). Roles serve callers outside accounts too: their tenant's roles,
// authorised by identity policy or the "roles" admin cap. Quirks reproduced (probed on RGW 20.2.4):
// - role documents carry no XML declaration and no namespace (except the managed-policy calls);
// - MaxSessionDuration must be 3600..43200 (400 InvalidInput, empty message); UpdateRole without it resets
//   it to 3600; a non-numeric value aborts radosgw (std::stoull) — the reference answers 400 InvalidInput;
// - PutRolePolicy does not check the policy name; UpdateAssumeRolePolicy only checks JSON syntax;
// - tags are a multimap (TagRole adds a second value for an existing key) and UntagRole removes nothing
//   (RGW collects the TagKeys.member.N parameters from an empty range);
// - ListRoles prints every stored field (AccountId, PermissionPolicies, ManagedPermissionPolicies, Tags).
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { iamResourceArn } from '../../identity/arn.js';
import type { RoleRecord, RoleTag } from '../../identity/model.js';
import { addTags, findRole, roleArn, roleMutation, rolesOf } from '../../identity/roles.js';
import { maxItems, page, param, policyArn, requireParam, roleName, iamPath, truncation, type IamCall } from './call.js';
import { op, SHAPES, type IamOperation } from './operation.js';
import { attachedName, checkJson, checkPolicy, knownManagedPolicy, sortedNames } from './policy-doc.js';
import { members, milliDate, type XNode } from './render.js';

const SESSION_MIN = 3600;
const SESSION_MAX = 43200;
const MANAGED_ONLY_IN_ACCOUNTS = 'Managed policies are only supported for account users';

const roleXml = (r: RoleRecord): XNode[] => [
  ['RoleId', r.id],
  ['RoleName', r.name],
  ['Path', r.path],
  ['Arn', roleArn(r)],
  ['CreateDate', milliDate(r.createDate)],
  ['Description', r.description],
  ['MaxSessionDuration', r.maxSessionDuration],
  ['AssumeRolePolicyDocument', r.trustPolicy],
];

/** RGWRoleInfo::dump, as ListRoles prints it. */
function listedRoleXml(r: RoleRecord): XNode[] {
  const x: XNode[] = roleXml(r).map(([k, v]): XNode => (k === 'RoleName' && r.tenant ? [k, `${r.tenant}$${r.name}`] : [k, v]));
  x.push(['AccountId', r.accountId ?? '']);
  const inline = sortedNames(r.inlinePolicies);
  if (inline.length) x.push(['PermissionPolicies', inline.map((n): XNode => ['Policy', [['PolicyName', n], ['PolicyValue', r.inlinePolicies[n]!]]])]);
  if (r.managedPolicies.length) x.push(['ManagedPermissionPolicies', [...r.managedPolicies].sort().map((a): XNode => ['PolicyArn', a])]);
  if (r.tags.length) x.push(['Tags', r.tags.map((t): XNode => ['Tag', [['Key', t.key], ['Value', t.value]]])]);
  return x;
}

const roleResource = (scope: string, r: Pick<RoleRecord, 'path' | 'name'>): string => iamResourceArn(scope, 'role', `${r.path}${r.name}`);

function loadRole(c: IamCall): RoleRecord {
  const name = roleName(param(c, 'RoleName'));
  const r = findRole(c.ctx.env.store, c.scope, name);
  if (!r) throw new GatewayError('NoSuchEntity', 'No such RoleName in the tenant');
  return r;
}

/** The role and the inline policy name of Get/DeleteRolePolicy (RoleName checked first, as RGW does). */
function rolePolicy(c: IamCall): { role: RoleRecord; name: string } {
  roleName(param(c, 'RoleName'));
  const name = requireParam(c, 'PolicyName');
  return { role: loadRole(c), name };
}

const save = (c: IamCall, r: RoleRecord, value: RoleRecord | undefined): Promise<void> => c.ctx.env.store.commit([roleMutation(r, value)]);

/** std::stoull, then RGWRole::validate_max_session_duration. Empty means 3600. */
function sessionDuration(raw: string): number {
  if (raw === '') return SESSION_MIN;
  const m = /^\s*([+-]?)(\d+)/.exec(raw);
  // RGW: std::invalid_argument escapes and radosgw aborts; a negative value wraps around.
  if (!m || m[1] === '-') throw new GatewayError('InvalidInput');
  const n = Number(m[2]);
  if (n < SESSION_MIN || n > SESSION_MAX) throw new GatewayError('InvalidInput');
  return n;
}

/** RGW's parse_tags: Tags.member.N.Key / .Value, paired by index; counts must match. */
function tagParams(c: IamCall): RoleTag[] {
  const keys = new Map<number, string>();
  const values = new Map<number, string>();
  for (const [k, v] of c.params) {
    const m = /Tags\.member\.(\d+)\.(Key|Value)/.exec(k);
    if (m) (m[2] === 'Key' ? keys : values).set(Number(m[1]), v);
  }
  if (keys.size !== values.size) throw new GatewayError('InvalidInput', 'Tags array found mismatched Keys/Values');
  const ks = [...keys.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  const vs = [...values.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  return ks.map((key, i) => ({ key, value: vs[i]! }));
}

const READ = { type: 'roles', perm: 'read' } as const;
const WRITE = { type: 'roles', perm: 'write' } as const;
const byRole = (c: IamCall, r: RoleRecord): string => roleResource(c.scope, r);

export const ROLE_OPERATIONS = {
  CreateRole: op({
    callers: 'any',
    action: 'iam:CreateRole',
    cap: WRITE,
    prepare(c) {
      const name = roleName(param(c, 'RoleName'));
      const rawPath = param(c, 'Path');
      const path = rawPath === '' ? '/' : iamPath(rawPath);
      const trust = requireParam(c, 'AssumeRolePolicyDocument');
      checkPolicy(trust, 'trust', c.tenant);
      const description = param(c, 'Description');
      if (description.length > 1000) throw new GatewayError('InvalidInput', 'Description exceeds maximum length of 1000 characters.');
      const tags = tagParams(c);
      if (tags.length > 50) throw new GatewayError('LimitExceeded', 'Tags count cannot exceed 50');
      const account = c.account;
      if (account && account.maxRoles >= 0 && rolesOf(c.ctx.env.store, account.id).length >= account.maxRoles) {
        throw new GatewayError('LimitExceeded', `Role limit ${account.maxRoles} exceeded`);
      }
      return { name, path, trust, description, tags, duration: param(c, 'MaxSessionDuration') };
    },
    resource: (c, t) => roleResource(c.scope, t),
    async execute(c, t) {
      const maxSessionDuration = sessionDuration(t.duration);
      // RGWRole::validate_input is stricter than the RoleName check: no '_' and no '+'.
      if (!/^[A-Za-z0-9:=,.@-]+$/.test(t.name)) throw new GatewayError('InvalidInput');
      if (findRole(c.ctx.env.store, c.scope, t.name)) throw new GatewayError('EntityAlreadyExists');
      const role: RoleRecord = {
        id: randomUUID(),
        ...(c.account ? { accountId: c.account.id } : {}),
        tenant: c.tenant,
        name: t.name,
        path: t.path,
        trustPolicy: t.trust,
        description: t.description,
        maxSessionDuration,
        createDate: c.now,
        inlinePolicies: {},
        managedPolicies: [],
        tags: addTags([], t.tags),
      };
      await save(c, role, role);
      return [['Role', roleXml(role)]];
    },
    shape: SHAPES.after,
  }),

  GetRole: op({
    callers: 'any',
    action: 'iam:GetRole',
    cap: READ,
    prepare: loadRole,
    resource: byRole,
    execute: async (_c, r) => [['Role', roleXml(r)]],
    shape: SHAPES.before,
  }),

  ListRoles: op({
    callers: 'any',
    action: 'iam:ListRoles',
    cap: READ,
    prepare: (c) => ({ prefix: param(c, 'PathPrefix'), marker: param(c, 'Marker'), max: maxItems(c) }),
    // The whole listing is one resource, whatever PathPrefix says.
    resource: (c) => iamResourceArn(c.scope, 'role'),
    async execute(c, { prefix, marker, max }) {
      const all = rolesOf(c.ctx.env.store, c.scope).filter((r) => r.path.startsWith(prefix));
      const p = page(all, (r) => r.name.toLowerCase(), marker, max, 'after');
      return [members('Roles', p.items.map(listedRoleXml)), ...truncation(p.marker)];
    },
    shape: SHAPES.after,
  }),

  UpdateRole: op({
    callers: 'any',
    action: 'iam:UpdateRole',
    cap: WRITE,
    prepare(c) {
      const description = c.params.has('Description') ? param(c, 'Description') : undefined;
      if (description !== undefined && description.length > 1000) throw new GatewayError('InvalidInput', 'Description exceeds maximum length of 1000 characters.');
      const duration = param(c, 'MaxSessionDuration');
      return { role: loadRole(c), description, duration };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, description, duration }) {
      const maxSessionDuration = sessionDuration(duration);
      await save(c, role, { ...role, description: description ?? role.description, maxSessionDuration });
      return undefined;
    },
    // RGW puts ResponseMetadata inside UpdateRoleResult.
    shape: { ...SHAPES.after, meta: 'inside' },
  }),

  UpdateAssumeRolePolicy: op({
    callers: 'any',
    action: 'iam:ModifyRoleTrustPolicy',
    cap: WRITE,
    prepare(c) {
      roleName(param(c, 'RoleName'));
      const doc = checkJson(requireParam(c, 'PolicyDocument'));
      return { role: loadRole(c), doc };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, doc }) {
      await save(c, role, { ...role, trustPolicy: doc });
      return undefined;
    },
    shape: SHAPES.after,
  }),

  DeleteRole: op({
    callers: 'any',
    action: 'iam:DeleteRole',
    cap: WRITE,
    prepare: loadRole,
    resource: byRole,
    async execute(c, r) {
      if (Object.keys(r.inlinePolicies).length || r.managedPolicies.length) {
        throw new GatewayError('DeleteConflict', 'The role cannot be deleted until all role policies are removed');
      }
      await save(c, r, undefined);
      return undefined;
    },
    shape: SHAPES.after,
  }),

  PutRolePolicy: op({
    callers: 'any',
    action: 'iam:PutRolePolicy',
    cap: WRITE,
    prepare(c) {
      roleName(param(c, 'RoleName'));
      const name = requireParam(c, 'PolicyName');
      const doc = checkPolicy(requireParam(c, 'PolicyDocument'), 'identity', c.tenant);
      return { role: loadRole(c), name, doc };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, name, doc }) {
      await save(c, role, { ...role, inlinePolicies: { ...role.inlinePolicies, [name]: doc } });
      return undefined;
    },
    shape: SHAPES.after,
  }),

  GetRolePolicy: op({
    callers: 'any',
    action: 'iam:GetRolePolicy',
    cap: READ,
    prepare: rolePolicy,
    resource: (c, t) => byRole(c, t.role),
    async execute(_c, { role, name }) {
      const doc = role.inlinePolicies[name];
      if (doc === undefined) throw new GatewayError('NoSuchEntity');
      return [['PolicyName', name], ['RoleName', role.name], ['PolicyDocument', doc]];
    },
    shape: SHAPES.before,
  }),

  ListRolePolicies: op({
    callers: 'any',
    action: 'iam:ListRolePolicies',
    cap: READ,
    prepare: loadRole,
    resource: byRole,
    // No paging: MaxItems and Marker are ignored and there is no IsTruncated.
    execute: async (_c, r) => [members('PolicyNames', sortedNames(r.inlinePolicies))],
    shape: SHAPES.before,
  }),

  DeleteRolePolicy: op({
    callers: 'any',
    action: 'iam:DeleteRolePolicy',
    cap: WRITE,
    prepare: rolePolicy,
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, name }) {
      if (role.inlinePolicies[name] === undefined) throw new GatewayError('NoSuchEntity', 'The requested PolicyName was not found');
      const { [name]: _gone, ...rest } = role.inlinePolicies;
      await save(c, role, { ...role, inlinePolicies: rest });
      return undefined;
    },
    shape: SHAPES.after,
  }),

  AttachRolePolicy: op({
    callers: 'account',
    notInAccount: MANAGED_ONLY_IN_ACCOUNTS,
    action: 'iam:AttachRolePolicy',
    cap: WRITE,
    prepare(c) {
      roleName(param(c, 'RoleName'));
      const arn = policyArn(param(c, 'PolicyArn'));
      return { role: loadRole(c), arn };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, arn }) {
      knownManagedPolicy(arn);
      if (!role.managedPolicies.includes(arn)) await save(c, role, { ...role, managedPolicies: [...role.managedPolicies, arn] });
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  DetachRolePolicy: op({
    callers: 'account',
    notInAccount: MANAGED_ONLY_IN_ACCOUNTS,
    action: 'iam:DetachRolePolicy',
    cap: WRITE,
    prepare(c) {
      roleName(param(c, 'RoleName'));
      const arn = policyArn(param(c, 'PolicyArn'));
      return { role: loadRole(c), arn };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, arn }) {
      if (!role.managedPolicies.includes(arn)) throw new GatewayError('NoSuchEntity', 'The requested PolicyArn is not attached to the role');
      await save(c, role, { ...role, managedPolicies: role.managedPolicies.filter((a) => a !== arn) });
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  ListAttachedRolePolicies: op({
    callers: 'account',
    notInAccount: 'Managed policies are only supported for account roles',
    action: 'iam:ListAttachedRolePolicies',
    cap: WRITE,
    prepare: loadRole,
    resource: byRole,
    execute: async (_c, r) => [members('AttachedPolicies', [...r.managedPolicies].sort().map((a): XNode[] => [['PolicyName', attachedName(a)], ['PolicyArn', a]]))],
    shape: SHAPES.nsBefore,
  }),

  TagRole: op({
    callers: 'any',
    action: 'iam:TagRole',
    cap: WRITE,
    prepare(c) {
      roleName(param(c, 'RoleName'));
      const tags = tagParams(c);
      return { role: loadRole(c), tags };
    },
    resource: (c, t) => byRole(c, t.role),
    async execute(c, { role, tags }) {
      const merged = addTags(role.tags, tags);
      if (merged.length > 50) throw new GatewayError('InvalidInput');
      await save(c, role, { ...role, tags: merged });
      return undefined;
    },
    shape: SHAPES.after,
  }),

  UntagRole: op({
    callers: 'any',
    action: 'iam:UntagRole',
    cap: WRITE,
    prepare: loadRole,
    resource: byRole,
    // RGW's UntagRole erases nothing (see the header).
    execute: async () => undefined,
    shape: SHAPES.after,
  }),

  ListRoleTags: op({
    callers: 'any',
    action: 'iam:ListRoleTags',
    cap: READ,
    prepare: loadRole,
    resource: byRole,
    // <Tags><Key><Key>k</Key></Key><Value><Value>v</Value></Value>...</Tags>, and no <Tags> when empty.
    execute: async (_c, r) => (r.tags.length ? [['Tags', r.tags.flatMap((t): XNode[] => [['Key', [['Key', t.key]]], ['Value', [['Value', t.value]]]])]] : []),
    shape: SHAPES.after,
  }),
} satisfies Record<string, IamOperation>;
