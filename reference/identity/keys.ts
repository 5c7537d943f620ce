// S3 access keys of a user, as RGW's RGWAccessKeyPool handles them (driver/rados/rgw_user.cc), verified on
// RGW 20.2.4 (docs/rgw-behaviour/admin.md). Access keys are unique across the whole gateway; a user's keys
// are kept (and listed) sorted by access key, as RGW's std::map keeps them.
//
// A key request names an access key and/or a secret and says which of them to generate:
// - a key the user already has is modified: a generated secret if asked, else the given one if any; the
//   active flag when given (a new key is always active);
// - otherwise a new key: no access key and none to generate → InvalidAccessKeyId ("empty access key");
//   an access key someone else has → KeyExists; no secret and none to generate → InvalidSecretKey.
// Generated access keys are 20 upper-case alphanumerics, secrets 40 alphanumerics (identity/generate.ts).
import { GatewayError } from '../errors.js';
import type { Store } from '../store/store.js';
import { newAccessKey, newSecretKey } from './generate.js';
import { T, type AccessKey } from './model.js';

export interface KeyRequest {
  accessKey: string;
  secretKey: string;
  genAccess: boolean;
  genSecret: boolean;
  /** Only applies to a key the user already has. */
  active?: boolean;
}

/**
 * RGWUserAdminOpState's key flags from the parameters: a given access key or secret is used as is, and
 * `generate` (set_generate_key) generates whichever of the two was not given.
 */
export function keyRequest(accessKey: string, secretKey: string, generate: boolean, active?: boolean): KeyRequest | undefined {
  if (!accessKey && !secretKey && !generate) return undefined;
  return { accessKey, secretKey, genAccess: generate && !accessKey, genSecret: generate && !secretKey, active };
}

export function sortKeys(keys: readonly AccessKey[]): AccessKey[] {
  return [...keys].sort((a, b) => (a.accessKey < b.accessKey ? -1 : a.accessKey > b.accessKey ? 1 : 0));
}

export const accessKeyTaken = (store: Store, accessKey: string): boolean => store.get(T.keys, accessKey) !== undefined;

function uniqueAccessKey(store: Store): string {
  let id: string;
  do id = newAccessKey();
  while (accessKeyTaken(store, id));
  return id;
}

/** A brand-new key (IAM CreateAccessKey, and Admin Ops when the access key is new). */
export function newKey(store: Store, now: string, given?: { accessKey?: string; secretKey?: string }): AccessKey {
  let accessKey = given?.accessKey;
  if (accessKey) {
    if (accessKeyTaken(store, accessKey)) throw new GatewayError('KeyExists');
  } else accessKey = uniqueAccessKey(store);
  return { accessKey, secretKey: given?.secretKey || newSecretKey(), active: true, createDate: now };
}

/** RGWAccessKeyPool::add: the user's keys after the request (modify an existing key, or add a new one). */
export function addOrModifyKey(store: Store, keys: readonly AccessKey[], r: KeyRequest, now: string): AccessKey[] {
  if (!r.genAccess && !r.accessKey) throw new GatewayError('InvalidAccessKeyId');
  const existing = r.genAccess ? undefined : keys.find((k) => k.accessKey === r.accessKey);
  if (existing) {
    const secretKey = r.genSecret ? newSecretKey() : r.secretKey || existing.secretKey;
    const changed = { ...existing, secretKey, active: r.active ?? existing.active };
    return sortKeys(keys.map((k) => (k === existing ? changed : k)));
  }
  if (!r.genAccess && accessKeyTaken(store, r.accessKey)) throw new GatewayError('KeyExists');
  if (!r.genSecret && !r.secretKey) throw new GatewayError('InvalidSecretKey');
  const accessKey = r.genAccess ? uniqueAccessKey(store) : r.accessKey;
  const secretKey = r.genSecret ? newSecretKey() : r.secretKey;
  return sortKeys([...keys, { accessKey, secretKey, active: true, createDate: now }]);
}

/** RGWAccessKeyPool::remove: InvalidAccessKeyId unless the user has this key. */
export function removeKey(keys: readonly AccessKey[], accessKey: string): AccessKey[] {
  if (!accessKey) throw new GatewayError('InvalidAccessKeyId');
  if (!keys.some((k) => k.accessKey === accessKey)) throw new GatewayError('InvalidAccessKeyId');
  return keys.filter((k) => k.accessKey !== accessKey);
}
