// IAM roles: create (trust policy, path, MaxSessionDuration 3600..43200, description, tags), get, list, update,
// delete, trust policy updates, inline and managed role policies, tags. RGW renders role documents without
// the XML declaration and namespace.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { T, type RoleRecord, type RoleTag } from '../../identity/model.js';
import { findRole, roleArn, roleKey, rolesOf } from '../../identity/roles.js';
import { check, members, page, param, required, validName, validPath, type IamCall } from './call.js';
import { sendIam, type Shape } from './render.js';
import { attachedXml, managedArn, policyDocument } from './users.js';

const AFTER: Shape = { decl: false, ns: false, meta: 'after' };
const BEFORE: Shape = { decl: false, ns: false, meta: 'before' };

function roleXml(r: RoleRecord, list = false): Record<string, unknown> {
  const x: Record<string, unknown> = {
    RoleId: r.id,
    RoleName: r.name,
    Path: r.path,
    Arn: roleArn(r),
    CreateDate: r.createDate,
    ...(r.description ? { Description: r.description } : {}),
    MaxSessionDuration: r.maxSessionDuration,
    AssumeRolePolicyDocument: r.trustPolicy,
  };
  if (r.tags.length) x.Tags = { member: r.tags.map((t) => ({ Key: t.key, Value: t.value })) };
  if (list && r.accountId) x.AccountId = r.accountId;
  return x;
}

function loadRole(c: IamCall): RoleRecord {
  const r = findRole(c.ctx.env.store, c.account.id, required(c, 'RoleName'));
  if (!r) throw new GatewayError('NoSuchEntity', 'No such RoleName in the tenant');
  return r;
}

async function save(c: IamCall, r: RoleRecord | undefined, before?: RoleRecord): Promise<void> {
  const key = roleKey(c.account.id, (r ?? before)!.name);
  await c.ctx.env.store.commit([{ table: T.roles, key, value: r }]);
}

function maxSession(c: IamCall, fallback: number): number {
  const v = param(c, 'MaxSessionDuration');
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 3600 || n > 43200) throw new GatewayError('InvalidInput', 'MaxSessionDuration must be between 3600 and 43200 seconds');
  return n;
}

/** RGW keeps role tags in a multimap sorted by key: TagRole adds, a key may repeat. */
function tagsFrom(c: IamCall): RoleTag[] {
  const tags: RoleTag[] = [];
  for (let i = 1; c.params.has(`Tags.member.${i}.Key`); i++) tags.push({ key: c.params.get(`Tags.member.${i}.Key`)!, value: c.params.get(`Tags.member.${i}.Value`) ?? '' });
  if (tags.length > 50) throw new GatewayError('LimitExceeded', 'Tags count cannot exceed 50');
  return sortTags(tags);
}

const sortTags = (tags: RoleTag[]): RoleTag[] => [...tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export async function createRole(c: IamCall): Promise<void> {
  const name = validName(c, 'RoleName');
  const path = validPath(c);
  const trust = policyDocument(c, 'trust', 'AssumeRolePolicyDocument');
  const role: RoleRecord = {
    id: randomUUID(),
    accountId: c.account.id,
    tenant: c.account.tenant,
    name,
    path,
    trustPolicy: trust,
    description: param(c, 'Description') ?? '',
    maxSessionDuration: maxSession(c, 3600),
    createDate: c.now,
    inlinePolicies: {},
    managedPolicies: [],
    tags: tagsFrom(c),
  };
  check(c, 'CreateRole', roleArn(role));
  if (findRole(c.ctx.env.store, c.account.id, name)) throw new GatewayError('EntityAlreadyExists', 'Role already exists');
  if (rolesOf(c.ctx.env.store, c.account.id).length >= c.account.maxRoles) throw new GatewayError('LimitExceeded', 'account role limit exceeded');
  await save(c, role);
  sendIam(c.ctx, 'CreateRole', AFTER, { Role: roleXml(role) });
}

export async function getRole(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'GetRole', roleArn(r));
  sendIam(c.ctx, 'GetRole', BEFORE, { Role: roleXml(r) });
}

export async function listRoles(c: IamCall): Promise<void> {
  check(c, 'ListRoles', `arn:aws:iam::${c.account.id}:role/`);
  const prefix = param(c, 'PathPrefix') ?? '/';
  const roles = rolesOf(c.ctx.env.store, c.account.id).filter((r) => r.path.startsWith(prefix));
  const p = page(c, roles, (r) => r.name.toLowerCase());
  sendIam(c.ctx, 'ListRoles', AFTER, { Roles: { member: p.items.map((r) => roleXml(r, true)) }, IsTruncated: p.truncated, ...(p.marker ? { Marker: p.marker } : {}) });
}

export async function updateRole(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'UpdateRole', roleArn(r));
  await save(c, { ...r, description: param(c, 'Description') ?? r.description, maxSessionDuration: maxSession(c, r.maxSessionDuration) });
  sendIam(c.ctx, 'UpdateRole', AFTER);
}

export async function updateAssumeRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'UpdateAssumeRolePolicy', roleArn(r));
  await save(c, { ...r, trustPolicy: policyDocument(c, 'trust', 'PolicyDocument') });
  sendIam(c.ctx, 'UpdateAssumeRolePolicy', AFTER);
}

export async function deleteRole(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'DeleteRole', roleArn(r));
  if (Object.keys(r.inlinePolicies).length) throw new GatewayError('DeleteConflict', 'The role cannot be deleted until all role policies are removed');
  if (r.managedPolicies.length) throw new GatewayError('DeleteConflict', 'The role cannot be deleted until all managed policies are detached');
  await save(c, undefined, r);
  sendIam(c.ctx, 'DeleteRole', AFTER);
}

export async function putRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'PutRolePolicy', roleArn(r));
  const name = validName(c, 'PolicyName', 128);
  await save(c, { ...r, inlinePolicies: { ...r.inlinePolicies, [name]: policyDocument(c) } });
  sendIam(c.ctx, 'PutRolePolicy', AFTER);
}

export async function getRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'GetRolePolicy', roleArn(r));
  const name = required(c, 'PolicyName');
  const doc = r.inlinePolicies[name];
  if (doc === undefined) throw new GatewayError('NoSuchEntity', 'The requested PolicyName was not found');
  sendIam(c.ctx, 'GetRolePolicy', BEFORE, { PolicyName: name, RoleName: r.name, PolicyDocument: doc });
}

export async function deleteRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'DeleteRolePolicy', roleArn(r));
  const name = required(c, 'PolicyName');
  if (r.inlinePolicies[name] === undefined) throw new GatewayError('NoSuchEntity', 'The requested PolicyName was not found');
  const { [name]: _gone, ...rest } = r.inlinePolicies;
  await save(c, { ...r, inlinePolicies: rest });
  sendIam(c.ctx, 'DeleteRolePolicy', AFTER);
}

export async function listRolePolicies(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'ListRolePolicies', roleArn(r));
  sendIam(c.ctx, 'ListRolePolicies', BEFORE, { PolicyNames: { member: Object.keys(r.inlinePolicies).sort() }, IsTruncated: false });
}

export async function attachRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'AttachRolePolicy', roleArn(r));
  const a = managedArn(c);
  if (!r.managedPolicies.includes(a)) await save(c, { ...r, managedPolicies: [...r.managedPolicies, a] });
  sendIam(c.ctx, 'AttachRolePolicy', AFTER);
}

export async function detachRolePolicy(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'DetachRolePolicy', roleArn(r));
  const a = required(c, 'PolicyArn');
  if (!r.managedPolicies.includes(a)) throw new GatewayError('NoSuchEntity', 'No such PolicyArn on the role');
  await save(c, { ...r, managedPolicies: r.managedPolicies.filter((x) => x !== a) });
  sendIam(c.ctx, 'DetachRolePolicy', AFTER);
}

export async function listAttachedRolePolicies(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'ListAttachedRolePolicies', roleArn(r));
  sendIam(c.ctx, 'ListAttachedRolePolicies', BEFORE, attachedXml(r.managedPolicies));
}

export async function tagRole(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'TagRole', roleArn(r));
  const tags = sortTags([...r.tags, ...tagsFrom(c)]);
  if (tags.length > 50) throw new GatewayError('LimitExceeded', 'Tags count cannot exceed 50');
  await save(c, { ...r, tags });
  sendIam(c.ctx, 'TagRole', AFTER);
}

export async function untagRole(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'UntagRole', roleArn(r));
  const drop = new Set(members(c, 'TagKeys'));
  await save(c, { ...r, tags: r.tags.filter((t) => !drop.has(t.key)) });
  sendIam(c.ctx, 'UntagRole', AFTER);
}

export async function listRoleTags(c: IamCall): Promise<void> {
  const r = loadRole(c);
  check(c, 'ListRoleTags', roleArn(r));
  sendIam(c.ctx, 'ListRoleTags', BEFORE, { Tags: { member: r.tags.map((t) => ({ Key: t.key, Value: t.value })) }, IsTruncated: false });
}
