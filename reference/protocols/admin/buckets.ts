// /admin/bucket: info (one bucket, or the names a user owns), remove (with purge-objects), bucket quota.
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { T, parseUserKey, userKey } from '../../identity/model.js';
import { bucketKey, type BucketRecord, type ObjectRecord } from '../../bucket/model.js';
import { paramsOf } from './params.js';
import { bucketJson } from './render.js';
import { sendJson } from './send.js';
import { quotaFrom } from './users.js';

const ZONEGROUP_ID = '4945aff9-819a-4687-a47f-0de7ac0808b7';

function findBucket(ctx: RequestContext, name: string): BucketRecord {
  const colon = name.indexOf('/') >= 0 ? name.indexOf('/') : name.indexOf(':');
  const [tenant, bucket] = colon >= 0 ? [name.slice(0, colon), name.slice(colon + 1)] : [paramsOf(ctx).str('tenant') ?? '', name];
  const b = ctx.env.store.get<BucketRecord>(T.buckets, bucketKey(tenant, bucket));
  if (!b) throw new GatewayError('NoSuchBucket');
  return b;
}

export async function getBucketInfo(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const name = p.str('bucket');
  if (name) return sendJson(ctx, bucketJson(findBucket(ctx, name), ZONEGROUP_ID));
  const uid = p.str('uid');
  const all = ctx.env.store.list<BucketRecord>(T.buckets).map(([, b]) => b);
  if (uid) {
    const { tenant, id } = parseUserKey(uid);
    const key = userKey(tenant, id);
    const owned = all.filter((b) => b.owner.kind === 'user' && b.owner.id === key);
    return sendJson(ctx, p.bool('stats') ? owned.map((b) => bucketJson(b, ZONEGROUP_ID)) : owned.map((b) => b.name));
  }
  sendJson(ctx, p.bool('stats') ? all.map((b) => bucketJson(b, ZONEGROUP_ID)) : all.map((b) => (b.tenant ? `${b.tenant}/${b.name}` : b.name)));
}

export async function removeBucket(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const b = findBucket(ctx, p.required('bucket'));
  const store = ctx.env.store;
  const objects = store.list<ObjectRecord>(T.objects, { prefix: `${b.marker}/` });
  if (objects.length && !p.bool('purge-objects')) throw new GatewayError('BucketNotEmpty');
  await store.commit([...objects.map(([key]) => ({ table: T.objects, key })), { table: T.buckets, key: bucketKey(b.tenant, b.name) }]);
  for (const [, o] of objects) await store.blobs.delete(o.blob);
  sendJson(ctx, undefined);
}

export async function setBucketQuota(ctx: RequestContext): Promise<void> {
  const p = paramsOf(ctx);
  const b = findBucket(ctx, p.required('bucket'));
  await ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: { ...b, quota: quotaFrom(p, b.quota) } }]);
  sendJson(ctx, undefined);
}
