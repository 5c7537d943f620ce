// Quota enforcement, after rgw_quota.cc and RGWOp::init_quota (each point verified on RGW 20.2.4, see
// docs/rgw-behaviour/quota.md):
// - two scopes, bucket then owner. Bucket: the bucket's own quota if enabled, else its owner's bucket quota
//   (the classic user's, or the account's for account-owned buckets). Owner: the bucket OWNER's quota (the
//   classic user's user quota, or the account quota) whoever writes: the writer's own user quota never applies
//   to someone else's bucket, and an account member's user quota never applies to the account's buckets;
// - a scope applies only when enabled, and each limit only when >= 0 (-1, -5 ... are off);
// - objects: current + 1 > max_objects is exceeded, overwrites included (RGW counts the new object);
// - size: current 4 KiB-rounded size + the new object's rounded size > max_size (raw sizes with check_on_raw),
//   the new object's whole size, never the net change of an overwrite;
// - the bucket scope counts every index category (uploads in progress too), the owner scope `rgw.main` only.
// Error: 403 QuotaExceeded, empty message, BucketName. Where RGW checks, and what the callers do:
//   PutObject, UploadPart   before the body with the declared length (checkBeforeBody), and again with the
//                           actual size (checkQuota, in the same synchronous step as the commit);
//   CopyObject              once with the source size, before the copy (callers: checkBeforeBody first, then
//                           checkQuota at commit);
//   CreateMultipartUpload, CompleteMultipartUpload   never.
// checkQuota must run with no await between it and the store commit: the store applies commits synchronously,
// so check-and-commit is atomic with respect to other requests (64 parallel PUTs never overshoot max-objects).
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { T, type AccountRecord, type Quota, type UserRecord } from '../identity/model.js';
import { bucketKey, roundedSize, type BucketRecord } from '../bucket/model.js';
import { bucketQuotaUsage, ownerUsage, type Usage } from './usage.js';

export interface QuotaDelta {
  bucket: BucketRecord;
  /** Size of the object or part being written (RGW checks the new object's size, not the net change). */
  addBytes: number;
  /** Objects the write adds to the count RGW checks (1 for every write, overwrites included). */
  addObjects: number;
}

function exceeded(q: Quota, s: Usage, d: QuotaDelta): boolean {
  if (!q.enabled) return false;
  if (q.maxObjects >= 0 && s.objects + d.addObjects > q.maxObjects) return true;
  if (q.maxSize >= 0) {
    const size = q.checkOnRaw ? s.size + d.addBytes : s.sizeRounded + roundedSize(d.addBytes);
    if (size > q.maxSize) return true;
  }
  return false;
}

/** The quotas RGW applies to writes into this bucket. */
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
  const bucketQuota = bucket.quota.enabled ? bucket.quota : ownerBucketQuota?.enabled ? ownerBucketQuota : undefined;
  return { bucket: bucketQuota, owner: ownerQuota?.enabled ? ownerQuota : undefined };
}

const quotaExceeded = (bucket: BucketRecord): GatewayError => new GatewayError('QuotaExceeded', '', { BucketName: bucket.name });

/** Throws 403 QuotaExceeded when the write would exceed a quota. Synchronous: call it right before the commit. */
export function checkQuota(env: GatewayEnv, d: QuotaDelta): void {
  const q = applicableQuotas(env, d.bucket);
  if (q.bucket && exceeded(q.bucket, bucketQuotaUsage(d.bucket), d)) throw quotaExceeded(d.bucket);
  if (q.owner && exceeded(q.owner, ownerUsage(env, d.bucket.owner), d)) throw quotaExceeded(d.bucket);
}

/**
 * RGW's first check, before any byte of the body is read, with the declared length (Content-Length, or
 * x-amz-decoded-content-length for aws-chunked). Without a declared length (Transfer-Encoding: chunked) RGW
 * skips it. Checks against the bucket as stored now.
 */
export function checkBeforeBody(env: GatewayEnv, bucket: BucketRecord, declaredBytes: number | undefined): void {
  if (declaredBytes === undefined || !Number.isFinite(declaredBytes)) return;
  const current = env.store.get<BucketRecord>(T.buckets, bucketKey(bucket.tenant, bucket.name)) ?? bucket;
  checkQuota(env, { bucket: current, addBytes: declaredBytes, addObjects: 1 });
}
