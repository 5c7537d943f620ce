// /admin/user create, info, modify, remove and list on the reference gateway over HTTP, with RGW 20.2.4's
// document, lookup order (uid, then email, then access key), uniqueness rules and errors
// (docs/rgw-behaviour/admin.md).
import t from 'tap';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw, isAdminError } from './raw.js';

const f = await fixture(t);
const call = (method: string, query: Record<string, string>) => adminRaw(f.gw.url, method, '/admin/user', query, { creds: f.gw.admin });
type User = Record<string, unknown> & { keys: Array<Record<string, unknown>>; caps: unknown[] };

const USER_FIELDS = [
  'full_user_id', 'tenant', 'user_id', 'display_name', 'email', 'suspended', 'max_buckets', 'subusers', 'keys', 'swift_keys', 'caps', 'op_mask',
  'system', 'admin', 'default_placement', 'default_storage_class', 'placement_tags', 'bucket_quota', 'user_quota', 'temp_url_keys', 'type',
  'mfa_ids', 'account_id', 'path', 'create_date', 'tags', 'group_ids',
];

const accountId = (await f.admin.send<'CreateAccount', { id: string }>('CreateAccount', { name: 'users-acct' })).output.id;

t.test('PUT creates a classic user: the REST document, a generated key', async (t) => {
  const r = await call('PUT', { uid: 'dora', 'display-name': 'Dora', email: 'Dora@Example.com' });
  t.equal(r.status, 200);
  t.equal(r.contentType, null);
  const u = r.json<User>();
  t.same(Object.keys(u), USER_FIELDS, 'field order');
  t.match(u, { full_user_id: 'dora', tenant: '', user_id: 'dora', display_name: 'Dora', email: 'Dora@Example.com', suspended: 0, max_buckets: 1000, op_mask: 'read, write, delete', system: false, admin: false, type: 'rgw', account_id: '', path: '/' });
  t.same([u.subusers, u.swift_keys, u.caps, u.placement_tags, u.temp_url_keys, u.mfa_ids, u.tags, u.group_ids], [[], [], [], [], [], [], [], []]);
  t.match(u.create_date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/, 'microseconds');
  t.same(Object.keys(u.keys[0]!), ['user', 'access_key', 'secret_key', 'active'], 'REST keys: no create_date');
  t.match(u.keys[0], { user: 'dora', access_key: /^[A-Z0-9]{20}$/, secret_key: /^[A-Za-z0-9]{40}$/, active: true });
});

t.test('create: keys given, half given, not generated', async (t) => {
  t.same((await call('PUT', { uid: 'k1', 'display-name': 'k', 'access-key': 'K1KEY', 'secret-key': 'k1-secret' })).json<User>().keys, [{ user: 'k1', access_key: 'K1KEY', secret_key: 'k1-secret', active: true }]);
  t.match((await call('PUT', { uid: 'k2', 'display-name': 'k', 'secret-key': 'only' })).json<User>().keys, [{ access_key: /^[A-Z0-9]{20}$/, secret_key: 'only' }]);
  t.same((await call('PUT', { uid: 'k3', 'display-name': 'k', 'generate-key': 'false' })).json<User>().keys, []);
  isAdminError(t, await call('PUT', { uid: 'k4', 'display-name': 'k', 'generate-key': 'false', 'access-key': 'K4KEY' }), 400, 'InvalidSecretKey');
  isAdminError(t, await call('PUT', { uid: 'k4', 'display-name': 'k', 'generate-key': 'false', 'secret-key': 's' }), 403, 'InvalidAccessKeyId');
  isAdminError(t, await call('PUT', { uid: 'k4', 'display-name': 'k', 'key-type': 'swift' }), 403, 'InvalidAccessKeyId');
  t.same((await call('PUT', { uid: 'k5', 'display-name': 'k', 'key-type': 'bogus' })).json<User>().keys, [], 'unknown key type: no key');
  isAdminError(t, await call('GET', { uid: 'k4' }), 404, 'NoSuchUser', '', 'failed creates leave nothing');
});

t.test('create: the other parameters', async (t) => {
  const u = (await call('PUT', { uid: 'opts', 'display-name': 'o', 'max-buckets': '-5', suspended: 'true', 'placement-tags': 'a,,b', 'op-mask': 'read;delete', 'generate-key': 'false', 'user-caps': 'usage=read;buckets=*', path: '/p/', 'default-placement': 'default-placement', 'default-storage-class': 'STANDARD' })).json<User>();
  t.match(u, { max_buckets: -1, suspended: 1, op_mask: 'read, delete', path: '/p/', default_placement: 'default-placement', default_storage_class: 'STANDARD' });
  t.same(u.placement_tags, ['a', 'b']);
  t.same(u.caps, [{ type: 'buckets', perm: '*' }, { type: 'usage', perm: 'read' }]);
  isAdminError(t, await call('PUT', { uid: 'p2', 'display-name': 'p', 'default-placement': 'nope' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'p2', 'display-name': 'p', system: 'true' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'p2', 'display-name': 'p', 'user-caps': 'bogus=read' }), 400, 'InvalidCapability');
});

t.test('create errors: existing uid, email (any case) or access key; no display name; bad uid or tenant', async (t) => {
  isAdminError(t, await call('PUT', { uid: 'dora', 'display-name': 'again' }), 409, 'UserAlreadyExists');
  isAdminError(t, await call('PUT', { uid: 'dora', 'display-name': 'Dora', email: 'Dora@Example.com' }), 409, 'UserAlreadyExists', '', 'no idempotent re-create');
  isAdminError(t, await call('PUT', { uid: 'dora2', 'display-name': 'x', email: 'dora@EXAMPLE.com' }), 409, 'EmailExists');
  isAdminError(t, await call('PUT', { uid: 'dora2', 'display-name': 'x', 'access-key': 'K1KEY', 'secret-key': 's' }), 409, 'KeyExists');
  isAdminError(t, await call('PUT', { uid: 'dora2' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { 'display-name': 'no uid' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'anonymous', 'display-name': 'a' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 't', tenant: 'bad-tenant', 'display-name': 't' }), 400, 'InvalidTenantName');
});

t.test('tenants: the tenant parameter on create only; tenant$uid everywhere', async (t) => {
  t.match((await call('PUT', { uid: 'tu', tenant: 'tn', 'display-name': 't', 'generate-key': 'false' })).json<User>(), { full_user_id: 'tn$tu', tenant: 'tn', user_id: 'tu' });
  t.match((await call('PUT', { uid: 'tn$tu2', tenant: 'other', 'display-name': 't', 'generate-key': 'false' })).json<User>(), { full_user_id: 'other$tu2' }, 'the parameter wins');
  t.equal((await call('GET', { uid: 'tn$tu' })).status, 200);
  isAdminError(t, await call('GET', { uid: 'tu', tenant: 'tn' }), 404, 'NoSuchUser', '', 'info ignores tenant');
  isAdminError(t, await call('POST', { uid: 'tu', tenant: 'tn', 'max-buckets': '1' }), 404, 'NoSuchUser', '', 'modify ignores tenant');
});

t.test('account users: root and plain, display name rules, account errors', async (t) => {
  const root = (await call('PUT', { uid: 'ua-root', 'display-name': 'ua-root', 'account-id': accountId, 'account-root': 'true', 'generate-key': 'false' })).json<User>();
  t.match(root, { type: 'root', account_id: accountId });
  t.match((await call('PUT', { uid: 'ua-1', 'display-name': 'Ua-1', 'account-id': accountId, 'account-root': 'false', path: '/team/' })).json<User>(), { type: 'rgw', account_id: accountId, path: '/team/' });
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'UA-1', 'account-id': accountId }), 409, 'UserAlreadyExists', '', 'names are unique in the account, any case');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'a b', 'account-id': accountId }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'a'.repeat(65), 'account-id': accountId }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'ua', 'account-id': 'RGW99999999999999999' }), 404, 'NoSuchKey');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'ua', 'account-id': 'bogus' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'ua', 'account-root': 'true' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { uid: 'ua-2', 'display-name': 'ua', tenant: 'tn', 'account-id': accountId }), 400, 'InvalidArgument', '', 'account in another tenant');
});

t.test('GET info: by uid, by access key, with stats; errors', async (t) => {
  t.equal((await call('GET', { uid: 'dora' })).json<User>().display_name, 'Dora');
  t.equal((await call('GET', { 'access-key': 'K1KEY' })).json<User>().user_id, 'k1');
  t.equal((await call('GET', { uid: 'nobody', 'access-key': 'K1KEY' })).json<User>().user_id, 'k1', 'the uid finds nobody, the key finds k1');
  const owner = await f.user('stats-owner');
  const s3 = f.s3(owner);
  await s3.send(new CreateBucketCommand({ Bucket: 'stats-b' }));
  await s3.send(new PutObjectCommand({ Bucket: 'stats-b', Key: 'k', Body: 'hello' }));
  const u = (await call('GET', { uid: 'stats-owner', stats: 'true' })).json<User & { stats: unknown }>();
  t.same(Object.keys(u).slice(-2), ['group_ids', 'stats'], 'stats come last');
  t.same(u.stats, { size: 5, size_actual: 4096, size_utilized: 0, size_kb: 1, size_kb_actual: 4, size_kb_utilized: 0, num_objects: 1 });
  isAdminError(t, await call('GET', { uid: 'nobody' }), 404, 'NoSuchUser');
  isAdminError(t, await call('GET', { uid: 'nobody', 'access-key': 'NOPE' }), 404, 'NoSuchUser');
  isAdminError(t, await call('GET', { 'access-key': 'NOPE' }), 400, 'InvalidArgument', '', 'no uid to fall back on');
  isAdminError(t, await call('GET', {}), 400, 'InvalidArgument');
});

t.test('POST modifies: fields, email index, keys; user-caps ignored', async (t) => {
  await call('PUT', { uid: 'mod', 'display-name': 'm', 'generate-key': 'false' });
  const m = (await call('POST', { uid: 'mod', 'display-name': 'm2', email: 'mod@x', 'max-buckets': '0', suspended: '1', 'op-mask': 'fly', path: '/q/', 'user-caps': 'users=read' })).json<User>();
  t.match(m, { display_name: 'm2', email: 'mod@x', max_buckets: 0, suspended: 1, op_mask: '<none>', path: '/q/' });
  t.same(m.caps, []);
  t.match((await call('POST', { uid: 'mod', suspended: 'bogus', 'max-buckets': '-9', 'op-mask': '*' })).json<User>(), { suspended: 0, max_buckets: -1, op_mask: 'read, write, delete' }, 'a bad boolean is false');
  t.equal((await call('POST', { uid: 'mod', email: '' })).json<User>().email, '', 'an empty email clears it');
  t.equal((await call('PUT', { uid: 'mod-email', 'display-name': 'e', email: 'mod@x', 'generate-key': 'false' })).status, 200, 'the cleared email is free');
  const keyed = (await call('POST', { uid: 'mod', 'access-key': 'MODKEY', 'secret-key': 'ms' })).json<User>();
  t.same(keyed.keys, [{ user: 'mod', access_key: 'MODKEY', secret_key: 'ms', active: true }]);
  t.equal((await call('POST', { uid: 'mod', 'access-key': 'MODKEY' })).json<User>().keys[0]!.secret_key, 'ms', 'an existing key without a secret is kept');
  t.equal((await call('POST', { uid: 'mod', 'generate-key': 'true' })).json<User>().keys.length, 2);
});

t.test('modify errors', async (t) => {
  isAdminError(t, await call('POST', { uid: 'nobody', 'display-name': 'x' }), 404, 'NoSuchUser');
  isAdminError(t, await call('POST', { 'display-name': 'x' }), 400, 'InvalidArgument');
  isAdminError(t, await call('POST', { 'access-key': 'K1KEY', 'max-buckets': '3' }), 400, 'InvalidArgument', '', 'no uid');
  isAdminError(t, await call('POST', { uid: 'mod', email: 'DORA@example.com' }), 409, 'EmailExists');
  isAdminError(t, await call('POST', { uid: 'mod', system: 'true' }), 400, 'InvalidArgument');
  isAdminError(t, await call('POST', { uid: 'mod', 'access-key': 'K1KEY', 'secret-key': 'z' }), 409, 'KeyExists');
  isAdminError(t, await call('POST', { uid: 'mod', 'access-key': 'NEWKEY' }), 400, 'InvalidSecretKey');
  isAdminError(t, await call('POST', { uid: 'mod', 'secret-key': 'zz' }), 403, 'InvalidAccessKeyId');
  isAdminError(t, await call('POST', { uid: 'mod', 'account-root': 'true' }), 400, 'InvalidArgument');
  isAdminError(t, await call('POST', { uid: 'ua-1', 'display-name': 'a b' }), 400, 'InvalidArgument');
  isAdminError(t, await call('POST', { uid: 'ua-1', 'display-name': 'UA-ROOT' }), 409, 'BucketAlreadyExists');
});

t.test('modify: account root on and off, moving a classic user into an account', async (t) => {
  t.equal((await call('POST', { uid: 'ua-1', 'account-root': 'true' })).json<User>().type, 'root');
  t.equal((await call('POST', { uid: 'ua-1', 'account-root': 'false' })).json<User>().type, 'rgw');
  const mover = await f.user('mover');
  await f.s3(mover).send(new CreateBucketCommand({ Bucket: 'mover-b' }));
  isAdminError(t, await call('POST', { uid: 'mover', 'account-id': 'bogus' }), 400, 'InvalidArgument');
  isAdminError(t, await call('POST', { uid: 'mover', 'account-id': 'RGW99999999999999999' }), 404, 'NoSuchUser');
  const moved = (await call('POST', { uid: 'mover', 'account-id': accountId })).json<User>();
  t.match(moved, { account_id: accountId, type: 'rgw' });
  t.equal(moved.keys.length, 1, 'keeps its key');
  const b = (await f.admin.send<'GetBucketInfo', { owner: string }>('GetBucketInfo', { bucket: 'mover-b' })).output;
  t.equal(b.owner, accountId, 'its buckets now belong to the account');
  t.equal((await call('POST', { uid: 'mover', 'account-id': '' })).json<User>().account_id, accountId, 'an empty account-id changes nothing');
  const other = (await f.admin.send<'CreateAccount', { id: string }>('CreateAccount', { name: 'other-acct' })).output.id;
  isAdminError(t, await call('POST', { uid: 'mover', 'account-id': other }), 400, 'InvalidArgument', '', 'no second move');
});

t.test('DELETE: users with buckets need purge-data; account members do not own theirs', async (t) => {
  const owner = await f.user('bucket-owner');
  await f.s3(owner).send(new CreateBucketCommand({ Bucket: 'owned-b' }));
  await f.s3(owner).send(new PutObjectCommand({ Bucket: 'owned-b', Key: 'k', Body: 'x' }));
  isAdminError(t, await call('DELETE', { uid: 'bucket-owner' }), 409, 'BucketAlreadyExists');
  const r = await call('DELETE', { uid: 'bucket-owner', 'purge-data': 'true' });
  t.equal(r.status, 200);
  t.equal(r.body, '');
  await t.rejects(f.admin.send('GetBucketInfo', { bucket: 'owned-b' }), { code: 'NoSuchBucket' }, 'the bucket went with it');
  t.equal(f.gw.env.store.get('keys', owner.accessKeyId), undefined, 'its key is free');
  t.equal((await call('DELETE', { uid: 'mover' })).status, 200, 'the account owns the moved bucket');
  isAdminError(t, await call('DELETE', { uid: 'nobody' }), 404, 'NoSuchUser');
  isAdminError(t, await call('DELETE', {}), 400, 'InvalidArgument');
});

t.test('GET ?list: uids, pages with a marker, a bad marker', async (t) => {
  const all = (await call('GET', { list: '' })).json<{ keys: string[]; truncated: boolean; count: number }>();
  t.same(Object.keys(all), ['keys', 'truncated', 'count']);
  t.ok(all.keys.includes('admin') && all.keys.includes('dora'));
  t.equal(all.count, all.keys.length);
  const page = (await call('GET', { list: '', 'max-entries': '2' })).json<{ keys: string[]; truncated: boolean; marker: string }>();
  t.same(Object.keys(page), ['keys', 'truncated', 'count', 'marker']);
  t.same(page.keys, all.keys.slice(0, 2));
  const next = (await call('GET', { list: '', 'max-entries': '2', marker: page.marker })).json<{ keys: string[] }>();
  t.same(next.keys, all.keys.slice(2, 4), 'the marker names the next entry');
  const none = (await call('GET', { list: '', 'max-entries': '0' })).json<{ keys: string[]; truncated: boolean }>();
  t.same([none.keys, none.truncated], [[], true]);
  const bad = await call('GET', { list: '', marker: 'junk' });
  t.same([bad.status, bad.body], [200, '{"keys":['], 'RGW had started the answer when the marker failed');
});
