// IAM groups in an account: membership and group policies (inline and managed), evaluated with the user's own.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { T, type GroupRecord, type UserRecord } from '../../identity/model.js';
import { userMutations } from '../../identity/users.js';
import { arn, check, page, param, required, validName, validPath, type IamCall } from './call.js';
import { micro, sendIam, type Shape } from './render.js';
import { attachedXml, loadIamUser, managedArn, policyDocument, userXml } from './users.js';

const DECL: Shape = { decl: true, ns: true, meta: 'after' };
const NS_BEFORE: Shape = { decl: false, ns: true, meta: 'before' };

const groupArn = (c: IamCall, g: GroupRecord): string => arn(c.account, 'group', g.path, g.name);
const groupXml = (c: IamCall, g: GroupRecord): Record<string, unknown> => ({ Path: g.path, GroupName: g.name, GroupId: g.id, Arn: groupArn(c, g), CreateDate: micro(g.createDate) });

function groups(c: IamCall): GroupRecord[] {
  return c.ctx.env.store
    .list<GroupRecord>(T.groups)
    .map(([, g]) => g)
    .filter((g) => g.accountId === c.account.id)
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

function findGroup(c: IamCall, name: string): GroupRecord | undefined {
  return groups(c).find((g) => g.name.toLowerCase() === name.toLowerCase());
}

function loadGroup(c: IamCall): GroupRecord {
  const g = findGroup(c, required(c, 'GroupName'));
  if (!g) throw new GatewayError('NoSuchEntity', 'No such GroupName in the account');
  return g;
}

const save = (c: IamCall, g: GroupRecord, value: GroupRecord | undefined): Promise<void> => c.ctx.env.store.commit([{ table: T.groups, key: g.id, value }]);

function membersOf(c: IamCall, g: GroupRecord): UserRecord[] {
  return c.ctx.env.store.list<UserRecord>(T.users).map(([, u]) => u).filter((u) => u.groups.includes(g.id));
}

export async function createGroup(c: IamCall): Promise<void> {
  const g: GroupRecord = { id: randomUUID(), accountId: c.account.id, tenant: c.account.tenant, name: validName(c, 'GroupName', 128), path: validPath(c), createDate: c.now, inlinePolicies: {}, managedPolicies: [] };
  check(c, 'CreateGroup', groupArn(c, g));
  if (findGroup(c, g.name)) throw new GatewayError('EntityAlreadyExists', 'GroupName already exists');
  if (groups(c).length >= c.account.maxGroups) throw new GatewayError('LimitExceeded', 'account group limit exceeded');
  await save(c, g, g);
  sendIam(c.ctx, 'CreateGroup', DECL, { Group: groupXml(c, g) });
}

export async function getGroup(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'GetGroup', groupArn(c, g));
  sendIam(c.ctx, 'GetGroup', DECL, { Group: groupXml(c, g), Users: { member: membersOf(c, g).map((u) => { const x = userXml(c, u); delete x.CreateDate; return x; }) }, IsTruncated: false });
}

export async function listGroups(c: IamCall): Promise<void> {
  check(c, 'ListGroups', arn(c.account, 'group', '/', ''));
  const prefix = param(c, 'PathPrefix') ?? '/';
  const p = page(c, groups(c).filter((g) => g.path.startsWith(prefix)), (g) => g.name.toLowerCase());
  sendIam(c.ctx, 'ListGroups', DECL, { Groups: { member: p.items.map((g) => groupXml(c, g)) }, IsTruncated: p.truncated, ...(p.marker ? { Marker: p.marker } : {}) });
}

export async function updateGroup(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'UpdateGroup', groupArn(c, g));
  const next = { ...g };
  if (param(c, 'NewGroupName') !== undefined) {
    const name = validName(c, 'NewGroupName', 128);
    const other = findGroup(c, name);
    if (other && other.id !== g.id) throw new GatewayError('EntityAlreadyExists', 'GroupName already exists');
    next.name = name;
  }
  if (param(c, 'NewPath') !== undefined) next.path = validPath(c, 'NewPath');
  await save(c, g, next);
  sendIam(c.ctx, 'UpdateGroup', DECL);
}

export async function deleteGroup(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'DeleteGroup', groupArn(c, g));
  if (membersOf(c, g).length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all members are removed');
  if (Object.keys(g.inlinePolicies).length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all group policies are removed');
  if (g.managedPolicies.length) throw new GatewayError('DeleteConflict', 'The group cannot be deleted until all managed policies are detached');
  await save(c, g, undefined);
  sendIam(c.ctx, 'DeleteGroup', DECL);
}

export async function addUserToGroup(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  const u = loadIamUser(c);
  check(c, 'AddUserToGroup', groupArn(c, g));
  if (!u.groups.includes(g.id)) await c.ctx.env.store.commit(userMutations(u, { ...u, groups: [...u.groups, g.id] }));
  sendIam(c.ctx, 'AddUserToGroup', DECL);
}

export async function removeUserFromGroup(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  const u = loadIamUser(c);
  check(c, 'RemoveUserFromGroup', groupArn(c, g));
  if (!u.groups.includes(g.id)) throw new GatewayError('NoSuchEntity', 'The user is not a member of the group');
  await c.ctx.env.store.commit(userMutations(u, { ...u, groups: u.groups.filter((x) => x !== g.id) }));
  sendIam(c.ctx, 'RemoveUserFromGroup', DECL);
}

export async function listGroupsForUser(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'ListGroupsForUser', arn(c.account, 'user', u.path, u.displayName));
  const mine = groups(c).filter((g) => u.groups.includes(g.id));
  sendIam(c.ctx, 'ListGroupsForUser', DECL, { Groups: { member: mine.map((g) => groupXml(c, g)) }, IsTruncated: false });
}

export async function putGroupPolicy(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'PutGroupPolicy', groupArn(c, g));
  const name = validName(c, 'PolicyName', 128);
  await save(c, g, { ...g, inlinePolicies: { ...g.inlinePolicies, [name]: policyDocument(c) } });
  sendIam(c.ctx, 'PutGroupPolicy', DECL);
}

export async function getGroupPolicy(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'GetGroupPolicy', groupArn(c, g));
  const name = required(c, 'PolicyName');
  const doc = g.inlinePolicies[name];
  if (doc === undefined) throw new GatewayError('NoSuchEntity', 'No such PolicyName on the group');
  sendIam(c.ctx, 'GetGroupPolicy', DECL, { GroupName: g.name, PolicyName: name, PolicyDocument: doc });
}

export async function deleteGroupPolicy(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'DeleteGroupPolicy', groupArn(c, g));
  const name = required(c, 'PolicyName');
  if (g.inlinePolicies[name] === undefined) throw new GatewayError('NoSuchEntity', 'No such PolicyName on the group');
  const { [name]: _gone, ...rest } = g.inlinePolicies;
  await save(c, g, { ...g, inlinePolicies: rest });
  sendIam(c.ctx, 'DeleteGroupPolicy', DECL);
}

export async function listGroupPolicies(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'ListGroupPolicies', groupArn(c, g));
  sendIam(c.ctx, 'ListGroupPolicies', DECL, { PolicyNames: { member: Object.keys(g.inlinePolicies).sort() }, IsTruncated: false });
}

export async function attachGroupPolicy(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'AttachGroupPolicy', groupArn(c, g));
  const a = managedArn(c);
  if (!g.managedPolicies.includes(a)) await save(c, g, { ...g, managedPolicies: [...g.managedPolicies, a] });
  sendIam(c.ctx, 'AttachGroupPolicy', DECL);
}

export async function detachGroupPolicy(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'DetachGroupPolicy', groupArn(c, g));
  const a = required(c, 'PolicyArn');
  if (!g.managedPolicies.includes(a)) throw new GatewayError('NoSuchEntity', 'No such PolicyArn on the group');
  await save(c, g, { ...g, managedPolicies: g.managedPolicies.filter((x) => x !== a) });
  sendIam(c.ctx, 'DetachGroupPolicy', DECL);
}

export async function listAttachedGroupPolicies(c: IamCall): Promise<void> {
  const g = loadGroup(c);
  check(c, 'ListAttachedGroupPolicies', groupArn(c, g));
  sendIam(c.ctx, 'ListAttachedGroupPolicies', NS_BEFORE, attachedXml(g.managedPolicies));
}
