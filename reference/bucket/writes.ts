// Object writes and deletes with exact bucket stats: the object row and the bucket's counters change in one
// commit, computed from the bucket row as it is at commit time (no await between read and commit).
import type { GatewayEnv } from '../env.js';
import { T } from '../identity/model.js';
import { checkQuota } from '../quota/check.js';
import { bucketKey, objectKey, roundedSize, type BucketRecord, type ObjectRecord } from './model.js';
import type { Mutation } from '../store/store.js';

function current(env: GatewayEnv, b: BucketRecord): BucketRecord {
  return env.store.get<BucketRecord>(T.buckets, bucketKey(b.tenant, b.name)) ?? b;
}

/** Put `obj` into the bucket: quota-checked, stats updated, the replaced object's blob released. */
export async function commitObject(env: GatewayEnv, bucketAtStart: BucketRecord, obj: ObjectRecord, extra: Mutation[] = []): Promise<void> {
  const bucket = current(env, bucketAtStart);
  const key = objectKey(bucket.marker, obj.key);
  const old = env.store.get<ObjectRecord>(T.objects, key);
  checkQuota(env, { bucket, addBytes: obj.size, addObjects: 1 });
  const next: BucketRecord = {
    ...bucket,
    numObjects: bucket.numObjects + (old ? 0 : 1),
    size: bucket.size + obj.size - (old?.size ?? 0),
    sizeRounded: bucket.sizeRounded + roundedSize(obj.size) - (old ? roundedSize(old.size) : 0),
  };
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
  const next: BucketRecord = {
    ...bucket,
    numObjects: Math.max(0, bucket.numObjects - 1),
    size: Math.max(0, bucket.size - old.size),
    sizeRounded: Math.max(0, bucket.sizeRounded - roundedSize(old.size)),
  };
  await env.store.commit([{ table: T.objects, key }, { table: T.buckets, key: bucketKey(bucket.tenant, bucket.name), value: next }]);
  await env.store.blobs.delete(old.blob);
  return old;
}
