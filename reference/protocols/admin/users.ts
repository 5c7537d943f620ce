// /admin/user: create, info (by uid or access key, with stats), modify, remove, keys, caps, quotas.
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { parseCaps } from '../../identity/bootstrap.js';
import { getAccount } from '../../identity/accounts.js';
import { T, parseUserKey, userKey, type Owner, type Quota, type UserRecord } from '../../identity/model.js';
import { buildUser, emailTaken, getUser, newKey, userMutations } from '../../identity/users.js';
import { joinAccount } from '../../identity/iam-users.js';
import type { BucketRecord } from '../../bucket/model.js';
import { paramsOf, type Params } from './params.js';
import { capsJson, keysJson, quotaJson, userJson } from './render.js';
import { ownerStatsJson } from '../../quota/usage.js';
import { userQuotaFromParams } from '../../quota/params.js';
import { sendJson } from './send.js';

const IAM_NAME = /^[\w+=,.@-]{1,64}$/;

function uidOf(p: Params): { tenant: string; id: string } {
  const raw = p.required('uid');
  const parsed = parseUserKey(raw);
  const tenant = p.str('tenant') ?? parsed.tenant;
  return { tenant, id: parsed.id };
}

export function loadUser(ctx: RequestContext, p: Params): UserRecord {
  const { tenant, id } = uidOf(p);
  const u = getUser(ctx.env.store, tenant, id);
  if (!u) throw new GatewayError('NoSuchUser');
  return u;
}

const now = (ctx: RequestContext): string => new Date(ctx.env.clock.now()).toISOString();

export async function createUser(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const { tenant, id } = uidOf(p);
  const store = ctx.env.store;
  const displayName = p.str('display-name');
  if (!displayName) throw new GatewayError('InvalidArgument');
  if (getUser(store, tenant, id)) throw new GatewayError('UserAlreadyExists');
  const accountId = p.str('account-id') || undefined;
  if (accountId) {
    if (!getAccount(store, accountId)) throw new GatewayError('NoSuchAccount');
    // An account user's display name is its IAM UserName (RGW 20.2.4 refuses "a b" with 400 InvalidArgument).
    if (!IAM_NAME.test(displayName)) throw new GatewayError('InvalidArgument');
  }
  const email = p.str('email') ?? '';
  if (email && emailTaken(store, email)) throw new GatewayError('EmailExists');
  const user = buildUser(
    {
      tenant,
      id,
      displayName,
      email,
      accountId,
      accountRoot: accountId ? p.bool('account-root') === true : false,
      maxBuckets: p.int('max-buckets'),
      suspended: p.bool('suspended'),
      caps: p.str('user-caps') ? parseCaps(p.str('user-caps')!) : [],
      path: p.str('path'),
      opMask: p.str('op-mask'),
      system: p.bool('system'),
    },
    now(ctx),
  );
  const keyType = p.str('key-type') ?? 's3';
  if (p.bool('generate-key') !== false && keyType === 's3') {
    user.keys = [newKey(store, now(ctx), { accessKey: p.str('access-key'), secretKey: p.str('secret-key') })];
  }
  await store.commit(userMutations(undefined, user));
  sendJson(ctx, userJson(user));
}

export async function getUserInfo(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  let u: UserRecord | undefined;
  const ak = p.str('access-key');
  if (ak && !p.has('uid')) {
    const uid = ctx.env.store.get<string>(T.keys, ak);
    u = uid === undefined ? undefined : ctx.env.store.get<UserRecord>(T.users, uid);
    if (!u) throw new GatewayError('NoSuchUser');
  } else u = loadUser(ctx, p);
  const body = userJson(u);
  if (p.bool('stats')) body.stats = ownerStatsJson(ctx.env, u); // an account member's show the account's stats
  sendJson(ctx, body);
}

export async function listUsers(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const max = p.int('max-entries') ?? 1000;
  const marker = p.str('marker') ?? '';
  const all = ctx.env.store.list<UserRecord>(T.users).map(([k]) => k).filter((k) => k > marker);
  const keys = all.slice(0, max);
  sendJson(ctx, { keys, truncated: all.length > keys.length, count: keys.length, ...(all.length > keys.length ? { marker: keys[keys.length - 1] } : {}) });
}

export async function modifyUser(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const store = ctx.env.store;
  const before = loadUser(ctx, p);
  const after: UserRecord = { ...before };
  const dn = p.str('display-name');
  if (dn !== undefined && dn !== '') after.displayName = dn;
  const email = p.str('email');
  if (email !== undefined) {
    if (email && emailTaken(store, email, userKey(before.tenant, before.id))) throw new GatewayError('EmailExists');
    after.email = email;
  }
  const mb = p.int('max-buckets');
  if (mb !== undefined) after.maxBuckets = mb;
  const susp = p.bool('suspended');
  if (susp !== undefined) after.suspended = susp;
  if (p.has('user-caps')) after.caps = parseCaps(p.str('user-caps')!);
  if (p.has('op-mask')) after.opMask = p.str('op-mask')!;
  if (p.has('path')) after.path = p.str('path')!;
  if (p.has('access-key') || p.has('secret-key') || p.bool('generate-key')) {
    after.keys = [...after.keys, newKey(store, now(ctx), { accessKey: p.str('access-key'), secretKey: p.str('secret-key') })];
  }
  const mutations = userMutations(before, after);
  await store.commit(mutations);
  // Moving a classic user into an account (Ceph's accounts docs): RGW moves its buckets first, then checks the
  // display name as an IAM user name; identity/iam-users.ts joinAccount() reproduces it step by step.
  const accountId = p.str('account-id');
  const joined = accountId ? await joinAccount(store, after, accountId) : after;
  const root = p.bool('account-root');
  const final = root !== undefined && joined.accountId ? { ...joined, accountRoot: root } : joined;
  if (final !== joined) await store.commit(userMutations(joined, final));
  sendJson(ctx, userJson(final));
}

export async function removeUser(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const store = ctx.env.store;
  const u = loadUser(ctx, p);
  const me = userKey(u.tenant, u.id);
  const owned = store.list<BucketRecord>(T.buckets).filter(([, b]) => b.owner.kind === 'user' && b.owner.id === me);
  if (owned.length && !p.bool('purge-data')) throw new GatewayError('BucketNotEmpty');
  const mutations = userMutations(u, undefined);
  for (const [key, b] of owned) {
    for (const [ok] of store.list(T.objects, { prefix: `${b.marker}/` })) mutations.push({ table: T.objects, key: ok });
    mutations.push({ table: T.buckets, key });
  }
  await store.commit(mutations);
  sendJson(ctx, undefined);
}

export async function createKey(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const store = ctx.env.store;
  const before = loadUser(ctx, p);
  if ((p.str('key-type') ?? 's3') !== 's3') throw new GatewayError('InvalidArgument');
  const ak = p.str('access-key');
  const existing = ak ? before.keys.find((k) => k.accessKey === ak) : undefined;
  let keys = before.keys;
  if (existing) keys = keys.map((k) => (k.accessKey === ak ? { ...k, secretKey: p.str('secret-key') || k.secretKey } : k));
  else keys = [...keys, newKey(store, now(ctx), { accessKey: ak, secretKey: p.str('secret-key') })];
  const active = p.bool('active');
  if (active !== undefined && ak) keys = keys.map((k) => (k.accessKey === ak ? { ...k, active } : k));
  const after = { ...before, keys };
  await store.commit(userMutations(before, after));
  sendJson(ctx, keysJson(after));
}

export async function removeKey(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const before = loadUser(ctx, p);
  const ak = p.required('access-key');
  if (!before.keys.some((k) => k.accessKey === ak)) throw new GatewayError('InvalidAccessKeyId');
  const after = { ...before, keys: before.keys.filter((k) => k.accessKey !== ak) };
  await ctx.env.store.commit(userMutations(before, after));
  sendJson(ctx, undefined);
}

export async function addCaps(ctx: RequestContext, remove: boolean): Promise<void> {
  const p = paramsOf(ctx);
  const before = loadUser(ctx, p);
  const given = parseCaps(p.required('user-caps'));
  const caps = new Map(before.caps.map((c) => [c.type, c.perm]));
  for (const c of given) {
    if (remove) caps.delete(c.type);
    else caps.set(c.type, c.perm);
  }
  const after = { ...before, caps: [...caps].map(([type, perm]) => ({ type, perm })) };
  await ctx.env.store.commit(userMutations(before, after));
  sendJson(ctx, capsJson(after));
}

/** Quota parameters over the current quota, as RGW parses them (quota/params.ts). */
export function quotaFrom(p: Params, current: Quota): Quota {
  return userQuotaFromParams((name) => p.str(name), current);
}

function quotaType(p: Params): 'user' | 'bucket' {
  const t = p.str('quota-type');
  if (t !== 'user' && t !== 'bucket') throw new GatewayError('InvalidArgument', 'quota-type must be user or bucket');
  return t;
}

export async function getUserQuota(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const u = loadUser(ctx, p);
  sendJson(ctx, quotaJson(quotaType(p) === 'user' ? u.userQuota : u.bucketQuota));
}

export async function setUserQuota(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const before = loadUser(ctx, p);
  const type = quotaType(p);
  const after = type === 'user' ? { ...before, userQuota: quotaFrom(p, before.userQuota) } : { ...before, bucketQuota: quotaFrom(p, before.bucketQuota) };
  await ctx.env.store.commit(userMutations(before, after));
  sendJson(ctx, undefined);
}
