// Quota enforcement (rgw_quota.cc semantics), called synchronously right before a write that adds data is
// committed, so the check and the commit cannot interleave with another request:
// - scopes: the bucket quota (the bucket's own if enabled, else its owner's bucket quota: the user's for
//   classic owners, the account's for account-owned buckets) and the owner quota (the user quota of a classic
//   owner; the account quota for account-owned buckets — whoever writes, user, root or role);
// - a scope applies only when enabled; -1 limits are off;
// - objects: current + 1 > max_objects is exceeded, overwrites included (RGW counts the new object);
// - size: current rounded size + the object's size rounded up to 4 KiB > max_size (raw sizes with check_on_raw).
// The reference's stats are exact and immediate; RGW's lag (it caches them), see docs/rgw-behaviour.md.
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { T, type AccountRecord, type Quota, type UserRecord } from '../identity/model.js';
import { roundedSize, type BucketRecord } from '../bucket/model.js';

export interface QuotaDelta {
  bucket: BucketRecord;
  /** Size of the object being written (RGW checks the new object's size, not the net change). */
  addBytes: number;
  /** Objects the write adds to the count RGW checks against (1 for any PUT, overwrites included). */
  addObjects: number;
}

interface Stats {
  size: number;
  sizeRounded: number;
  numObjects: number;
}

function exceeded(q: Quota, s: Stats, d: QuotaDelta): boolean {
  if (!q.enabled) return false;
  if (q.maxObjects >= 0 && s.numObjects + d.addObjects > q.maxObjects) return true;
  if (q.maxSize >= 0) {
    const size = q.checkOnRaw ? s.size + d.addBytes : s.sizeRounded + roundedSize(d.addBytes);
    if (size > q.maxSize) return true;
  }
  return false;
}

export function ownerStats(env: GatewayEnv, owner: BucketRecord['owner']): Stats {
  const s: Stats = { size: 0, sizeRounded: 0, numObjects: 0 };
  for (const [, b] of env.store.list<BucketRecord>(T.buckets)) {
    if (b.owner.kind !== owner.kind || b.owner.id !== owner.id) continue;
    s.size += b.size;
    s.sizeRounded += b.sizeRounded;
    s.numObjects += b.numObjects;
  }
  return s;
}

/** The quotas RGW applies to writes into this bucket: [bucket scope, owner scope]. */
export function applicableQuotas(env: GatewayEnv, bucket: BucketRecord): { bucket?: Quota; owner?: Quota } {
  let ownerQuota: Quota | undefined;
  let ownerBucketQuota: Quota | undefined;
  if (bucket.owner.kind === 'account') {
    const a = env.store.get<AccountRecord>(T.accounts, bucket.owner.id);
    ownerQuota = a?.quota;
    ownerBucketQuota = a?.bucketQuota;
  } else {
    const u = env.store.get<UserRecord>(T.users, bucket.owner.id);
    ownerQuota = u?.userQuota;
    ownerBucketQuota = u?.bucketQuota;
  }
  return { bucket: bucket.quota.enabled ? bucket.quota : ownerBucketQuota, owner: ownerQuota };
}

export function checkQuota(env: GatewayEnv, d: QuotaDelta): void {
  const { bucket, owner } = applicableQuotas(env, d.bucket);
  const fail = (): never => {
    throw new GatewayError('QuotaExceeded', '', { BucketName: d.bucket.name });
  };
  if (bucket?.enabled && exceeded(bucket, d.bucket, d)) fail();
  if (owner?.enabled && exceeded(owner, ownerStats(env, d.bucket.owner), d)) fail();
}
