// /admin/user: create (PUT), info (GET, by uid or access key), modify (POST), remove (DELETE), list (GET
// ?list), as RGW 20.2.4's RGWOp_User_* and RGWUser do them (rgw_rest_user.cc, driver/rados/rgw_user.cc;
// every rule below probed, docs/rgw-behaviour/admin.md):
// - only create reads `tenant` (it overrides a tenant in the uid); the other ops take the uid as given;
// - a `system=true` from a caller that is not a system user is InvalidArgument before anything else;
// - create: anonymous/empty uid → InvalidArgument; a user found by uid / email / access key →
//   UserAlreadyExists / EmailExists / KeyExists; no display name → InvalidArgument; bad tenant →
//   InvalidTenantName; then the account (bad id InvalidArgument, unknown NoSuchKey, another tenant or a
//   display name that is no IAM user name InvalidArgument, a name taken in it UserAlreadyExists), the key
//   and the caps. Admin Ops ignores the account's max-users and max-access-keys (IAM enforces them);
// - modify: a user found only through its email or access key is a uid mismatch (InvalidArgument);
//   user-caps are ignored; an email equal to another user's (any case) is EmailExists;
// - remove: a user that owns buckets needs purge-data (else 409 BucketAlreadyExists); account members'
//   buckets belong to the account and never block it.
import { GatewayError } from '../../errors.js';
import { getAccount, isAccountId } from '../../identity/accounts.js';
import { applyCaps, hasCap } from '../../identity/caps.js';
import { joinAccount } from '../../identity/iam-users.js';
import { addOrModifyKey, keyRequest } from '../../identity/keys.js';
import { T, parseUserKey, userKey, type AccessKey, type UserRecord } from '../../identity/model.js';
import {
  accountUserByName, buildUser, isAnonymousUid, isIamUserName, resolveUser, userByEmail, userMutations, validateTenant, type FoundBy,
} from '../../identity/users.js';
import type { BucketRecord } from '../../bucket/model.js';
import { ownerStatsJson } from '../../quota/usage.js';
import type { AdminArgs } from './args.js';
import { purgeBucket } from './buckets.js';
import { list, section, type Doc } from './format.js';
import { normaliseOpMask } from './op-mask.js';
import type { AdminCall, AdminResult } from './operation.js';
import { userSection } from './render.js';

const invalid = (): GatewayError => new GatewayError('InvalidArgument');

/** RGWUser::init and has_existing_user: the user, or NoSuchUser (InvalidArgument for the anonymous uid). */
export function existingUser(c: AdminCall, extra: { email?: string; accessKey?: string } = {}): { user: UserRecord; by: FoundBy } {
  const uid = parseUserKey(c.args.str('uid'));
  const found = resolveUser(c.store, { ...uid, email: extra.email || undefined, accessKey: extra.accessKey || undefined });
  if (found) return found;
  throw isAnonymousUid(uid.id) ? invalid() : new GatewayError('NoSuchUser');
}

/** The caller may not set the system flag unless it is a system user itself. */
function checkSystemFlag(c: AdminCall): void {
  if (c.args.bool('system', false).value && !c.caller.system) throw invalid();
}

/** default-placement must name an existing placement (and storage class): RGW has only the default one. */
function placementOf(a: AdminArgs): { defaultPlacement: string; defaultStorageClass: string } | undefined {
  const name = a.str('default-placement');
  if (!name) return undefined;
  const storageClass = a.str('default-storage-class');
  if (name !== 'default-placement' || (storageClass !== '' && storageClass !== 'STANDARD')) throw invalid();
  return { defaultPlacement: name, defaultStorageClass: storageClass };
}

const placementTags = (a: AdminArgs): string[] | undefined => (a.str('placement-tags') ? a.str('placement-tags').split(',').filter(Boolean) : undefined);

/** RGW reads max-buckets into an int32 and stores any negative value as -1. */
const maxBuckets = (v: number): number => (v < 0 ? -1 : v);

/** The keys after an Admin Ops key request: s3 (the default), swift (needs a subuser: InvalidAccessKeyId), or none for other types. */
function keysAfter(c: AdminCall, keys: readonly AccessKey[], keyType: string, req: ReturnType<typeof keyRequest>): readonly AccessKey[] {
  if (!req) return keys;
  if (keyType === 'swift') throw new GatewayError('InvalidAccessKeyId');
  if (keyType !== '' && keyType !== 's3') return keys;
  return addOrModifyKey(c.store, keys, req, c.now);
}

export async function createUser(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  checkSystemFlag(c);
  const uid = parseUserKey(a.str('uid'));
  if (a.str('tenant')) uid.tenant = a.str('tenant');
  const placement = placementOf(a);
  const displayName = a.str('display-name');
  const email = a.str('email');
  const accessKey = a.str('access-key');
  const keyType = a.str('key-type');
  if (isAnonymousUid(uid.id)) throw invalid();
  const found = resolveUser(c.store, { ...uid, email: email || undefined, accessKey: keyType === 'swift' ? undefined : accessKey || undefined });
  if (found) throw new GatewayError(found.by === 'email' ? 'EmailExists' : found.by === 'key' ? 'KeyExists' : 'UserAlreadyExists');
  if (!displayName) throw invalid();
  validateTenant(uid.tenant);
  const accountId = a.str('account-id');
  const accountRoot = a.bool('account-root', false).value;
  if (accountId) {
    if (!isAccountId(accountId)) throw invalid();
    const account = getAccount(c.store, accountId);
    if (!account) throw new GatewayError('ENOENT');
    if (account.tenant !== uid.tenant || !isIamUserName(displayName)) throw invalid();
    if (accountUserByName(c.store, accountId, displayName)) throw new GatewayError('UserAlreadyExists');
  } else if (accountRoot) throw invalid();
  const user: UserRecord = {
    ...buildUser(
      {
        tenant: uid.tenant,
        id: uid.id,
        displayName,
        email,
        accountId: accountId || undefined,
        accountRoot: accountId ? accountRoot : false,
        maxBuckets: maxBuckets(a.int32('max-buckets', 1000, 1000).value),
        suspended: a.bool('suspended', false).value,
        path: a.str('path') || '/',
        opMask: a.str('op-mask') ? normaliseOpMask(a.str('op-mask')) : undefined,
        system: a.bool('system', false).value,
      },
      c.now,
    ),
    ...placement,
  };
  const tags = placementTags(a);
  if (tags) user.placementTags = tags;
  user.keys = [...keysAfter(c, [], keyType, keyRequest(accessKey, a.str('secret-key'), a.bool('generate-key', true).value))];
  if (a.str('user-caps')) user.caps = applyCaps([], a.str('user-caps'), 'add');
  await c.store.commit(userMutations(undefined, user));
  return { name: 'user_info', value: userSection(user, { keys: true }) };
}

export async function getUserInfo(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  if (!a.str('uid') && !a.str('access-key')) throw invalid();
  const { user } = existingUser(c, { accessKey: a.str('access-key') });
  // dump_keys: the users=read cap (user-info-without-keys alone hides them), or a system caller.
  const keys = hasCap(c.caller.caps, 'users', 'read') || c.caller.system || c.caller.admin;
  const stats = a.bool('stats', false).value ? ownerStatsJson(c.ctx.env, user) : undefined;
  return { name: 'user_info', value: userSection(user, { keys, stats }) };
}

export async function modifyUser(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  checkSystemFlag(c);
  const placement = placementOf(a);
  if (isAnonymousUid(parseUserKey(a.str('uid')).id)) throw invalid();
  const email = a.has('email') ? a.str('email') : undefined;
  const found = existingUser(c, { email, accessKey: a.str('access-key') });
  if (found.by !== 'uid') throw invalid(); // RGWUser::check_op: "user id mismatch"
  const before = found.user;
  const after: UserRecord = { ...before };
  const me = userKey(before.tenant, before.id);
  if (email) {
    const owner = email !== before.email ? userByEmail(c.store, email) : undefined;
    if (owner && userKey(owner.tenant, owner.id) !== me) throw new GatewayError('EmailExists');
    after.email = email;
  } else if (email === '') after.email = '';
  const joining = a.str('account-id') && a.str('account-id') !== before.accountId ? a.str('account-id') : undefined;
  const displayName = a.str('display-name');
  if (displayName) {
    if (before.accountId) {
      if (!isIamUserName(displayName)) throw invalid();
      const clash = accountUserByName(c.store, before.accountId, displayName);
      if (clash && userKey(clash.tenant, clash.id) !== me) throw new GatewayError('EEXIST');
    }
    after.displayName = displayName;
  }
  const mb = a.int32('max-buckets', 1000, before.maxBuckets);
  if (mb.present) after.maxBuckets = maxBuckets(mb.value);
  const suspended = a.bool('suspended', false);
  if (suspended.present) after.suspended = suspended.value;
  const system = a.bool('system', false);
  if (system.present) after.system = system.value;
  if (a.str('op-mask')) after.opMask = normaliseOpMask(a.str('op-mask'));
  if (placement) Object.assign(after, placement);
  const tags = placementTags(a);
  if (tags) after.placementTags = tags;
  if (a.str('path')) after.path = a.str('path');
  const root = a.bool('account-root', false);
  if (root.present) {
    if (root.value && !before.accountId && !joining) throw invalid();
    if (before.accountId || joining) after.accountRoot = root.value;
  }
  after.keys = [...keysAfter(c, before.keys, a.str('key-type'), keyRequest(a.str('access-key'), a.str('secret-key'), a.bool('generate-key', false).value))];
  let stored = before;
  if (joining) {
    if (!isAccountId(joining)) throw invalid();
    // Moves the user's buckets to the account first, then checks the name (identity/iam-users.ts).
    stored = await joinAccount(c.store, before, joining);
    after.accountId = stored.accountId;
  }
  await c.store.commit(userMutations(stored, after));
  return { name: 'user_info', value: userSection(after, { keys: true }) };
}

export async function removeUser(c: AdminCall): Promise<AdminResult> {
  const uid = parseUserKey(c.args.str('uid'));
  if (isAnonymousUid(uid.id)) throw invalid();
  const { user } = existingUser(c);
  const me = userKey(user.tenant, user.id);
  const owned = c.store.list<BucketRecord>(T.buckets).filter(([, b]) => b.owner.kind === 'user' && b.owner.id === me);
  if (owned.length && !c.args.bool('purge-data', false).value) throw new GatewayError('EEXIST');
  for (const [, b] of owned) await purgeBucket(c.ctx.env, b);
  await c.store.commit(userMutations(user, undefined));
  return undefined;
}

/** The list marker names the next uid (RGW's is a RADOS position; the reference's has the same look). */
const MARKER = /^\d+:[0-9a-f]{8}:users\.uid::(.*):head$/;
export const userMarker = (uid: string): string => `0:00000000:users.uid::${uid}:head`;

/** A page of uids in the reference's order (RGW lists in RADOS hash order); undefined for a bad marker. */
export function pageOfUids(c: AdminCall, max: number, marker: string): { keys: string[]; next?: string } | undefined {
  let from = '';
  if (marker) {
    const m = MARKER.exec(marker);
    if (!m) return undefined;
    from = m[1]!;
  }
  const all = c.store.list<UserRecord>(T.users).map(([k]) => k).filter((k) => k >= from);
  const keys = all.slice(0, max);
  return { keys, next: all.length > keys.length ? all[keys.length] : undefined };
}

export async function listUsers(c: AdminCall): Promise<AdminResult> {
  const max = Math.min(c.args.uint32('max-entries', 1000, 0).value, 1000);
  const page = pageOfUids(c, max, c.args.str('marker'));
  if (!page) {
    // RGW has already sent its 200 and the opening of the list when the marker turns out to be bad.
    c.ctx.res.statusCode = 200;
    c.ctx.res.setHeader('Content-Length', 9);
    c.ctx.res.end('{"keys":[');
    return 'sent';
  }
  const doc: Doc = {
    name: 'result',
    value: section([
      ['keys', list('key', page.keys)],
      ['truncated', page.next !== undefined],
      ['count', page.keys.length],
      ...(page.next !== undefined ? ([['marker', userMarker(page.next)]] as const) : []),
    ]),
  };
  return doc;
}
