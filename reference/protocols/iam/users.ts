// IAM users and their access keys (rgw_rest_iam_user.cc), on the UserRecord rows Admin Ops also writes.
// Users exist only inside accounts; the account root is hidden from these calls (NoSuchEntity), except
// that GetUser and the key calls without UserName act on the caller itself, root included.
import { GatewayError } from '../../errors.js';
import { iamResourceArn, iamUserArn } from '../../identity/arn.js';
import { accountUsersByName, findAccountUser, newIamUser } from '../../identity/iam-users.js';
import type { AccessKey, UserRecord } from '../../identity/model.js';
import { newKey, sortKeys, userMutations } from '../../identity/users.js';
import { accountOf, callerUser, iamPath, maxItems, page, param, requireParam, truncation, userName, type IamCall } from './call.js';
import { op, SHAPES, type IamOperation } from './operation.js';
import { members, microDate, type XNode } from './render.js';

export const userXml = (u: UserRecord): XNode[] => [
  ['Path', u.path],
  ['UserName', u.displayName],
  ['UserId', u.id],
  ['Arn', iamUserArn(u)],
  ['CreateDate', microDate(u.createDate)],
];

/** Resource ARN of an IAM user: arn:aws:iam::<account>:user<path><UserName>. */
export const userResource = (u: Pick<UserRecord, 'accountId' | 'tenant' | 'path' | 'displayName'>): string =>
  iamResourceArn(u.accountId ?? u.tenant, 'user', `${u.path || '/'}${u.displayName}`);

/** load_account_user_by_name, with the root hidden as RGW hides it from the user APIs. */
export function loadUser(c: IamCall, name: string, message = 'No such UserName in the account'): UserRecord {
  const u = findAccountUser(c.ctx.env.store, accountOf(c).id, name);
  if (!u || u.accountRoot) throw new GatewayError('NoSuchEntity', message);
  return u;
}

/** UserName given: validated and looked up; absent: the caller (keys of the root included). */
function userOrCaller(c: IamCall, message?: string): UserRecord {
  const name = param(c, 'UserName');
  return name === '' ? callerUser(c) : loadUser(c, userName(name), message);
}

const save = (c: IamCall, before: UserRecord | undefined, after: UserRecord | undefined): Promise<void> => c.ctx.env.store.commit(userMutations(before, after));

const userRows = {
  CreateUser: op({
    callers: 'account',
    action: 'iam:CreateUser',
    prepare(c) {
      const raw = param(c, 'Path');
      const path = raw === '' ? '/' : iamPath(raw);
      const name = userName(param(c, 'UserName'));
      return newIamUser({ tenant: c.tenant, accountId: accountOf(c).id, name, path }, c.now);
    },
    resource: (_c, u) => userResource(u),
    async execute(c, u) {
      const account = accountOf(c);
      const store = c.ctx.env.store;
      const count = accountUsersByName(store, account.id).length;
      if (account.maxUsers >= 0 && count >= account.maxUsers) throw new GatewayError('LimitExceeded', `User limit ${account.maxUsers} exceeded`);
      if (findAccountUser(store, account.id, u.displayName)) throw new GatewayError('EntityAlreadyExists');
      await save(c, undefined, u);
      return [['User', userXml(u)]];
    },
    shape: SHAPES.declNsAfter,
  }),

  GetUser: op({
    callers: 'account',
    action: 'iam:GetUser',
    // No name check here: an invalid UserName is simply not found.
    prepare: (c) => (param(c, 'UserName') === '' ? callerUser(c) : loadUser(c, param(c, 'UserName'))),
    resource: (_c, u) => userResource(u),
    execute: async (_c, u) => [['User', userXml(u)]],
    shape: SHAPES.declNsAfter,
  }),

  UpdateUser: op({
    callers: 'account',
    action: 'iam:UpdateUser',
    prepare(c) {
      const newPath = param(c, 'NewPath');
      if (newPath !== '') iamPath(newPath);
      const newName = param(c, 'NewUserName');
      if (newName !== '') userName(newName);
      const user = loadUser(c, requireParam(c, 'UserName'));
      return { user, newPath, newName };
    },
    resource: (_c, t) => userResource(t.user),
    async execute(c, { user, newPath, newName }) {
      const after = { ...user, path: newPath || user.path, displayName: newName || user.displayName };
      if (after.path !== user.path || after.displayName !== user.displayName) {
        const other = findAccountUser(c.ctx.env.store, accountOf(c).id, after.displayName);
        if (other && other.id !== user.id) throw new GatewayError('EntityAlreadyExists');
        await save(c, user, after);
      }
      return [['User', userXml(after)]];
    },
    shape: SHAPES.declNsAfter,
  }),

  DeleteUser: op({
    callers: 'account',
    action: 'iam:DeleteUser',
    prepare: (c) => loadUser(c, requireParam(c, 'UserName')),
    resource: (_c, u) => userResource(u),
    async execute(c, u) {
      // Group membership does not block the delete; the user simply leaves its groups.
      if (u.keys.length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until its AccessKeys are removed');
      if (Object.keys(u.inlinePolicies).length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until all user policies are removed');
      if (u.managedPolicies.length) throw new GatewayError('DeleteConflict', 'The user cannot be deleted until all managed policies are detached');
      await save(c, u, undefined);
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListUsers: op({
    callers: 'account',
    action: 'iam:ListUsers',
    prepare: (c) => ({ marker: param(c, 'Marker'), prefix: param(c, 'PathPrefix'), max: maxItems(c) }),
    resource: (c) => iamResourceArn(accountOf(c).id, 'user'),
    async execute(c, { marker, prefix, max }) {
      // The root is listed by the index (it counts toward MaxItems and the marker) but never printed.
      const all = accountUsersByName(c.ctx.env.store, accountOf(c).id).filter((u) => u.path.startsWith(prefix));
      const p = page(all, (u) => u.displayName.toLowerCase(), marker, max, 'after');
      return [members('Users', p.items.filter((u) => !u.accountRoot).map(userXml)), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsNone,
  }),
} satisfies Record<string, IamOperation>;

const keyXml = (u: UserRecord, k: AccessKey): XNode[] => [
  ['UserName', u.displayName],
  ['AccessKeyId', k.accessKey],
  ['Status', k.active ? 'Active' : 'Inactive'],
  ['CreateDate', microDate(k.createDate)],
];

function withKey(c: IamCall): { user: UserRecord; id: string } {
  const id = requireParam(c, 'AccessKeyId');
  return { id, user: userOrCaller(c) };
}

function keyOf(u: UserRecord, id: string): AccessKey {
  const k = u.keys.find((x) => x.accessKey === id);
  if (!k) throw new GatewayError('NoSuchEntity', 'No such AccessKeyId in the user');
  return k;
}

const keyRows = {
  CreateAccessKey: op({
    callers: 'account',
    action: 'iam:CreateAccessKey',
    prepare: (c) => userOrCaller(c),
    resource: (_c, u) => userResource(u),
    async execute(c, u) {
      const max = accountOf(c).maxAccessKeys;
      const key = newKey(c.ctx.env.store, c.now);
      if (max >= 0 && u.keys.length + 1 > max) throw new GatewayError('LimitExceeded', `Access key limit ${max} exceeded`);
      await save(c, u, { ...u, keys: [...u.keys, key] });
      return [['AccessKey', [...keyXml(u, key), ['SecretAccessKey', key.secretKey]]]];
    },
    shape: SHAPES.declNsAfter,
  }),

  UpdateAccessKey: op({
    callers: 'account',
    action: 'iam:UpdateAccessKey',
    prepare(c) {
      const id = requireParam(c, 'AccessKeyId');
      const status = param(c, 'Status');
      if (status !== 'Active' && status !== 'Inactive') throw new GatewayError('InvalidInput', status === '' ? 'Missing required element Status' : 'Invalid value for Status');
      return { id, active: status === 'Active', user: userOrCaller(c) };
    },
    resource: (_c, t) => userResource(t.user),
    async execute(c, { id, active, user }) {
      if (keyOf(user, id).active !== active) await save(c, user, { ...user, keys: user.keys.map((k) => (k.accessKey === id ? { ...k, active } : k)) });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  DeleteAccessKey: op({
    callers: 'account',
    action: 'iam:DeleteAccessKey',
    prepare: withKey,
    resource: (_c, t) => userResource(t.user),
    async execute(c, { id, user }) {
      keyOf(user, id);
      await save(c, user, { ...user, keys: user.keys.filter((k) => k.accessKey !== id) });
      return undefined;
    },
    shape: SHAPES.declNsAfter,
  }),

  ListAccessKeys: op({
    callers: 'account',
    action: 'iam:ListAccessKeys',
    prepare(c) {
      const marker = param(c, 'Marker');
      const max = maxItems(c);
      // An unknown user here gets NoSuchEntity with an empty message.
      return { marker, max, user: userOrCaller(c, '') };
    },
    resource: (_c, t) => userResource(t.user),
    async execute(_c, { marker, max, user }) {
      const p = page(sortKeys(user.keys), (k) => k.accessKey, marker, Math.max(max, 0), 'from');
      return [['UserName', user.displayName], members('AccessKeyMetadata', p.items.map((k) => keyXml(user, k))), ...truncation(p.marker)];
    },
    shape: SHAPES.declNsNone,
  }),
} satisfies Record<string, IamOperation>;

export const USER_OPERATIONS = { ...userRows, ...keyRows };
