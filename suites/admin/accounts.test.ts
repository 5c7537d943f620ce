// /admin/account on the reference gateway over HTTP: create, info, modify, quota, remove, with RGW 20.2.4's
// shapes, defaults, int32 parameter parsing, uniqueness rules and error bodies (docs/rgw-behaviour/admin.md).
import t from 'tap';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import {
  CreateGroupCommand, CreateOpenIDConnectProviderCommand, CreateRoleCommand, DeleteGroupCommand, DeleteOpenIDConnectProviderCommand, DeleteRoleCommand,
} from '@aws-sdk/client-iam';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw, isAdminError } from './raw.js';

const f = await fixture(t);
const admin = f.gw.admin;
const call = (method: string, query: Record<string, string>) => adminRaw(f.gw.url, method, '/admin/account', query, { creds: admin });
type Account = Record<string, unknown> & { id: string; quota: Record<string, unknown> };

const ACCOUNT_FIELDS = ['id', 'tenant', 'name', 'email', 'quota', 'bucket_quota', 'max_users', 'max_roles', 'max_groups', 'max_buckets', 'max_access_keys'];
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['sts:AssumeRole'] }] });
const DEFAULT_QUOTA = { enabled: false, check_on_raw: false, max_size: -1, max_size_kb: 0, max_objects: -1 };

t.test('POST creates an account: RGW id, defaults, field order, no Content-Type', async (t) => {
  const r = await call('POST', { name: 'acme' });
  t.equal(r.status, 200);
  t.equal(r.contentType, null, 'RGW sends Admin Ops JSON without a Content-Type');
  const a = r.json<Account>();
  t.same(Object.keys(a), ACCOUNT_FIELDS);
  t.match(a.id, /^RGW\d{17}$/);
  t.same(a, { id: a.id, tenant: '', name: 'acme', email: '', quota: DEFAULT_QUOTA, bucket_quota: DEFAULT_QUOTA, max_users: 1000, max_roles: 1000, max_groups: 1000, max_buckets: 1000, max_access_keys: 4 });
});

t.test('create with every parameter; limits parsed as RGW int32s', async (t) => {
  const a = (await call('POST', { name: 'full', id: 'RGW00000000000000042', tenant: 'tn', email: 'Full@Example.com', 'max-users': '5', 'max-roles': '-1', 'max-groups': 'abc', 'max-access-keys': '4294967297', 'max-buckets': '+7' })).json<Account>();
  t.match(a, { id: 'RGW00000000000000042', tenant: 'tn', name: 'full', email: 'Full@Example.com', max_users: 5, max_roles: -1, max_groups: 0, max_access_keys: 1, max_buckets: 7 });
});

t.test('nameless accounts: any number of them', async (t) => {
  const one = (await call('POST', {})).json<Account>();
  const two = (await call('POST', {})).json<Account>();
  t.equal(one.name, '');
  t.not(one.id, two.id);
});

t.test('create errors: taken name (case-sensitive), id, email (any case); bad ids and names', async (t) => {
  isAdminError(t, await call('POST', { name: 'acme' }), 409, 'AccountAlreadyExists');
  t.equal((await call('POST', { name: 'ACME' })).status, 200, 'names are case-sensitive');
  t.equal((await call('POST', { name: 'acme', tenant: 'other' })).status, 200, 'names are unique per tenant');
  isAdminError(t, await call('POST', { name: 'x', id: 'RGW00000000000000042' }), 409, 'AccountAlreadyExists');
  isAdminError(t, await call('POST', { name: 'y', email: 'full@EXAMPLE.com' }), 409, 'AccountAlreadyExists');
  isAdminError(t, await call('POST', { name: 'z', id: 'RGW123' }), 400, 'InvalidArgument', 'account id must be 20 bytes long');
  isAdminError(t, await call('POST', { name: 'z', id: 'ABC00000000000000001' }), 400, 'InvalidArgument', 'account id must start with RGW');
  isAdminError(t, await call('POST', { name: 'z', id: 'RGW0000000000000000a' }), 400, 'InvalidArgument', 'account id must end with numeric digits');
  isAdminError(t, await call('POST', { name: 'a$b' }), 400, 'InvalidArgument', 'account name must not contain $');
  isAdminError(t, await call('POST', { name: 'a:b' }), 400, 'InvalidArgument', 'account name must not contain :');
});

t.test('GET by id or tenant+name (not by email); missing → 404 NoSuchKey', async (t) => {
  t.equal((await call('GET', { id: 'RGW00000000000000042' })).json<Account>().name, 'full');
  t.equal((await call('GET', { name: 'full', tenant: 'tn' })).json<Account>().id, 'RGW00000000000000042');
  isAdminError(t, await call('GET', { name: 'full' }), 404, 'NoSuchKey');
  isAdminError(t, await call('GET', { email: 'full@example.com' }), 400, 'InvalidArgument', 'requires --account-id or --account-name or --email');
  isAdminError(t, await call('GET', {}), 400, 'InvalidArgument', 'requires --account-id or --account-name or --email');
  isAdminError(t, await call('GET', { id: 'RGW99999999999999999' }), 404, 'NoSuchKey');
});

t.test('PUT modifies: limits, name, email; found by email too; errors', async (t) => {
  const a = (await call('POST', { name: 'mod' })).json<Account>();
  const m = (await call('PUT', { id: a.id, 'max-users': '50', name: 'mod2', email: 'mod@example.com' })).json<Account>();
  t.match(m, { name: 'mod2', email: 'mod@example.com', max_users: 50 });
  t.equal((await call('PUT', { email: 'MOD@example.com', 'max-roles': '3' })).json<Account>().max_roles, 3, 'looked up by email');
  t.match((await call('PUT', { id: a.id, email: '', name: '' })).json<Account>(), { name: 'mod2', email: 'MOD@example.com' }, 'empty values change nothing (the lookup by email also set it as given)');
  isAdminError(t, await call('PUT', { id: a.id, tenant: 'other' }), 400, 'InvalidArgument', 'cannot modify account tenant');
  isAdminError(t, await call('PUT', { id: a.id, name: 'bad$' }), 400, 'InvalidArgument', 'account name must not contain $');
  isAdminError(t, await call('PUT', { id: a.id, name: 'acme' }), 409, 'BucketAlreadyExists');
  isAdminError(t, await call('PUT', { id: a.id, email: 'FULL@example.com' }), 409, 'BucketAlreadyExists');
  isAdminError(t, await call('PUT', { id: 'RGW99999999999999999' }), 404, 'NoSuchKey');
  isAdminError(t, await call('PUT', {}), 400, 'InvalidArgument', 'requires --account-id or --account-name or --email');
});

t.test('PUT ?quota sets the account or account-bucket quota and answers the account', async (t) => {
  const a = (await call('POST', { name: 'quota' })).json<Account>();
  const q = (await call('PUT', { quota: '', id: a.id, 'quota-type': 'account', 'max-size': '1025', 'max-objects': '10', enabled: 'true' })).json<Account>();
  t.same(q.quota, { enabled: true, check_on_raw: false, max_size: 1025, max_size_kb: 2, max_objects: 10 });
  const b = (await call('PUT', { quota: '', id: a.id, 'quota-type': 'bucket', 'max-size': '3000000000', 'max-objects': 'abc', enabled: 'yes' })).json<Account>();
  t.same(b.bucket_quota, { enabled: false, check_on_raw: false, max_size: -1294967296, max_size_kb: -1264615, max_objects: 0 }, 'int32 wrap, 0 on junk');
  t.same((await call('GET', { quota: '', id: a.id })).json<Account>().quota, q.quota, 'GET ?quota is plain account info');
  isAdminError(t, await call('PUT', { quota: '', id: a.id, 'quota-type': 'user' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { quota: '', id: a.id }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { quota: '', name: 'quota', 'quota-type': 'account' }), 400, 'InvalidArgument');
  isAdminError(t, await call('PUT', { quota: '', id: '', 'quota-type': 'account' }), 400, 'InvalidArgument', 'requires --account-id or --account-name or --email');
  isAdminError(t, await call('PUT', { quota: '', id: 'RGW99999999999999999', 'quota-type': 'account' }), 404, 'NoSuchKey');
});

t.test('DELETE: empty accounts only, checked users, buckets, roles, groups, OIDC providers', async (t) => {
  const { id, root } = await f.account('busy');
  const msg = (what: string) => `The account cannot be deleted until all ${what} are removed.`;
  isAdminError(t, await call('DELETE', { id }), 409, 'BucketNotEmpty', msg('users'));
  const iam = f.iam(root);
  await f.s3(root).send(new CreateBucketCommand({ Bucket: 'busy-bucket' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: TRUST }));
  await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
  const oidc = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://busy.example.com', ClientIDList: ['c'], ThumbprintList: ['a'.repeat(40)] }));
  await f.admin.send('RemoveUser', { uid: root.uid });
  isAdminError(t, await call('DELETE', { id }), 409, 'BucketAlreadyExists', msg('buckets'));
  await f.admin.send('RemoveBucket', { bucket: 'busy-bucket' });
  isAdminError(t, await call('DELETE', { id }), 409, 'BucketNotEmpty', msg('roles'));
  // A root user again (the first was removed for the checks above) to clear what blocks the removal.
  const again = await f.user('busy-root-again', { accountId: id, root: true });
  await f.iam(again).send(new DeleteRoleCommand({ RoleName: 'r' }));
  await f.admin.send('RemoveUser', { uid: again.uid });
  isAdminError(t, await call('DELETE', { id }), 409, 'BucketNotEmpty', msg('groups'));
  const third = await f.user('busy-root-third', { accountId: id, root: true });
  await f.iam(third).send(new DeleteGroupCommand({ GroupName: 'g' }));
  await f.admin.send('RemoveUser', { uid: third.uid });
  isAdminError(t, await call('DELETE', { id }), 409, 'BucketNotEmpty', msg('OpenIDConnectProviders'));
  const fourth = await f.user('busy-root-fourth', { accountId: id, root: true });
  await f.iam(fourth).send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn }));
  await f.admin.send('RemoveUser', { uid: fourth.uid });
  const r = await call('DELETE', { id });
  t.equal(r.status, 200);
  t.equal(r.body, '', 'DELETE answers an empty body');
  isAdminError(t, await call('DELETE', { id }), 404, 'NoSuchKey');
  isAdminError(t, await call('DELETE', {}), 400, 'InvalidArgument', 'requires --account-id or --account-name or --email');
});

t.test('DELETE by tenant + name; the name is free again', async (t) => {
  const a = (await call('POST', { name: 'byname', tenant: 'tn' })).json<Account>();
  t.equal((await call('DELETE', { name: 'byname', tenant: 'tn' })).status, 200);
  isAdminError(t, await call('GET', { id: a.id }), 404, 'NoSuchKey');
  t.equal((await call('POST', { name: 'byname', tenant: 'tn' })).status, 200);
});
