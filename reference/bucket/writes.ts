// Object writes and deletes with exact bucket stats: the object row and the bucket's counters change in one
// commit, computed from the bucket row as it is at commit time (no await between read and commit). How each
// write moves the counters is quota/accounting.ts's job; quota/check.ts decides whether it may.
import type { GatewayEnv } from '../env.js';
import { T } from '../identity/model.js';
import { checkQuota } from '../quota/check.js';
import { objectRemoved, objectWritten, uploadEnded } from '../quota/accounting.js';
import { bucketKey, objectKey, type BucketRecord, type ObjectRecord, type UploadRecord } from './model.js';
import type { Mutation } from '../store/store.js';

function current(env: GatewayEnv, b: BucketRecord): BucketRecord {
  return env.store.get<BucketRecord>(T.buckets, bucketKey(b.tenant, b.name)) ?? b;
}

export interface CommitOptions {
  /** The multipart upload this object completes: no quota check (RGW has none there), and the upload's part
   *  and meta entries leave the stats in the same commit. */
  completes?: UploadRecord;
}

/** Put `obj` into the bucket: quota-checked, stats updated, the replaced object's blob released. */
export async function commitObject(env: GatewayEnv, bucketAtStart: BucketRecord, obj: ObjectRecord, extra: Mutation[] = [], options: CommitOptions = {}): Promise<void> {
  const bucket = current(env, bucketAtStart);
  const key = objectKey(bucket.marker, obj.key);
  const old = env.store.get<ObjectRecord>(T.objects, key);
  if (!options.completes) checkQuota(env, { bucket, addBytes: obj.size, addObjects: 1 });
  let next = objectWritten(bucket, obj.size, old?.size);
  if (options.completes) next = uploadEnded(next, options.completes.accounted);
  const done = env.store.commit([...extra, { table: T.objects, key, value: obj }, { table: T.buckets, key: bucketKey(bucket.tenant, bucket.name), value: next }]);
  await done;
  if (old && old.blob !== obj.blob) await env.store.blobs.delete(old.blob);
}

/** Remove an object; a no-op (like RGW's 204) when it does not exist. */
export async function deleteObject(env: GatewayEnv, bucketAtStart: BucketRecord, name: string): Promise<ObjectRecord | undefined> {
  const bucket = current(env, bucketAtStart);
  const key = objectKey(bucket.marker, name);
  const old = env.store.get<ObjectRecord>(T.objects, key);
  if (!old) return undefined;
  await env.store.commit([{ table: T.objects, key }, { table: T.buckets, key: bucketKey(bucket.tenant, bucket.name), value: objectRemoved(bucket, old.size) }]);
  await env.store.blobs.delete(old.blob);
  return old;
}
