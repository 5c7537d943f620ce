// Bucket lookups shared by the S3 front end, Admin Ops bucket info and quotas: one place that knows how bucket,
// object and upload rows are keyed.
import { T, type Owner } from '../identity/model.js';
import type { Store } from '../store/store.js';
import { bucketKey, type BucketRecord } from './model.js';

export function getBucket(store: Store, tenant: string, name: string): BucketRecord | undefined {
  return store.get<BucketRecord>(T.buckets, bucketKey(tenant, name));
}

const sameOwner = (a: Owner, b: Owner): boolean => a.kind === b.kind && a.id === b.id;

/** The buckets `owner` owns, in name order; within one tenant when given (ListBuckets lists one tenant). */
export function bucketsOwnedBy(store: Store, owner: Owner, tenant?: string): BucketRecord[] {
  return store
    .list<BucketRecord>(T.buckets, tenant === undefined ? {} : { prefix: `${tenant}/` })
    .map(([, b]) => b)
    .filter((b) => sameOwner(b.owner, owner));
}

/** RGW refuses to delete a bucket that still has objects or multipart uploads. */
export function bucketIsEmpty(store: Store, b: BucketRecord): boolean {
  return store.count(T.objects, `${b.marker}/`) === 0 && store.count(T.uploads, `${b.marker}/`) === 0;
}
