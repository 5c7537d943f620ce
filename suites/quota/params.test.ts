// Quota parameters of the Admin Ops API parsed as RGW 20.2.4 parses them (quota/params.ts): user and bucket
// quotas keep integers as given (negatives included) and turn garbage into -1; the account quota is 32-bit
// (3000000000 wraps) and turns garbage into 0; max_size_kb is RGW's truncating (bytes + 1023) / 1024.
import t from 'tap';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;
const quota = (enabled: boolean, maxSize: number, maxSizeKb: number, maxObjects: number) => ({ enabled, check_on_raw: false, max_size: maxSize, max_size_kb: maxSizeKb, max_objects: maxObjects });

t.test('user quota: raw negatives, max-size-kb wins, garbage is -1, enabled parsing', async (t) => {
  await f.user('qp-user');
  const set = (params: Record<string, string>) => a.request('PUT', '/admin/user', { quota: '', uid: 'qp-user', 'quota-type': 'user', ...params });
  const get = async () => (await a.send('GetUserQuota', { uid: 'qp-user', 'quota-type': 'user' })).output as { enabled: boolean };
  await set({ 'max-objects': '-5' });
  t.same(await get(), quota(false, -1, 0, -5), '-5 is kept');
  await set({ 'max-size': '-7' });
  t.same(await get(), quota(false, -7, 0, -5));
  await set({ 'max-size-kb': '-2' });
  t.same(await get(), quota(false, -2048, -1, -5), 'max_size_kb of -2048 is -1');
  await set({ 'max-size': '5000', 'max-size-kb': '2' });
  t.same(await get(), quota(false, 2048, 2, -5), 'max-size-kb wins');
  await set({ 'max-objects': '5', 'max-size': '5000', enabled: 'true' });
  await set({ 'max-objects': 'abc', 'max-size': '12x' });
  t.same(await get(), quota(true, -1, 0, -1), 'not an integer: -1');
  await set({ enabled: 'false' });
  await set({ enabled: '' });
  t.equal((await get()).enabled, true, 'an empty enabled is true');
  await set({ enabled: 'yes' });
  t.equal((await get()).enabled, true, 'an unknown value keeps the current setting');
});

t.test('bucket quota: the same parsing; max_size_kb rounds up', async (t) => {
  await f.user('qp-bucket');
  await f.s3(await f.user('qp-bucket-owner')).send(new CreateBucketCommand({ Bucket: 'qp-bucket' }));
  await a.send('SetBucketQuota', { bucket: 'qp-bucket', uid: 'qp-bucket-owner', 'max-size': 1000, 'max-objects': -3, enabled: true });
  const info = (await a.send('GetBucketInfo', { bucket: 'qp-bucket' })).output as { bucket_quota: unknown };
  t.same(info.bucket_quota, quota(true, 1000, 1, -3));
});

t.test('account quota: 32-bit values, garbage is 0, anything but true/1/"" disables', async (t) => {
  const acct = await f.account('qp-acct');
  const set = (params: Record<string, string>) => a.request('PUT', '/admin/account', { quota: '', id: acct.id, 'quota-type': 'account', ...params });
  const get = async () => (await a.getAccount({ id: acct.id })).quota;
  await set({ 'max-objects': '-5', 'max-size': '-7' });
  t.same(await get(), quota(false, -7, 0, -5));
  await set({ 'max-size': '3000000000' });
  t.same(await get(), quota(false, -1294967296, -1264615, -5), 'wraps like int32_t');
  await set({ 'max-objects': 'abc', 'max-size': '12x', enabled: '1' });
  t.same(await get(), quota(true, 0, 0, 0), 'not an integer: 0');
  await set({ enabled: 'yes' });
  t.equal((await get()).enabled, false);
  await set({ 'max-size-kb': '3', enabled: '' });
  t.same(await get(), quota(true, 0, 0, 0), 'max-size-kb is not read; an empty enabled is true');
  const r = await a.request('PUT', '/admin/account', { quota: '', id: acct.id, 'quota-type': 'bucket', 'max-objects': '4' });
  t.match(r.output, { id: acct.id, bucket_quota: quota(false, -1, 0, 4) }, 'answers the account');
});
