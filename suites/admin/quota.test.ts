// User and bucket quotas through /admin/user?quota and /admin/bucket?quota on the reference gateway, with
// RGW 20.2.4's parameter parsing and its JSON-body variant (docs/rgw-behaviour/admin.md). Enforcement is
// suites/quota's.
import t from 'tap';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw, isAdminError, type RawOptions } from './raw.js';

const f = await fixture(t);
const call = (method: string, path: string, query: Record<string, string>, opts: RawOptions = {}) => adminRaw(f.gw.url, method, path, query, { creds: f.gw.admin, ...opts });
const user = (method: string, query: Record<string, string>, opts?: RawOptions) => call(method, '/admin/user', { quota: '', ...query }, opts);
const DEFAULT = { enabled: false, check_on_raw: false, max_size: -1, max_size_kb: 0, max_objects: -1 };

const u = await f.user('q');
await f.s3(u).send(new CreateBucketCommand({ Bucket: 'q-bucket' }));

t.test('GET ?quota: both quotas, or one by quota-type', async (t) => {
  const both = await user('GET', { uid: 'q' });
  t.equal(both.contentType, null);
  t.same(both.json(), { bucket_quota: DEFAULT, user_quota: DEFAULT });
  t.same(Object.keys(both.json()), ['bucket_quota', 'user_quota']);
  t.same((await user('GET', { uid: 'q', 'quota-type': 'user' })).json(), DEFAULT);
  t.same(Object.keys((await user('GET', { uid: 'q', 'quota-type': 'bucket' })).json()), ['enabled', 'check_on_raw', 'max_size', 'max_size_kb', 'max_objects']);
  isAdminError(t, await user('GET', { uid: 'q', 'quota-type': 'x' }), 400, 'InvalidArgument');
  isAdminError(t, await user('GET', { uid: 'nobody' }), 404, 'NoSuchUser');
  isAdminError(t, await user('GET', {}), 400, 'InvalidArgument');
});

t.test('PUT ?quota with parameters: given fields change, answer is empty', async (t) => {
  const r = await user('PUT', { uid: 'q', 'quota-type': 'user', 'max-size': '1025', 'max-objects': '5', enabled: 'true' });
  t.same([r.status, r.body, r.contentType], [200, '', null]);
  t.same((await user('GET', { uid: 'q', 'quota-type': 'user' })).json(), { enabled: true, check_on_raw: false, max_size: 1025, max_size_kb: 2, max_objects: 5 });
  await user('PUT', { uid: 'q', 'quota-type': 'user', 'max-size-kb': '3', 'max-size': '10' });
  t.match((await user('GET', { uid: 'q', 'quota-type': 'user' })).json(), { max_size: 3072, max_size_kb: 3, max_objects: 5, enabled: true }, 'max-size-kb wins');
  await user('PUT', { uid: 'q', 'quota-type': 'bucket', 'max-objects': 'abc', 'max-size': '-7', enabled: 'yes' });
  t.same((await user('GET', { uid: 'q', 'quota-type': 'bucket' })).json(), { enabled: false, check_on_raw: false, max_size: -7, max_size_kb: 0, max_objects: -1 });
});

t.test('PUT ?quota errors', async (t) => {
  isAdminError(t, await user('PUT', { uid: 'q', 'max-size': '1' }), 400, 'InvalidArgument', '', 'both quotas need a body');
  isAdminError(t, await user('PUT', { uid: 'q', 'quota-type': 'x' }), 400, 'InvalidArgument');
  isAdminError(t, await user('PUT', { uid: 'nobody', 'quota-type': 'user' }), 404, 'NoSuchUser');
  isAdminError(t, await user('PUT', { 'quota-type': 'user' }), 400, 'InvalidArgument');
});

t.test('PUT ?quota with a JSON body (UNSIGNED-PAYLOAD): missing fields reset', async (t) => {
  await user('PUT', { uid: 'q', 'quota-type': 'bucket' }, { body: JSON.stringify({ max_size_kb: 4, max_objects: 7, enabled: true }) });
  t.same((await user('GET', { uid: 'q', 'quota-type': 'bucket' })).json(), { enabled: true, check_on_raw: false, max_size: 4096, max_size_kb: 4, max_objects: 7 });
  await user('PUT', { uid: 'q', 'quota-type': 'bucket', 'max-objects': '99' }, { body: '{"enabled":"true","check_on_raw":1,"max_objects":"12"}' });
  t.same((await user('GET', { uid: 'q', 'quota-type': 'bucket' })).json(), { enabled: true, check_on_raw: true, max_size: 0, max_size_kb: 0, max_objects: 12 }, 'the body wins over parameters');
  await user('PUT', { uid: 'q' }, { body: '{"user_quota":{"max_size":6}}' });
  t.same((await user('GET', { uid: 'q' })).json(), { bucket_quota: DEFAULT, user_quota: { enabled: false, check_on_raw: false, max_size: 6, max_size_kb: 1, max_objects: 0 } });
  await user('PUT', { uid: 'q', 'quota-type': 'user' }, { body: '[1]' });
  t.same((await user('GET', { uid: 'q', 'quota-type': 'user' })).json(), { enabled: false, check_on_raw: false, max_size: 0, max_size_kb: 0, max_objects: 0 });
});

t.test('JSON body errors', async (t) => {
  for (const body of ['{bad', '{"max_size":1.5}', '{"max_objects":null}', '{"enabled":"maybe"}']) {
    isAdminError(t, await user('PUT', { uid: 'q', 'quota-type': 'user' }, { body }), 400, 'InvalidArgument', '', body);
  }
  isAdminError(t, await user('PUT', { uid: 'q', 'quota-type': 'user' }, { body: JSON.stringify({ x: 'a'.repeat(1100) }) }), 416, 'InvalidRange', '', 'over 1 KiB');
  isAdminError(t, await user('PUT', { uid: 'q', 'quota-type': 'user' }, { body: '{}', payload: 'signed' }), 501, 'NotImplemented', '', 'a signed payload');
});

t.test('PUT /admin/bucket?quota: uid and bucket must be there; parameters or a body', async (t) => {
  const bucket = (query: Record<string, string>, opts?: RawOptions) => call('PUT', '/admin/bucket', { quota: '', ...query }, opts);
  const quotaOf = async () => (await f.admin.send<'GetBucketInfo', { bucket_quota: unknown }>('GetBucketInfo', { bucket: 'q-bucket' })).output.bucket_quota;
  const r = await bucket({ uid: 'q', bucket: 'q-bucket', 'max-objects': '5', 'max-size': '2000', enabled: 'true' });
  t.same([r.status, r.body], [200, '']);
  t.same(await quotaOf(), { enabled: true, check_on_raw: false, max_size: 2000, max_size_kb: 2, max_objects: 5 });
  await bucket({ uid: '', bucket: 'q-bucket', 'max-size-kb': '3', 'max-objects': 'abc' });
  t.same(await quotaOf(), { enabled: true, check_on_raw: false, max_size: 3072, max_size_kb: 3, max_objects: -1 });
  await bucket({ uid: '', bucket: 'q-bucket' }, { body: '{"max_objects":9}' });
  t.same(await quotaOf(), { enabled: false, check_on_raw: false, max_size: 0, max_size_kb: 0, max_objects: 9 });
  isAdminError(t, await bucket({ bucket: 'q-bucket' }), 400, 'InvalidArgument', '', 'no uid');
  isAdminError(t, await bucket({ uid: 'q' }), 400, 'InvalidArgument', '', 'no bucket');
  isAdminError(t, await bucket({ uid: 'q', bucket: 'nope' }), 404, 'NoSuchKey');
  isAdminError(t, await bucket({ uid: 'nobody', bucket: 'q-bucket' }), 404, 'NoSuchKey');
});
