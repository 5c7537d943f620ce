// /admin/user?key (PUT create or change, DELETE remove) and /admin/user?caps (PUT add, DELETE remove), as
// RGW 20.2.4's RGWOp_Key_* / RGWOp_Caps_* do them (probed, docs/rgw-behaviour/admin.md):
// - the user is found by uid, or, when the uid finds nobody, by the access key: a key request that names
//   another user's access key acts on that user (RGWUser::init has no uid check on these paths);
// - PUT ?key generates by default (generate-key=true): an existing key of the user gets a new secret unless
//   one is given; `active` changes an existing key only; the answer is every S3 key of the user, sorted;
//   key-type swift needs a subuser (InvalidAccessKeyId), another unknown type does nothing (empty answer);
// - DELETE ?key of a key the user does not have → 403 InvalidAccessKeyId; answers nothing;
// - caps answer the user's caps after the change (identity/caps.ts has the rules).
import { applyCaps } from '../../identity/caps.js';
import { addOrModifyKey, removeKey } from '../../identity/keys.js';
import { userMutations } from '../../identity/users.js';
import { GatewayError } from '../../errors.js';
import type { AdminCall, AdminResult } from './operation.js';
import { capsList, keysList } from './render.js';
import { existingUser } from './users.js';

/** Subusers (and so swift keys) are not reproduced: see docs/rgw-behaviour/admin.md. */
function noSubuser(c: AdminCall): void {
  if (c.args.str('subuser')) throw new GatewayError('NotImplemented');
}

export async function createKey(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  noSubuser(c);
  const accessKey = a.str('access-key');
  const { user } = existingUser(c, { accessKey });
  const keyType = a.str('key-type');
  if (keyType === 'swift') throw new GatewayError('InvalidAccessKeyId');
  if (keyType !== '' && keyType !== 's3') return undefined;
  const generate = a.bool('generate-key', true).value;
  const active = a.bool('active', true);
  const secretKey = a.str('secret-key');
  const req = { accessKey, secretKey, genAccess: generate && !accessKey, genSecret: generate && !secretKey, active: active.present ? active.value : undefined };
  const after = { ...user, keys: addOrModifyKey(c.store, user.keys, req, c.now) };
  await c.store.commit(userMutations(user, after));
  return { name: 'keys', value: keysList(after) };
}

export async function deleteKey(c: AdminCall): Promise<AdminResult> {
  noSubuser(c);
  const accessKey = c.args.str('access-key');
  const { user } = existingUser(c, { accessKey });
  const after = { ...user, keys: removeKey(user.keys, accessKey) };
  await c.store.commit(userMutations(user, after));
  return undefined;
}

async function changeCaps(c: AdminCall, op: 'add' | 'remove'): Promise<AdminResult> {
  const { user } = existingUser(c);
  const after = { ...user, caps: applyCaps(user.caps, c.args.str('user-caps'), op) };
  await c.store.commit(userMutations(user, after));
  return { name: 'caps', value: capsList(after.caps) };
}

export const addCaps = (c: AdminCall): Promise<AdminResult> => changeCaps(c, 'add');
export const removeCaps = (c: AdminCall): Promise<AdminResult> => changeCaps(c, 'remove');
