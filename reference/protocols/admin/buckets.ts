// /admin/bucket: info (one bucket, a user's buckets, or all), remove (with purge-objects), quota, as RGW
// 20.2.4 does them (rgw_rest_bucket.cc, rgw_bucket.cc RGWBucketAdminOp; probed, docs/rgw-behaviour/admin.md):
// - a bucket is in the uid's tenant; a name "tenant/name" addresses a tenant's bucket when no uid gives one;
// - GET ?bucket: NoSuchBucket when the bucket or (with a uid) the user is missing; `usage` is always there.
//   With a uid AND a "tenant/name", RGW's existence check takes the name's tenant but the document lookup
//   the uid's tenant and the whole name, finds nothing, and answers 200 with an empty body;
// - GET ?uid: the names of the buckets the user owns — an account member's are the account's; with
//   stats=true each bucket's document instead; an unknown uid answers 200 with an empty body (RGW has
//   started its answer when the listing fails);
// - GET alone: every bucket as "tenant/name" (or documents with stats=true);
// - DELETE: no bucket → InvalidArgument, unknown → NoSuchBucket, objects left without purge-objects →
//   BucketNotEmpty (multipart uploads in progress do not count: they go with the bucket);
// - PUT ?quota: uid and bucket must be present (uid may be empty); an unknown bucket or uid → 404
//   NoSuchKey (ENOENT); parameters as quota/params.ts, or a JSON body (quota-body.ts); answers nothing.
import { GatewayError } from '../../errors.js';
import type { GatewayEnv } from '../../env.js';
import { T, parseUserKey, userKey, type Owner, type UserRecord } from '../../identity/model.js';
import { getUser } from '../../identity/users.js';
import { bucketKey, type BucketRecord, type ObjectRecord, type PartRecord, type UploadRecord } from '../../bucket/model.js';
import { userQuotaFromParams } from '../../quota/params.js';
import type { Mutation, Store } from '../../store/store.js';
import { list, type Value } from './format.js';
import { bodyOf, type AdminCall, type AdminResult } from './operation.js';
import { quotaFromBody } from './quota-body.js';
import { bucketSection } from './render.js';

/** The zonegroup id RGW shows (the shared test cluster's; a reference gateway has one zonegroup). */
const ZONEGROUP_ID = '4945aff9-819a-4687-a47f-0de7ac0808b7';

/** rgw_bucket(tenant, name) as load_bucket takes it: "tenant/name" is split when no tenant is given. */
export function lookupBucket(store: Store, tenant: string, name: string): BucketRecord | undefined {
  let t = tenant;
  let n = name;
  const slash = name.indexOf('/');
  if (!t && slash >= 0) {
    t = name.slice(0, slash);
    n = name.slice(slash + 1);
  }
  return store.get<BucketRecord>(T.buckets, bucketKey(t, n));
}

const show = (b: BucketRecord): Value => bucketSection(b, ZONEGROUP_ID);

/** Buckets owned by the user, or by its account for account members. */
function ownedBy(store: Store, u: UserRecord): BucketRecord[] {
  const owner: Owner = u.accountId ? { kind: 'account', id: u.accountId } : { kind: 'user', id: userKey(u.tenant, u.id) };
  return store.list<BucketRecord>(T.buckets).map(([, b]) => b).filter((b) => b.owner.kind === owner.kind && b.owner.id === owner.id);
}

export async function getBucketInfo(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  const stats = a.bool('stats', false).value;
  const uidText = a.str('uid');
  const uid = parseUserKey(uidText);
  const tenant = uidText ? uid.tenant : '';
  const name = a.str('bucket');
  if (name) {
    // RGWBucket::init: a "tenant/name" wins over the uid's tenant; the user must exist.
    const slash = name.indexOf('/');
    const found = slash >= 0 ? lookupBucket(c.store, name.slice(0, slash), name.slice(slash + 1)) : lookupBucket(c.store, tenant, name);
    if (!found || (uidText && !getUser(c.store, uid.tenant, uid.id))) throw new GatewayError('NoSuchBucket');
    // bucket_stats() after the answer has started: the uid's tenant, the name as given.
    const b = lookupBucket(c.store, tenant, name);
    return b ? { name: 'stats', value: show(b) } : undefined;
  }
  if (uidText) {
    const user = getUser(c.store, uid.tenant, uid.id);
    if (!user) return undefined;
    const owned = ownedBy(c.store, user);
    if (!stats) return { name: 'buckets', value: list('bucket', owned.map((b) => b.name)) };
    const shown = owned.map((b) => lookupBucket(c.store, tenant, b.name)).filter((b): b is BucketRecord => b !== undefined);
    return { name: 'buckets', value: list('stats', shown.map(show)) };
  }
  const all = c.store.list<BucketRecord>(T.buckets).map(([, b]) => b);
  if (stats) return { name: 'buckets', value: list('stats', all.map(show)) };
  return { name: 'buckets', value: list('bucket', all.map((b) => (b.tenant ? `${b.tenant}/${b.name}` : b.name))) };
}

/** Everything a bucket holds, then the bucket: objects, uploads in progress and their parts, and the blobs. */
export async function purgeBucket(env: GatewayEnv, b: BucketRecord): Promise<void> {
  const store = env.store;
  const objects = store.list<ObjectRecord>(T.objects, { prefix: `${b.marker}/` });
  const uploads = store.list<UploadRecord>(T.uploads, { prefix: `${b.marker}/` });
  const parts = uploads.flatMap(([, u]) => store.list<PartRecord>(T.parts, { prefix: `${u.uploadId}/` }));
  const m: Mutation[] = [
    ...objects.map(([key]) => ({ table: T.objects, key })),
    ...uploads.map(([key]) => ({ table: T.uploads, key })),
    ...parts.map(([key]) => ({ table: T.parts, key })),
    { table: T.buckets, key: bucketKey(b.tenant, b.name) },
  ];
  await store.commit(m);
  for (const [, o] of objects) await store.blobs.delete(o.blob);
  for (const [, p] of parts) await store.blobs.delete(p.blob);
}

export async function removeBucket(c: AdminCall): Promise<AdminResult> {
  const name = c.args.str('bucket');
  if (!name) throw new GatewayError('InvalidArgument');
  const b = lookupBucket(c.store, '', name);
  if (!b) throw new GatewayError('NoSuchBucket');
  // Uploads in progress do not count (RGW aborts them with the bucket), objects do.
  if (c.store.count(T.objects, `${b.marker}/`) > 0 && !c.args.bool('purge-objects', false).value) throw new GatewayError('BucketNotEmpty');
  await purgeBucket(c.ctx.env, b);
  return undefined;
}

export async function setBucketQuota(c: AdminCall): Promise<AdminResult> {
  const a = c.args;
  if (!a.has('uid') || !a.has('bucket')) throw new GatewayError('InvalidArgument');
  const uid = parseUserKey(a.str('uid'));
  const name = a.str('bucket');
  const body = bodyOf(c);
  const found = (): BucketRecord => {
    const b = lookupBucket(c.store, uid.tenant, name);
    if (!b) throw new GatewayError('ENOENT');
    return b;
  };
  const quota = body ? quotaFromBody(body) : userQuotaFromParams((n) => (a.has(n) ? a.str(n) : undefined), found().quota);
  const b = found();
  if (uid.id && !getUser(c.store, uid.tenant, uid.id)) throw new GatewayError('ENOENT');
  await c.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: { ...b, quota } }]);
  return undefined;
}
