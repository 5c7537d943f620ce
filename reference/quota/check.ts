// Quota enforcement hook, called synchronously right before a write that adds data is committed (so the check
// and the commit cannot interleave with another request). Throws QuotaExceeded when a limit would be passed.
// FIRST CUT: bucket quota only; the quota work completes user/account scopes (rgw_quota.cc semantics).
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import { roundedSize, type BucketRecord } from '../bucket/model.js';

export interface QuotaDelta {
  bucket: BucketRecord;
  /** Size of the object being written (RGW checks the new object's size, not the net change). */
  addBytes: number;
  /** Objects the write adds to the count RGW checks against (1 for any PUT, overwrites included). */
  addObjects: number;
}

export function checkQuota(_env: GatewayEnv, d: QuotaDelta): void {
  const q = d.bucket.quota;
  if (!q.enabled) return;
  if (q.maxObjects >= 0 && d.bucket.numObjects + d.addObjects > q.maxObjects) throw new GatewayError('QuotaExceeded', '', { BucketName: d.bucket.name });
  const size = q.checkOnRaw ? d.bucket.size + d.addBytes : d.bucket.sizeRounded + roundedSize(d.addBytes);
  if (q.maxSize >= 0 && size > q.maxSize) throw new GatewayError('QuotaExceeded', '', { BucketName: d.bucket.name });
}
