// The Admin Ops user every gateway starts with: uid "admin" with the caps a harness needs.
import type { Store } from '../store/store.js';
import { newAccessKey, newSecretKey } from './generate.js';
import { T, type UserRecord } from './model.js';
import { buildUser } from './users.js';

export const ADMIN_UID = 'admin';
export const ADMIN_CAPS = 'users=*;buckets=*;accounts=*;roles=*;user-policy=*;usage=*;metadata=*;info=read';

export function parseCaps(caps: string): { type: string; perm: string }[] {
  return caps
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [type, perm] = c.split('=');
      return { type: type!.trim(), perm: (perm ?? '').trim() };
    });
}

/**
 * Make sure uid "admin" exists with these keys. Without keys, a durable gateway keeps the admin's existing key and
 * a new one gets generated keys. Returns the keys in force.
 */
export async function ensureAdminUser(
  store: Store,
  wanted: { accessKeyId: string; secretAccessKey: string } | undefined,
  now: Date,
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const existing = store.get<UserRecord>(T.users, ADMIN_UID);
  const current = existing?.keys[0];
  if (!wanted && current) return { accessKeyId: current.accessKey, secretAccessKey: current.secretKey };
  const keys = wanted ?? { accessKeyId: newAccessKey(), secretAccessKey: newSecretKey() };
  if (existing?.keys.some((k) => k.accessKey === keys.accessKeyId && k.secretKey === keys.secretAccessKey)) return keys;
  const key = { accessKey: keys.accessKeyId, secretKey: keys.secretAccessKey, active: true, createDate: now.toISOString() };
  const user: UserRecord = existing
    ? { ...existing, keys: [...existing.keys.filter((k) => k.accessKey !== keys.accessKeyId), key] }
    : { ...buildUser({ tenant: '', id: ADMIN_UID, displayName: 'admin', caps: parseCaps(ADMIN_CAPS) }, now.toISOString()), keys: [key] };
  await store.commit([
    { table: T.users, key: ADMIN_UID, value: user },
    { table: T.keys, key: keys.accessKeyId, value: ADMIN_UID },
  ]);
  return keys;
}
