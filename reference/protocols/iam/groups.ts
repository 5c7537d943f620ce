// IAM groups of an account (rgw_rest_iam_group.cc): membership, inline and managed group policies.
// Group names are unique in the account without regard to case; members are listed by lower-cased name,
// a user's groups by group id.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { iamGroupArn, iamResourceArn, iamUserArn } from '../../identity/arn.js';
import { accountGroups, findGroupByName, getGroup, groupMembers } from '../../identity/groups.js';
import { findAccountUser } from '../../identity/iam-users.js';
import { T, type GroupRecord, type UserRecord } from '../../identity/model.js';
import { userMutations } from '../../identity/users.js';
import { accountOf, groupName, iamPath, maxItems, page, param, policyArn, policyName, requireParam, truncation, userName, type IamCall } from './call.js';
import { op, SHAPES, type IamOperation } from './operation.js';
import { attachedName, checkPolicy, knownManagedPolicy, sortedNames } from './policy-doc.js';
import { members, type XNode } from './render.js';
import { userResource } from './users.js';

const groupXml = (g: GroupRecord): XNode[] => [
  ['Path', g.path],
  ['GroupName', g.name],
  ['GroupId', g.id],
  ['Arn', iamGroupArn(g)],
];

/** Group members print without CreateDate. */
const memberXml = (u: UserRecord): XNode[] => [
  ['Path', u.path],
  ['UserName', u.displayName],
  ['UserId', u.id],
  ['Arn', iamUserArn(u)],
];

const groupResource = (g: Pick<GroupRecord, 'accountId' | 'path' | 'name'>): string => iamResourceArn(g.accountId, 'group', `${g.path || '/'}${g.name}`);

function loadGroup(c: IamCall, name: string): GroupRecord {
  const g = findGroupByName(c.ctx.env.store, accountOf(c).id, name);
  if (!g) throw new GatewayError('NoSuchEntity', 'No such GroupName in the account');
  return g;
}

/** The group named by GroupName, with the Marker/MaxItems of a listing over it (read in RGW's order). */
function pagedGroup(c: IamCall): { group: GroupRecord; marker: string; max: number } {
  const name = groupName(param(c, 'GroupName'));
  const marker = param(c, 'Marker');
  const max = maxItems(c);
  return { group: loadGroup(c, name), marker, max };
}

/** AddUserToGroup / RemoveUserFromGroup: both names checked, then the group, then the user (root included). */
function groupAndUser(c: IamCall): { group: GroupRecord; user: UserRecord } {
  const gname = groupName(param(c, 'GroupName'));
  const uname = userName(param(c, 'UserName'));
  const group = loadGroup(c, gname);
  const user = findAccountUser(c.ctx.env.store, accountOf(c).id, uname);
  if (!user) throw new GatewayError('NoSuchEntity', 'No such UserName in the account');
  return { group, user };
}

const saveGroup = (c: IamCall, g: GroupRecord, value: GroupRecord | undefined): Promise<void> => c.ctx.env.store.commit([{ table: T.groups, key: g.id, value }]);

function inlineDoc(g: GroupRecord, name: string, message: string): string {
  const doc = g.inlinePolicies[name];
  if (doc === undefined) throw new GatewayError('NoSuchEntity', message);
  return doc;
}

const GROUP_POLICIES_MAX = 100;

export const GROUP_OPERATIONS = {
  CreateGroup: op({
    callers: 'account',
    action: 'iam:CreateGroup',
    prepare(c): GroupRecord {
      const raw = param(c, 'Path');
      const path = raw === '' ? '/' : iamPath(raw);
      const name = groupName(param(c, 'GroupName'));
      return { id: randomUUID(), accountId: accountOf(c).id, tenant: c.tenant, name, path, createDate: c.now, inlinePolicies: {}, managedPolicies: [] };
    },
    resource: (_c, g) => groupResource(g),
    async execute(c, g) {
      const account = accountOf(c);
      const store = c.ctx.env.store;
      if (account.maxGroups >= 0 && accountGroups(store, account.id).length >= account.maxGroups) {
        throw new GatewayError('LimitExceeded', `Group limit ${account.maxGroups} exceeded`);
      }
      if (findGroupByName(store, account.id, g.name)) throw new GatewayError('EntityAlreadyExists');
      await saveGroup(c, g, g);
      return [['Group', groupXml(g)]];
    },
    shape: SHAPES.declNsAfter,
  }),

  GetGroup: op({
    callers: 'account',
    action: 'iam:GetGroup',
    prepare: pagedGroup,
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, marker, max }) {
      const p = page(groupMembers(c.ctx.env.store, group.id), (u) => u.displayName.toLowerCase(), marker, max, 'after');
      return [['Group', groupXml(group)], members('Users', p.items.map(memberXml)), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsAfter,
  }),

  UpdateGroup: op({
    callers: 'account',
    action: 'iam:UpdateGroup',
    prepare(c) {
      const newPath = param(c, 'NewPath');
      if (newPath !== '') iamPath(newPath);
      const newName = param(c, 'NewGroupName');
      if (newName !== '') groupName(newName);
      return { group: loadGroup(c, requireParam(c, 'GroupName')), newPath, newName };
    },
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, newPath, newName }) {
      const after = { ...group, path: newPath || group.path, name: newName || group.name };
      if (after.path !== group.path || after.name !== group.name) {
        const other = findGroupByName(c.ctx.env.store, group.accountId, after.name);
        if (other && other.id !== group.id) throw new GatewayError('EntityAlreadyExists');
        await saveGroup(c, group, after);
      }
      return [['Group', groupXml(after)]];
    },
    shape: SHAPES.declNsAfter,
  }),

  DeleteGroup: op({
    callers: 'account',
    action: 'iam:DeleteGroup',
    prepare: (c) => loadGroup(c, requireParam(c, 'GroupName')),
    resource: (_c, g) => groupResource(g),
    async execute(c, g) {
      if (Object.keys(g.inlinePolicies).length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all group policies are removed');
      if (g.managedPolicies.length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all managed policies are detached');
      if (groupMembers(c.ctx.env.store, g.id).length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all users are removed');
      await saveGroup(c, g, undefined);
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListGroups: op({
    callers: 'account',
    action: 'iam:ListGroups',
    prepare: (c) => ({ marker: param(c, 'Marker'), prefix: param(c, 'PathPrefix'), max: maxItems(c) }),
    resource: (c) => iamResourceArn(accountOf(c).id, 'group'),
    async execute(c, { marker, prefix, max }) {
      const all = accountGroups(c.ctx.env.store, accountOf(c).id).filter((g) => g.path.startsWith(prefix));
      const p = page(all, (g) => g.name.toLowerCase(), marker, max, 'after');
      return [members('Groups', p.items.map(groupXml)), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsNone,
  }),

  AddUserToGroup: op({
    callers: 'account',
    action: 'iam:AddUserToGroup',
    prepare: groupAndUser,
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, user }) {
      if (!user.groups.includes(group.id)) await c.ctx.env.store.commit(userMutations(user, { ...user, groups: [...user.groups, group.id] }));
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  RemoveUserFromGroup: op({
    callers: 'account',
    action: 'iam:RemoveUserFromGroup',
    prepare: groupAndUser,
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, user }) {
      if (user.groups.includes(group.id)) await c.ctx.env.store.commit(userMutations(user, { ...user, groups: user.groups.filter((g) => g !== group.id) }));
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListGroupsForUser: op({
    callers: 'account',
    action: 'iam:ListGroupsForUser',
    prepare(c) {
      const marker = param(c, 'Marker');
      const max = maxItems(c);
      const name = userName(param(c, 'UserName'));
      const user = findAccountUser(c.ctx.env.store, accountOf(c).id, name);
      if (!user) throw new GatewayError('NoSuchEntity', 'No such UserName in the account');
      return { user, marker, max };
    },
    resource: (_c, t) => userResource(t.user),
    async execute(c, { user, marker, max }) {
      const store = c.ctx.env.store;
      const groups = [...user.groups].sort().flatMap((id) => getGroup(store, id) ?? []);
      const p = page(groups, (g) => g.id, marker, max, 'from');
      return [members('Groups', p.items.map(groupXml)), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsAfter,
  }),

  PutGroupPolicy: op({
    callers: 'account',
    action: 'iam:PutGroupPolicy',
    prepare(c) {
      const gname = groupName(param(c, 'GroupName'));
      const name = policyName(param(c, 'PolicyName'));
      const doc = requireParam(c, 'PolicyDocument');
      return { group: loadGroup(c, gname), name, doc };
    },
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, name, doc }) {
      checkPolicy(doc, 'identity', null);
      const inlinePolicies = { ...group.inlinePolicies, [name]: doc };
      if (Object.keys(inlinePolicies).length > GROUP_POLICIES_MAX) throw new GatewayError('LimitExceeded', `Group policy limit ${GROUP_POLICIES_MAX} exceeded`);
      await saveGroup(c, group, { ...group, inlinePolicies });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  GetGroupPolicy: op({
    callers: 'account',
    action: 'iam:GetGroupPolicy',
    prepare(c) {
      const gname = groupName(param(c, 'GroupName'));
      return { name: policyName(param(c, 'PolicyName')), group: loadGroup(c, gname) };
    },
    resource: (_c, t) => groupResource(t.group),
    execute: async (_c, { group, name }): Promise<XNode[]> => [
      ['GroupName', group.name],
      ['PolicyName', name],
      ['PolicyDocument', inlineDoc(group, name, 'No such PolicyName on the group')],
    ],
    shape: SHAPES.declNsAfter,
  }),

  DeleteGroupPolicy: op({
    callers: 'account',
    action: 'iam:DeleteGroupPolicy',
    prepare(c) {
      const gname = groupName(param(c, 'GroupName'));
      return { name: policyName(param(c, 'PolicyName')), group: loadGroup(c, gname) };
    },
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, name }) {
      inlineDoc(group, name, '');
      const { [name]: _gone, ...rest } = group.inlinePolicies;
      await saveGroup(c, group, { ...group, inlinePolicies: rest });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListGroupPolicies: op({
    callers: 'account',
    action: 'iam:ListGroupPolicies',
    prepare: pagedGroup,
    resource: (_c, t) => groupResource(t.group),
    async execute(_c, { group, marker, max }) {
      const p = page(sortedNames(group.inlinePolicies), (n) => n, marker, Math.max(max, 0), 'from');
      return [members('PolicyNames', p.items), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsAfter,
  }),

  AttachGroupPolicy: op({
    callers: 'account',
    action: 'iam:AttachGroupPolicy',
    prepare(c) {
      const gname = groupName(param(c, 'GroupName'));
      const arn = policyArn(param(c, 'PolicyArn'));
      return { group: loadGroup(c, gname), arn };
    },
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, arn }) {
      knownManagedPolicy(arn);
      if (!group.managedPolicies.includes(arn)) await saveGroup(c, group, { ...group, managedPolicies: [...group.managedPolicies, arn] });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  DetachGroupPolicy: op({
    callers: 'account',
    action: 'iam:DetachGroupPolicy',
    prepare(c) {
      const gname = groupName(param(c, 'GroupName'));
      const arn = policyArn(param(c, 'PolicyArn'));
      return { group: loadGroup(c, gname), arn };
    },
    resource: (_c, t) => groupResource(t.group),
    async execute(c, { group, arn }) {
      if (!group.managedPolicies.includes(arn)) throw new GatewayError('NoSuchEntity');
      await saveGroup(c, group, { ...group, managedPolicies: group.managedPolicies.filter((a) => a !== arn) });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListAttachedGroupPolicies: op({
    callers: 'account',
    action: 'iam:ListAttachedGroupPolicies',
    prepare: pagedGroup,
    resource: (_c, t) => groupResource(t.group),
    async execute(_c, { group, marker, max }) {
      const p = page([...group.managedPolicies].sort(), (a) => a, marker, Math.max(max, 0), 'from');
      return [members('AttachedPolicies', p.items.map((a): XNode[] => [['PolicyName', attachedName(a)], ['PolicyArn', a]])), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsAfter,
  }),
} satisfies Record<string, IamOperation>;
