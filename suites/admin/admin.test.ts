// Admin Ops API over HTTP: accounts, users, keys, caps, quotas, buckets, with RGW 20.2.4's JSON shapes,
// statuses and error codes (probed; docs/rgw-behaviour.md).
import t, { type Test } from 'tap';
import { AdminClient, AdminOpsError } from '../../harness/admin-client.js';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;

async function fails(t: Test, p: Promise<unknown>, status: number, code: string): Promise<void> {
  try {
    await p;
    t.fail(`expected ${status} ${code}`);
  } catch (err) {
    t.ok(err instanceof AdminOpsError, 'an Admin Ops error');
    t.equal((err as AdminOpsError).status, status);
    t.equal((err as AdminOpsError).code, code);
  }
}

const USER_FIELDS = ['full_user_id', 'tenant', 'user_id', 'display_name', 'email', 'suspended', 'max_buckets', 'subusers', 'keys', 'swift_keys', 'caps', 'op_mask', 'system', 'admin', 'default_placement', 'default_storage_class', 'placement_tags', 'bucket_quota', 'user_quota', 'temp_url_keys', 'type', 'mfa_ids', 'account_id', 'path', 'create_date', 'tags', 'group_ids'];
const ACCOUNT_FIELDS = ['id', 'tenant', 'name', 'email', 'quota', 'bucket_quota', 'max_users', 'max_roles', 'max_groups', 'max_buckets', 'max_access_keys'];
const QUOTA_FIELDS = ['enabled', 'check_on_raw', 'max_size', 'max_size_kb', 'max_objects'];

t.test('accounts: create with defaults, get, modify, duplicate name, bad id, missing', async (t) => {
  const acct = (await a.send('CreateAccount', { name: 'acme' })).output as Record<string, unknown>;
  t.same(Object.keys(acct), ACCOUNT_FIELDS, 'RGW field order');
  t.match(acct.id, /^RGW\d{17}$/);
  t.match(acct, { max_users: 1000, max_roles: 1000, max_groups: 1000, max_buckets: 1000, max_access_keys: 4 });
  t.same(acct.quota, { enabled: false, check_on_raw: false, max_size: -1, max_size_kb: 0, max_objects: -1 });
  t.same((await a.send('GetAccount', { id: acct.id as string })).output, acct);
  const mod = (await a.send('ModifyAccount', { id: acct.id as string, 'max-users': 3 })).output as Record<string, unknown>;
  t.equal(mod.max_users, 3);
  await fails(t, a.send('CreateAccount', { name: 'acme' }), 409, 'AccountAlreadyExists');
  await fails(t, a.send('CreateAccount', { name: 'other', id: 'RGW123' }), 400, 'InvalidArgument');
  await fails(t, a.send('GetAccount', { id: 'RGW00000000000000001' }), 404, 'NoSuchKey');
  const given = (await a.send('CreateAccount', { name: 'fixed', id: 'RGW12345678901234567' })).output as { id: string };
  t.equal(given.id, 'RGW12345678901234567');
});

t.test('users: create (classic, account root, account user), info by uid and access key, shape', async (t) => {
  const u = (await a.send('CreateUser', { uid: 'dora', 'display-name': 'Dora', email: 'dora@example.com' })).output as Record<string, unknown>;
  t.same(Object.keys(u), USER_FIELDS, 'RGW field order');
  t.match(u, { user_id: 'dora', display_name: 'Dora', type: 'rgw', account_id: '', suspended: 0, max_buckets: 1000, op_mask: 'read, write, delete' });
  const keys = u.keys as Record<string, unknown>[];
  t.same(Object.keys(keys[0]!), ['user', 'access_key', 'secret_key', 'active'], 'REST key fields (no create_date)');
  t.match(keys[0]!.access_key, /^[A-Z0-9]{20}$/);
  t.match(keys[0]!.secret_key, /^[A-Za-z0-9]{40}$/);
  const byKey = (await a.send('GetUserInfo', { 'access-key': keys[0]!.access_key as string })).output as Record<string, unknown>;
  t.equal(byKey.user_id, 'dora');
  const acct = (await a.send('CreateAccount', { name: 'users-acct' })).output as { id: string };
  const root = (await a.send('CreateUser', { uid: 'ua-root', 'display-name': 'ua-root', 'account-id': acct.id, 'account-root': true })).output as Record<string, unknown>;
  t.match(root, { type: 'root', account_id: acct.id });
});

t.test('user errors: duplicate uid, duplicate email, missing display name, unknown account, missing user', async (t) => {
  await fails(t, a.send('CreateUser', { uid: 'dora', 'display-name': 'again' }), 409, 'UserAlreadyExists');
  await fails(t, a.send('CreateUser', { uid: 'dora2', 'display-name': 'x', email: 'dora@example.com' }), 409, 'EmailExists');
  await fails(t, a.send('CreateUser', { uid: 'nodisplay' }), 400, 'InvalidArgument');
  await fails(t, a.send('CreateUser', { uid: 'x1', 'display-name': 'x1', 'account-id': 'RGW00000000000000009' }), 404, 'NoSuchKey');
  await fails(t, a.send('GetUserInfo', { uid: 'nobody' }), 404, 'NoSuchUser');
  await fails(t, a.send('RemoveUser', { uid: 'nobody' }), 404, 'NoSuchUser');
});

t.test('an account user whose display name is not a valid IAM user name: 400 InvalidArgument', async (t) => {
  const acct = (await a.send('CreateAccount', { name: 'names-acct' })).output as { id: string };
  await fails(t, a.send('CreateUser', { uid: 'spacey', 'display-name': 'has space', 'account-id': acct.id }), 400, 'InvalidArgument');
});

t.test('keys: create generated and given, duplicate → 409 KeyExists, remove, remove missing → 403 InvalidAccessKeyId', async (t) => {
  const keys = (await a.send('CreateKey', { uid: 'dora' })).output as { access_key: string }[];
  t.equal(keys.length, 2);
  t.same(keys.map((k) => k.access_key), [...keys.map((k) => k.access_key)].sort(), 'sorted by access key');
  const given = (await a.send('CreateKey', { uid: 'dora', 'access-key': 'DORAKEY0000000000000', 'secret-key': 'doras-secret' })).output as { access_key: string }[];
  t.ok(given.some((k) => k.access_key === 'DORAKEY0000000000000'));
  await fails(t, a.send('CreateKey', { uid: 'ua-root', 'access-key': 'DORAKEY0000000000000', 'secret-key': 'x' }), 409, 'KeyExists');
  await a.send('RemoveKey', { uid: 'dora', 'access-key': 'DORAKEY0000000000000' });
  await fails(t, a.send('RemoveKey', { uid: 'dora', 'access-key': 'DORAKEY0000000000000' }), 403, 'InvalidAccessKeyId');
});

t.test('a removed key is refused by S3 (403 AccessDenied with STS enabled)', async (t) => {
  const u = await f.user('keyed');
  await f.s3(u).send(new CreateBucketCommand({ Bucket: 'keyed-b' }));
  await a.send('RemoveKey', { uid: 'keyed', 'access-key': u.accessKeyId });
  try {
    await f.s3(u).send(new CreateBucketCommand({ Bucket: 'keyed-c' }));
    t.fail('old key still works');
  } catch (e) {
    t.equal((e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 403);
    t.equal((e as { name: string }).name, 'AccessDenied');
  }
});

t.test('caps: add and remove; suspended users are refused', async (t) => {
  const caps = (await a.send('AddUserCapability', { uid: 'dora', 'user-caps': 'usage=read;buckets=*' })).output;
  t.same(caps, [{ type: 'buckets', perm: '*' }, { type: 'usage', perm: 'read' }]);
  t.same((await a.send('RemoveUserCapability', { uid: 'dora', 'user-caps': 'usage=read' })).output, [{ type: 'buckets', perm: '*' }]);
  const s = (await a.send('ModifyUser', { uid: 'dora', suspended: true })).output as { suspended: number };
  t.equal(s.suspended, 1);
});

t.test('user quota and bucket quota: get, set (max-size-kb rounds), shape', async (t) => {
  const q0 = (await a.send('GetUserQuota', { uid: 'dora', 'quota-type': 'user' })).output as Record<string, unknown>;
  t.same(Object.keys(q0), QUOTA_FIELDS);
  await a.send('SetUserQuota', { uid: 'dora', 'quota-type': 'user', 'max-objects': 5, 'max-size': 1000, enabled: true });
  t.same((await a.send('GetUserQuota', { uid: 'dora', 'quota-type': 'user' })).output, { enabled: true, check_on_raw: false, max_size: 1000, max_size_kb: 1, max_objects: 5 });
  t.same((await a.send('GetUserQuota', { uid: 'dora', 'quota-type': 'bucket' })).output, q0);
  const acct = (await a.send('CreateAccount', { name: 'quota-acct' })).output as { id: string };
  const after = (await a.send('SetAccountQuota', { id: acct.id, 'quota-type': 'account', 'max-objects': 7, enabled: true })).output as { quota: Record<string, unknown> };
  t.same(after.quota, { enabled: true, check_on_raw: false, max_size: -1, max_size_kb: 0, max_objects: 7 });
});

t.test('bucket info with usage stats; list by uid; remove with purge', async (t) => {
  const u = await f.user('binfo');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'binfo-b' }));
  await s3.send(new PutObjectCommand({ Bucket: 'binfo-b', Key: 'k', Body: 'hello' }));
  const info = (await a.send('GetBucketInfo', { bucket: 'binfo-b', stats: true })).output as Record<string, unknown>;
  t.match(info, { bucket: 'binfo-b', owner: 'binfo', tenant: '' });
  t.same(info.usage, { 'rgw.main': { size: 5, size_actual: 4096, size_utilized: 5, size_kb: 1, size_kb_actual: 4, size_kb_utilized: 1, num_objects: 1 } });
  t.same((await a.send('GetBucketInfo', { uid: 'binfo' })).output, ['binfo-b']);
  await a.send('RemoveBucket', { bucket: 'binfo-b', 'purge-objects': true });
  try {
    await a.send('GetBucketInfo', { bucket: 'binfo-b' });
    t.fail('bucket still there');
  } catch (e) {
    t.equal((e as AdminOpsError).code, 'NoSuchBucket');
  }
});

t.test('accounts cannot be removed while they have users: 409 BucketNotEmpty', async (t) => {
  const acct = (await a.send('CreateAccount', { name: 'busy' })).output as { id: string };
  await a.send('CreateUser', { uid: 'busy-u', 'display-name': 'busy-u', 'account-id': acct.id });
  await fails(t, a.send('DeleteAccount', { id: acct.id }), 409, 'BucketNotEmpty');
  await a.send('RemoveUser', { uid: 'busy-u' });
  await a.send('DeleteAccount', { id: acct.id });
});

t.test('callers without caps get 403 AccessDenied', async (t) => {
  const plain = await f.user('plain');
  const client = new AdminClient({ endpoint: f.gw.url, credentials: plain });
  t.teardown(() => client.destroy());
  await fails(t, client.send('GetUserInfo', { uid: 'plain' }), 403, 'AccessDenied');
});
