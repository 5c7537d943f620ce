// /admin/account: create (POST), info (GET), modify (PUT), remove (DELETE), quotas (PUT ?quota).
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { getAccount, nameKey, newAccount } from '../../identity/accounts.js';
import { T, type AccountRecord, type RoleRecord } from '../../identity/model.js';
import { accountUsers } from '../../identity/users.js';
import type { BucketRecord } from '../../bucket/model.js';
import { paramsOf, type Params } from './params.js';
import { accountJson } from './render.js';
import { sendJson } from './send.js';
import { quotaFrom } from './users.js';

function limits(p: Params): Partial<AccountRecord> {
  const out: Partial<AccountRecord> = {};
  const set = (param: string, field: keyof AccountRecord): void => {
    const v = p.int(param);
    if (v !== undefined) (out as Record<string, unknown>)[field] = v;
  };
  set('max-users', 'maxUsers');
  set('max-roles', 'maxRoles');
  set('max-groups', 'maxGroups');
  set('max-access-keys', 'maxAccessKeys');
  set('max-buckets', 'maxBuckets');
  return out;
}

function loadAccount(ctx: RequestContext, p: Params): AccountRecord {
  const id = p.str('id');
  let a: AccountRecord | undefined;
  if (id) a = getAccount(ctx.env.store, id);
  else if (p.str('name')) {
    const found = ctx.env.store.get<string>(T.accountNames, nameKey(p.str('tenant') ?? '', p.str('name')!));
    a = found ? getAccount(ctx.env.store, found) : undefined;
  } else throw new GatewayError('InvalidArgument', 'id or name is required');
  if (!a) throw new GatewayError('NoSuchAccount');
  return a;
}

export async function createAccount(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const name = p.str('name');
  if (!name) throw new GatewayError('InvalidArgument', 'account name is required');
  const a = newAccount(ctx.env.store, { name, id: p.str('id'), tenant: p.str('tenant'), email: p.str('email'), ...limits(p) });
  a.createDate = new Date(ctx.env.clock.now()).toISOString();
  await ctx.env.store.commit([
    { table: T.accounts, key: a.id, value: a },
    { table: T.accountNames, key: nameKey(a.tenant, a.name), value: a.id },
  ]);
  sendJson(ctx, accountJson(a));
}

export async function getAccountInfo(ctx: RequestContext): Promise<void> {
  sendJson(ctx, accountJson(loadAccount(ctx, paramsOf(ctx))));
}

export async function modifyAccount(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const before = loadAccount(ctx, p);
  const after: AccountRecord = { ...before, ...limits(p) };
  const muts = [];
  const newName = p.str('name');
  if (newName && newName !== before.name) {
    if (ctx.env.store.get(T.accountNames, nameKey(before.tenant, newName))) throw new GatewayError('AccountAlreadyExists');
    after.name = newName;
    muts.push({ table: T.accountNames, key: nameKey(before.tenant, before.name) }, { table: T.accountNames, key: nameKey(after.tenant, newName), value: after.id });
  }
  if (p.has('email')) after.email = p.str('email') ?? '';
  muts.push({ table: T.accounts, key: after.id, value: after });
  await ctx.env.store.commit(muts);
  sendJson(ctx, accountJson(after));
}

export async function removeAccount(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const a = loadAccount(ctx, p);
  const store = ctx.env.store;
  if (accountUsers(store, a.id).length) throw new GatewayError('BucketNotEmpty', 'The account cannot be deleted until all users are removed.');
  if (store.list<RoleRecord>(T.roles).some(([, r]) => r.accountId === a.id)) throw new GatewayError('BucketNotEmpty', 'The account cannot be deleted until all roles are removed.');
  if (store.list<BucketRecord>(T.buckets).some(([, b]) => b.owner.kind === 'account' && b.owner.id === a.id)) throw new GatewayError('BucketNotEmpty', 'The account cannot be deleted until all buckets are removed.');
  await store.commit([{ table: T.accounts, key: a.id }, { table: T.accountNames, key: nameKey(a.tenant, a.name) }]);
  sendJson(ctx, undefined);
}

export async function setAccountQuota(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const before = loadAccount(ctx, p);
  const type = p.str('quota-type');
  if (type !== 'account' && type !== 'bucket') throw new GatewayError('InvalidArgument', 'quota-type must be account or bucket');
  const after = type === 'account' ? { ...before, quota: quotaFrom(p, before.quota) } : { ...before, bucketQuota: quotaFrom(p, before.bucketQuota) };
  await ctx.env.store.commit([{ table: T.accounts, key: after.id, value: after }]);
  sendJson(ctx, accountJson(after));
}
