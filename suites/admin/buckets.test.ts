// /admin/bucket on the reference gateway over HTTP: bucket info (one, a user's, all), account-owned and
// tenants' buckets, removal with purge-objects, as RGW 20.2.4 answers them (docs/rgw-behaviour/admin.md).
import t from 'tap';
import { CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw, isAdminError } from './raw.js';

const f = await fixture(t);
const call = (method: string, query: Record<string, string>) => adminRaw(f.gw.url, method, '/admin/bucket', query, { creds: f.gw.admin });
type Bucket = Record<string, unknown> & { usage: Record<string, unknown>; bucket_quota: unknown };

const BUCKET_FIELDS = [
  'bucket', 'tenant', 'versioning', 'zonegroup', 'placement_rule', 'explicit_placement', 'id', 'marker', 'index_type', 'index_generation',
  'reshard_status', 'judge_reshard_lock_time', 'object_lock_enabled', 'mfa_enabled', 'owner', 'num_shards', 'ver', 'master_ver', 'max_marker',
  'usage', 'mtime', 'creation_time', 'bucket_quota', 'read_tracker',
];

const classic = await f.user('bo');
const s3 = f.s3(classic);
await s3.send(new CreateBucketCommand({ Bucket: 'bo-1' }));
await s3.send(new PutObjectCommand({ Bucket: 'bo-1', Key: 'k1', Body: 'hello' }));
await s3.send(new PutObjectCommand({ Bucket: 'bo-1', Key: 'k2', Body: 'x'.repeat(5000) }));
await s3.send(new CreateBucketCommand({ Bucket: 'bo-2' }));
const acct = await f.account('bacct');
const member = await f.user('bacct-member', { accountId: acct.id });
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'bacct-b' }));
const tenanted = await f.user('tb', { tenant: 'tn' });
await f.s3(tenanted).send(new CreateBucketCommand({ Bucket: 'tn-b' }));

t.test('GET ?bucket: the bucket document with usage, field for field', async (t) => {
  const r = await call('GET', { bucket: 'bo-1' });
  t.equal(r.contentType, null);
  const b = r.json<Bucket>();
  t.same(Object.keys(b), BUCKET_FIELDS);
  t.match(b, { bucket: 'bo-1', tenant: '', versioning: 'off', placement_rule: 'default-placement', owner: 'bo', num_shards: 11, index_type: 'Normal', read_tracker: 1 });
  t.same(b.explicit_placement, { data_pool: '', data_extra_pool: '', index_pool: '' });
  t.equal(b.id, b.marker);
  t.same(b.usage, { 'rgw.main': { size: 5005, size_actual: 12288, size_utilized: 5005, size_kb: 5, size_kb_actual: 12, size_kb_utilized: 5, num_objects: 2 } });
  t.same((await call('GET', { bucket: 'bo-2', stats: 'true' })).json<Bucket>().usage, {}, 'an unused bucket has no category');
  t.same((await call('GET', { bucket: 'bo-2', stats: 'false' })).json<Bucket>().usage, {}, 'usage is there with or without stats');
});

t.test('account-owned buckets name the account; tenants\' buckets are tenant/name or the uid\'s tenant', async (t) => {
  t.equal((await call('GET', { bucket: 'bacct-b' })).json<Bucket>().owner, acct.id);
  t.match((await call('GET', { bucket: 'tn/tn-b' })).json<Bucket>(), { bucket: 'tn-b', tenant: 'tn', owner: 'tn$tb' });
  t.equal((await call('GET', { bucket: 'tn-b', uid: 'tn$tb' })).json<Bucket>().bucket, 'tn-b');
  isAdminError(t, await call('GET', { bucket: 'tn-b' }), 404, 'NoSuchBucket');
  const both = await call('GET', { bucket: 'tn/tn-b', uid: 'tn$tb' });
  t.same([both.status, both.body], [200, ''], 'found, then looked up as tn + "tn/tn-b": RGW ends the answer empty');
});

t.test('GET ?bucket errors', async (t) => {
  isAdminError(t, await call('GET', { bucket: 'nope' }), 404, 'NoSuchBucket');
  isAdminError(t, await call('GET', { bucket: 'bacct-b', uid: 'nobody' }), 404, 'NoSuchBucket', '', 'an unknown uid');
  t.equal((await call('GET', { bucket: 'bacct-b', uid: 'bo' })).status, 200, 'any existing uid will do');
});

t.test('GET ?uid: names, or documents with stats; an account member sees the account\'s', async (t) => {
  t.same((await call('GET', { uid: 'bo' })).json(), ['bo-1', 'bo-2']);
  const docs = (await call('GET', { uid: 'bo', stats: 'true' })).json<Bucket[]>();
  t.same(docs.map((b) => b.bucket), ['bo-1', 'bo-2']);
  t.same(Object.keys(docs[0]!), BUCKET_FIELDS);
  t.same((await call('GET', { uid: member.uid })).json(), ['bacct-b']);
  t.same((await call('GET', { uid: acct.root.uid })).json(), ['bacct-b']);
  t.same((await call('GET', { uid: 'tn$tb' })).json(), ['tn-b'], 'names without the tenant');
  t.same((await call('GET', { uid: 'tn$tb', stats: 'true' })).json<Bucket[]>().map((b) => b.tenant), ['tn']);
  const unknown = await call('GET', { uid: 'nobody' });
  t.same([unknown.status, unknown.body], [200, ''], 'an unknown uid: 200 and no body');
  t.same((await call('GET', { uid: acct.id })).body, '', 'an account id is no uid');
});

t.test('GET without parameters lists every bucket, tenants\' as tenant/name', async (t) => {
  const all = (await call('GET', {})).json<string[]>();
  t.same([...all].sort(), ['bacct-b', 'bo-1', 'bo-2', 'tn/tn-b']);
  t.equal((await call('GET', { stats: 'true' })).json<Bucket[]>().length, 4);
});

t.test('XML: <stats> for one bucket, <buckets><bucket> for names', async (t) => {
  const one = await adminRaw(f.gw.url, 'GET', '/admin/bucket', { bucket: 'bo-2', format: 'xml' }, { creds: f.gw.admin });
  t.equal(one.contentType, 'application/xml');
  t.match(one.body, /^<\?xml version="1\.0" encoding="UTF-8"\?><stats><bucket>bo-2<\/bucket><tenant><\/tenant><versioning>off<\/versioning>/);
  t.match(one.body, /<explicit_placement><data_pool><\/data_pool><data_extra_pool><\/data_extra_pool><index_pool><\/index_pool><\/explicit_placement>/);
  t.match(one.body, /<usage><\/usage>.*<read_tracker>1<\/read_tracker><\/stats>$/);
  const names = await adminRaw(f.gw.url, 'GET', '/admin/bucket', { uid: 'bo', format: 'xml' }, { creds: f.gw.admin });
  t.equal(names.body, '<?xml version="1.0" encoding="UTF-8"?><buckets><bucket>bo-1</bucket><bucket>bo-2</bucket></buckets>');
});

t.test('DELETE: empty buckets; purge-objects for the others; errors', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'bo-mp' }));
  await s3.send(new CreateMultipartUploadCommand({ Bucket: 'bo-mp', Key: 'big' }));
  isAdminError(t, await call('DELETE', { bucket: 'bo-1' }), 409, 'BucketNotEmpty');
  const r = await call('DELETE', { bucket: 'bo-1', 'purge-objects': 'true' });
  t.same([r.status, r.body, r.contentType], [200, '', null]);
  isAdminError(t, await call('GET', { bucket: 'bo-1' }), 404, 'NoSuchBucket');
  t.equal((await call('DELETE', { bucket: 'bo-2' })).status, 200);
  t.equal((await call('DELETE', { bucket: 'bo-mp' })).status, 200, 'an upload in progress does not keep a bucket');
  t.equal(f.gw.env.store.count('uploads'), 0, 'the upload went with it');
  t.equal((await call('DELETE', { bucket: 'tn/tn-b' })).status, 200, 'tenant/name');
  t.equal((await call('DELETE', { bucket: 'bacct-b' })).status, 200, 'account-owned');
  isAdminError(t, await call('DELETE', { bucket: 'nope' }), 404, 'NoSuchBucket');
  isAdminError(t, await call('DELETE', {}), 400, 'InvalidArgument');
  t.same((await call('GET', { uid: 'bo' })).json(), []);
});
