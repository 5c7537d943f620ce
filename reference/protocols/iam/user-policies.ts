// Inline and managed policies of IAM users (RGW 20.2's rgw_rest_user_policy.cc and the managed-policy ops).
// Inline policies also serve callers outside accounts (users of their tenant by uid, authorised by the
// user-policy cap). So does AttachUserPolicy — but DetachUserPolicy and ListAttachedUserPolicies answer 405
// outside accounts, so a managed policy attached that way can only be removed with radosgw-admin (probed on
// RGW 20.2.4). Unlike the user APIs, these find the account root by its display name.
import { GatewayError } from '../../errors.js';
import { iamResourceArn } from '../../identity/arn.js';
import { findAccountUser } from '../../identity/iam-users.js';
import type { UserRecord } from '../../identity/model.js';
import { getUser, userMutations } from '../../identity/users.js';
import { maxItems, page, param, policyArn, policyName, requireParam, truncation, userName, type IamCall } from './call.js';
import { op, SHAPES, type IamOperation } from './operation.js';
import { attachedName, checkPolicy, knownManagedPolicy, sortedNames } from './policy-doc.js';
import { members, type XNode } from './render.js';
import { userResource } from './users.js';

interface Target {
  user: UserRecord;
  resource: string;
}

/** The policy's user: by IAM name in the caller's account (root included), else by uid in the tenant. */
function policyUser(c: IamCall): Target {
  const name = userName(param(c, 'UserName'));
  if (c.account) {
    const user = findAccountUser(c.ctx.env.store, c.account.id, name);
    if (!user) throw new GatewayError('NoSuchEntity', 'No such UserName in the account');
    return { user, resource: userResource(user) };
  }
  const user = getUser(c.ctx.env.store, c.tenant, name);
  if (!user) throw new GatewayError('NoSuchEntity', 'No such UserName in the tenant');
  return { user, resource: iamResourceArn(c.tenant, 'user', `/${user.id}`) };
}

const save = (c: IamCall, before: UserRecord, after: UserRecord): Promise<void> => c.ctx.env.store.commit(userMutations(before, after));
const WRITE = { type: 'user-policy', perm: 'write' } as const;
const MANAGED_ONLY_IN_ACCOUNTS = 'Managed policies are only supported for account users';
const READ = { type: 'user-policy', perm: 'read' } as const;

function inlineDoc(u: UserRecord, name: string): string {
  const doc = u.inlinePolicies[name];
  if (doc === undefined) throw new GatewayError('NoSuchEntity', 'No such PolicyName on the user');
  return doc;
}

export const USER_POLICY_OPERATIONS = {
  PutUserPolicy: op({
    callers: 'any',
    action: 'iam:PutUserPolicy',
    cap: WRITE,
    prepare(c) {
      const name = policyName(param(c, 'PolicyName'));
      const doc = requireParam(c, 'PolicyDocument');
      return { name, doc, ...policyUser(c) };
    },
    resource: (_c, t) => t.resource,
    async execute(c, { name, doc, user }) {
      checkPolicy(doc, 'identity', c.account ? null : c.tenant);
      await save(c, user, { ...user, inlinePolicies: { ...user.inlinePolicies, [name]: doc } });
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  GetUserPolicy: op({
    callers: 'any',
    action: 'iam:GetUserPolicy',
    cap: READ,
    prepare: (c) => ({ name: policyName(param(c, 'PolicyName')), ...policyUser(c) }),
    resource: (_c, t) => t.resource,
    execute: async (c, { name, user }): Promise<XNode[]> => [
      ['PolicyName', name],
      // RGW echoes the UserName parameter as sent, whatever its case.
      ['UserName', param(c, 'UserName')],
      ['PolicyDocument', inlineDoc(user, name)],
    ],
    shape: SHAPES.nsBefore,
  }),

  DeleteUserPolicy: op({
    callers: 'any',
    action: 'iam:DeleteUserPolicy',
    cap: WRITE,
    prepare: (c) => ({ name: policyName(param(c, 'PolicyName')), ...policyUser(c) }),
    resource: (_c, t) => t.resource,
    async execute(c, { name, user }) {
      inlineDoc(user, name);
      const { [name]: _gone, ...rest } = user.inlinePolicies;
      await save(c, user, { ...user, inlinePolicies: rest });
      return undefined;
    },
    // RGW names this document in the plural.
    shape: { ...SHAPES.nsAfter, root: 'DeleteUserPoliciesResponse' },
  }),

  ListUserPolicies: op({
    callers: 'any',
    action: 'iam:ListUserPolicies',
    cap: READ,
    prepare: (c) => ({ ...policyUser(c), marker: param(c, 'Marker'), max: maxItems(c) }),
    resource: (_c, t) => t.resource,
    async execute(_c, { user, marker, max }) {
      const p = page(sortedNames(user.inlinePolicies), (n) => n, marker, Math.max(max, 0), 'from');
      return [members('PolicyNames', p.items), ...truncation(p.marker)];
    },
    shape: SHAPES.nsBefore,
  }),

  AttachUserPolicy: op({
    callers: 'any',
    action: 'iam:AttachUserPolicy',
    cap: WRITE,
    prepare(c) {
      const arn = policyArn(param(c, 'PolicyArn'));
      return { arn, ...policyUser(c) };
    },
    resource: (_c, t) => t.resource,
    async execute(c, { arn, user }) {
      knownManagedPolicy(arn);
      if (!user.managedPolicies.includes(arn)) await save(c, user, { ...user, managedPolicies: [...user.managedPolicies, arn] });
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  DetachUserPolicy: op({
    callers: 'account',
    notInAccount: MANAGED_ONLY_IN_ACCOUNTS,
    action: 'iam:DetachUserPolicy',
    prepare: (c) => ({ arn: policyArn(param(c, 'PolicyArn')), ...policyUser(c) }),
    resource: (_c, t) => t.resource,
    async execute(c, { arn, user }) {
      if (!user.managedPolicies.includes(arn)) throw new GatewayError('NoSuchEntity', 'No such PolicyArn on the user');
      await save(c, user, { ...user, managedPolicies: user.managedPolicies.filter((a) => a !== arn) });
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  ListAttachedUserPolicies: op({
    callers: 'account',
    notInAccount: MANAGED_ONLY_IN_ACCOUNTS,
    action: 'iam:ListAttachedUserPolicies',
    prepare: (c) => ({ ...policyUser(c), marker: param(c, 'Marker'), max: maxItems(c) }),
    resource: (_c, t) => t.resource,
    async execute(_c, { user, marker, max }) {
      const p = page([...user.managedPolicies].sort(), (a) => a, marker, Math.max(max, 0), 'from');
      return [members('AttachedPolicies', p.items.map((a): XNode[] => [['PolicyName', attachedName(a)], ['PolicyArn', a]])), ...truncation(p.marker)];
    },
    shape: SHAPES.nsBefore,
  }),
} satisfies Record<string, IamOperation>;

