// IAM users, access keys and user policies (inline and managed), on the same user records Admin Ops uses.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { T, type AccessKey, type UserRecord } from '../../identity/model.js';
import { accountUserByName, accountUsers, buildUser, newKey, sortKeys, userMutations } from '../../identity/users.js';
import { managedPolicyText, parsePolicy, PolicyParseError } from '../../policy/index.js';
import { arn, check, page, param, required, validName, validPath, type IamCall } from './call.js';
import { micro, sendIam, type Shape } from './render.js';

const NS_DECL_AFTER: Shape = { decl: true, ns: true, meta: 'after' };
const NS_DECL_NONE: Shape = { decl: true, ns: true, meta: 'none' };
const NS_BEFORE: Shape = { decl: false, ns: true, meta: 'before' };
const NS_META: Shape = { decl: false, ns: true, meta: 'after' };

export const userArn = (c: IamCall, u: UserRecord): string => arn(c.account, 'user', u.path, u.displayName);

export function userXml(c: IamCall, u: UserRecord): Record<string, unknown> {
  return { Path: u.path, UserName: u.displayName, UserId: u.id, Arn: userArn(c, u), CreateDate: micro(u.createDate) };
}

export function loadIamUser(c: IamCall, field = 'UserName'): UserRecord {
  const name = required(c, field);
  const u = accountUserByName(c.ctx.env.store, c.account.id, name);
  if (!u) throw new GatewayError('NoSuchEntity', 'No such UserName in the account');
  return u;
}

/** The policy document as given, after RGW's parser accepted it (MalformedPolicyDocument otherwise). */
export function policyDocument(c: IamCall, kind: 'identity' | 'trust' = 'identity', field = 'PolicyDocument'): string {
  const text = required(c, field);
  try {
    parsePolicy(text, kind, { tenant: null });
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('MalformedPolicyDocument', err.message);
    throw err;
  }
  return text;
}

async function saveUser(c: IamCall, before: UserRecord | undefined, after: UserRecord | undefined): Promise<void> {
  await c.ctx.env.store.commit(userMutations(before, after));
}

export async function createUser(c: IamCall): Promise<void> {
  const name = validName(c, 'UserName');
  const path = validPath(c);
  const probe = buildUser({ tenant: c.account.tenant, id: '', displayName: name, path, accountId: c.account.id }, c.now);
  check(c, 'CreateUser', userArn(c, probe));
  const store = c.ctx.env.store;
  if (accountUserByName(store, c.account.id, name)) throw new GatewayError('EntityAlreadyExists', 'UserName already exists');
  if (accountUsers(store, c.account.id).length >= c.account.maxUsers) throw new GatewayError('LimitExceeded', 'account user limit exceeded');
  const user = { ...probe, id: randomUUID() };
  await saveUser(c, undefined, user);
  sendIam(c.ctx, 'CreateUser', NS_DECL_AFTER, { User: userXml(c, user) });
}

export async function getUser(c: IamCall): Promise<void> {
  let u: UserRecord;
  if (param(c, 'UserName') === undefined) {
    const p = c.ctx.principal;
    if (p.kind !== 'user') throw new GatewayError('ValidationError', 'UserName is required');
    u = p.user;
  } else u = loadIamUser(c);
  check(c, 'GetUser', userArn(c, u));
  sendIam(c.ctx, 'GetUser', NS_DECL_AFTER, { User: userXml(c, u) });
}

export async function updateUser(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'UpdateUser', userArn(c, u));
  const after = { ...u };
  if (param(c, 'NewUserName') !== undefined) {
    const name = validName(c, 'NewUserName');
    const other = accountUserByName(c.ctx.env.store, c.account.id, name);
    if (other && other.id !== u.id) throw new GatewayError('EntityAlreadyExists', 'UserName already exists');
    after.displayName = name;
  }
  if (param(c, 'NewPath') !== undefined) after.path = validPath(c, 'NewPath');
  await saveUser(c, u, after);
  sendIam(c.ctx, 'UpdateUser', NS_DECL_AFTER);
}

export async function deleteUser(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'DeleteUser', userArn(c, u));
  if (u.keys.length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until its AccessKeys are removed');
  if (Object.keys(u.inlinePolicies).length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until all user policies are removed');
  if (u.managedPolicies.length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until all managed policies are detached');
  if (u.groups.length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until it is removed from all groups');
  await saveUser(c, u, undefined);
  sendIam(c.ctx, 'DeleteUser', NS_DECL_AFTER);
}

export async function listUsers(c: IamCall): Promise<void> {
  const prefix = param(c, 'PathPrefix') ?? '/';
  check(c, 'ListUsers', arn(c.account, 'user', '/', ''));
  const users = accountUsers(c.ctx.env.store, c.account.id)
    .filter((u) => u.path.startsWith(prefix))
    .sort((a, b) => (a.displayName.toLowerCase() < b.displayName.toLowerCase() ? -1 : 1));
  const p = page(c, users, (u) => u.displayName.toLowerCase());
  sendIam(c.ctx, 'ListUsers', NS_DECL_NONE, { Users: { member: p.items.map((u) => userXml(c, u)) }, IsTruncated: p.truncated, ...(p.marker ? { Marker: p.marker } : {}) });
}

// ---- access keys

function keyXml(u: UserRecord, k: AccessKey, withSecret: boolean): Record<string, unknown> {
  return { UserName: u.displayName, AccessKeyId: k.accessKey, Status: k.active ? 'Active' : 'Inactive', CreateDate: micro(k.createDate), ...(withSecret ? { SecretAccessKey: k.secretKey } : {}) };
}

function keyOwner(c: IamCall): UserRecord {
  if (param(c, 'UserName') !== undefined) return loadIamUser(c);
  const p = c.ctx.principal;
  if (p.kind !== 'user') throw new GatewayError('ValidationError', 'UserName is required');
  return p.user;
}

export async function createAccessKey(c: IamCall): Promise<void> {
  const u = keyOwner(c);
  check(c, 'CreateAccessKey', userArn(c, u));
  if (u.keys.length >= c.account.maxAccessKeys) throw new GatewayError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser');
  const k = newKey(c.ctx.env.store, c.now);
  await saveUser(c, u, { ...u, keys: [...u.keys, k] });
  sendIam(c.ctx, 'CreateAccessKey', NS_DECL_AFTER, { AccessKey: keyXml(u, k, true) });
}

export async function updateAccessKey(c: IamCall): Promise<void> {
  const u = keyOwner(c);
  check(c, 'UpdateAccessKey', userArn(c, u));
  const id = required(c, 'AccessKeyId');
  const status = required(c, 'Status');
  if (status !== 'Active' && status !== 'Inactive') throw new GatewayError('ValidationError', 'Status must be Active or Inactive');
  if (!u.keys.some((k) => k.accessKey === id)) throw new GatewayError('NoSuchEntity', 'No such AccessKeyId in the user');
  await saveUser(c, u, { ...u, keys: u.keys.map((k) => (k.accessKey === id ? { ...k, active: status === 'Active' } : k)) });
  sendIam(c.ctx, 'UpdateAccessKey', NS_DECL_AFTER);
}

export async function deleteAccessKey(c: IamCall): Promise<void> {
  const u = keyOwner(c);
  check(c, 'DeleteAccessKey', userArn(c, u));
  const id = required(c, 'AccessKeyId');
  if (!u.keys.some((k) => k.accessKey === id)) throw new GatewayError('NoSuchEntity', 'No such AccessKeyId in the user');
  await saveUser(c, u, { ...u, keys: u.keys.filter((k) => k.accessKey !== id) });
  sendIam(c.ctx, 'DeleteAccessKey', NS_DECL_AFTER);
}

export async function listAccessKeys(c: IamCall): Promise<void> {
  const u = keyOwner(c);
  check(c, 'ListAccessKeys', userArn(c, u));
  sendIam(c.ctx, 'ListAccessKeys', NS_DECL_NONE, { UserName: u.displayName, AccessKeyMetadata: { member: sortKeys(u.keys).map((k) => keyXml(u, k, false)) }, IsTruncated: false });
}

// ---- user policies

export async function putUserPolicy(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'PutUserPolicy', userArn(c, u));
  const name = validName(c, 'PolicyName', 128);
  const doc = policyDocument(c);
  await saveUser(c, u, { ...u, inlinePolicies: { ...u.inlinePolicies, [name]: doc } });
  sendIam(c.ctx, 'PutUserPolicy', NS_META);
}

export async function getUserPolicy(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'GetUserPolicy', userArn(c, u));
  const name = required(c, 'PolicyName');
  const doc = u.inlinePolicies[name];
  if (doc === undefined) throw new GatewayError('NoSuchEntity', 'No such PolicyName on the user');
  sendIam(c.ctx, 'GetUserPolicy', NS_BEFORE, { PolicyName: name, UserName: u.displayName, PolicyDocument: doc });
}

export async function deleteUserPolicy(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'DeleteUserPolicy', userArn(c, u));
  const name = required(c, 'PolicyName');
  if (u.inlinePolicies[name] === undefined) throw new GatewayError('NoSuchEntity', 'No such PolicyName on the user');
  const { [name]: _gone, ...rest } = u.inlinePolicies;
  await saveUser(c, u, { ...u, inlinePolicies: rest });
  sendIam(c.ctx, 'DeleteUserPolicy', { ...NS_META, root: 'DeleteUserPoliciesResponse' });
}

export async function listUserPolicies(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'ListUserPolicies', userArn(c, u));
  sendIam(c.ctx, 'ListUserPolicies', NS_BEFORE, { PolicyNames: { member: Object.keys(u.inlinePolicies).sort() }, IsTruncated: false });
}

export function managedArn(c: IamCall): string {
  const a = required(c, 'PolicyArn');
  if (managedPolicyText(a) === undefined) throw new GatewayError('NoSuchEntity', `Policy ${a} does not exist or is not attachable.`);
  return a;
}

export const attachedXml = (arns: string[]): Record<string, unknown> => ({ AttachedPolicies: { member: arns.map((a) => ({ PolicyName: a.slice(a.lastIndexOf('/') + 1), PolicyArn: a })) }, IsTruncated: false });

export async function attachUserPolicy(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'AttachUserPolicy', userArn(c, u));
  const a = managedArn(c);
  if (!u.managedPolicies.includes(a)) await saveUser(c, u, { ...u, managedPolicies: [...u.managedPolicies, a] });
  sendIam(c.ctx, 'AttachUserPolicy', NS_META);
}

export async function detachUserPolicy(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'DetachUserPolicy', userArn(c, u));
  const a = required(c, 'PolicyArn');
  if (!u.managedPolicies.includes(a)) throw new GatewayError('NoSuchEntity', 'No such PolicyArn on the user');
  await saveUser(c, u, { ...u, managedPolicies: u.managedPolicies.filter((x) => x !== a) });
  sendIam(c.ctx, 'DetachUserPolicy', NS_META);
}

export async function listAttachedUserPolicies(c: IamCall): Promise<void> {
  const u = loadIamUser(c);
  check(c, 'ListAttachedUserPolicies', userArn(c, u));
  sendIam(c.ctx, 'ListAttachedUserPolicies', NS_BEFORE, attachedXml(u.managedPolicies));
}

export const T_USERS = T.users;
