// How requests reach buckets: virtual-host style (<bucket>.localhost), tenanted buckets (tenant:bucket), and
// who owns what account members create (the account: ACL Owner is the account id and name; ListBuckets shows
// the calling user). Checked against RGW 20.2.4 (tenants, ownership) and RGW's rgw_dns_name logic (vhost).
import t from 'tap';
import { Agent, type AgentOptions } from 'node:http';
import {
  CreateBucketCommand, GetBucketAclCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createTestAccountWithRoot, createTestUser } from '../fixtures/users.js';
import { raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const classic = await createTestUser(f.gw, { uid: 'classic' });

t.test('virtual-host style: the SDK addresses <bucket>.localhost', async (t) => {
  const port = new URL(f.gw.url).port;
  // *.localhost need not resolve on the test machine: connect every host name to the loopback address.
  const lookup: AgentOptions['lookup'] = (_host, options, cb) =>
    (options as { all?: boolean }).all ? (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
  const vhost = f.s3(classic, { forcePathStyle: false, endpoint: `http://localhost:${port}`, requestHandler: { httpAgent: new Agent({ lookup }) } });
  await vhost.send(new CreateBucketCommand({ Bucket: 'vhost-bucket' }));
  await vhost.send(new PutObjectCommand({ Bucket: 'vhost-bucket', Key: 'dir/k', Body: 'via host' }));
  t.equal(await (await vhost.send(new GetObjectCommand({ Bucket: 'vhost-bucket', Key: 'dir/k' }))).Body!.transformToString(), 'via host');
  t.same((await vhost.send(new ListObjectsV2Command({ Bucket: 'vhost-bucket' }))).Contents?.map((c) => c.Key), ['dir/k']);
  // The same bucket, path style.
  const path = f.s3(classic);
  t.equal(await (await path.send(new GetObjectCommand({ Bucket: 'vhost-bucket', Key: 'dir/k' }))).Body!.transformToString(), 'via host');
  const missing = await raw(f.gw, classic, { path: '/k', host: 'nope-bucket.localhost' });
  t.equal(missing.status, 404);
  t.match(missing.body, /<Code>NoSuchBucket<\/Code><Message><\/Message><BucketName>nope-bucket<\/BucketName>/);
});

t.test('tenants: plain names resolve in the caller\'s tenant; tenant:bucket reaches another tenant', async (t) => {
  const tenantUser = await createTestUser(f.gw, { uid: 'tuser', tenant: 'acme' });
  const ts3 = f.s3(tenantUser);
  await ts3.send(new CreateBucketCommand({ Bucket: 'shared-name' }));
  await ts3.send(new PutObjectCommand({ Bucket: 'shared-name', Key: 'k', Body: 'acme data' }));
  const cs3 = f.s3(classic);
  // The same name is free in the default tenant.
  await cs3.send(new CreateBucketCommand({ Bucket: 'shared-name' }));
  t.equal(await (await ts3.send(new GetObjectCommand({ Bucket: 'acme:shared-name', Key: 'k' }))).Body!.transformToString(), 'acme data');
  await rejects(t, cs3.send(new GetObjectCommand({ Bucket: 'acme:shared-name', Key: 'k' })), 403, 'AccessDenied', 'missing s3:GetObject permission');
  await rejects(t, cs3.send(new GetObjectCommand({ Bucket: 'shared-name', Key: 'k' })), 404, 'NoSuchKey');
  await rejects(t, ts3.send(new GetObjectCommand({ Bucket: ':shared-name', Key: 'k' })), 403, 'AccessDenied');
  await rejects(t, cs3.send(new CreateBucketCommand({ Bucket: 'acme:other' })), 403, 'AccessDenied');
  const list = await ts3.send(new ListBucketsCommand({}));
  t.same(list.Owner, { ID: 'acme$tuser', DisplayName: 'tuser' });
  t.same(list.Buckets?.map((b) => b.Name), ['shared-name']);
  const doc = await raw(f.gw, tenantUser, { path: '/shared-name' });
  t.match(doc.body, /<ListBucketResult [^>]*><Tenant>acme<\/Tenant><Name>shared-name<\/Name>/);
  t.match(doc.body, /<Owner><ID>acme\$tuser<\/ID><DisplayName>tuser<\/DisplayName><\/Owner>/);
});

t.test('account members create buckets the account owns', async (t) => {
  const acct = await createTestAccountWithRoot(f.gw, 'team');
  const root = f.s3(acct.root);
  await root.send(new CreateBucketCommand({ Bucket: 'team-bucket' }));
  await root.send(new PutObjectCommand({ Bucket: 'team-bucket', Key: 'k', Body: 'x' }));
  const acl = await root.send(new GetBucketAclCommand({ Bucket: 'team-bucket' }));
  t.same(acl.Owner, { ID: acct.id, DisplayName: 'team' });
  const list = await root.send(new ListBucketsCommand({}));
  t.same(list.Owner, { ID: 'team-root', DisplayName: 'team-root' }, 'ListBuckets shows the calling user');
  t.same(list.Buckets?.map((b) => b.Name), ['team-bucket']);
  t.match((await raw(f.gw, acct.root, { path: '/team-bucket' })).body, new RegExp(`<Owner><ID>${acct.id}</ID><DisplayName>team</DisplayName></Owner>`));
  // A classic user asking for the account's bucket name gets RGW's 409.
  await rejects(t, f.s3(classic).send(new CreateBucketCommand({ Bucket: 'team-bucket' })), 409, 'BucketAlreadyExists');
  // An account user starts with no permissions.
  const member = f.s3(await createTestUser(f.gw, { uid: 'team-member', accountId: acct.id }));
  await rejects(t, member.send(new CreateBucketCommand({ Bucket: 'member-bucket' })), 403, 'AccessDenied');
  await rejects(t, member.send(new ListBucketsCommand({})), 403, 'AccessDenied');
});

t.test('operation selection: ignored, answered and refused sub-resources and methods', async (t) => {
  await f.s3(classic).send(new CreateBucketCommand({ Bucket: 'ops' }));
  const status = async (method: string, path: string, query: Record<string, string>): Promise<[number, string]> => {
    const r = await raw(f.gw, classic, { method, path, query });
    return [r.status, /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1] ?? ''];
  };
  t.same(await status('GET', '/ops', { bogus: '' }), [200, ''], 'unknown sub-resources are ignored (a listing)');
  t.same(await status('GET', '/ops', { cors: '' }), [404, 'NoSuchCORSConfiguration']);
  t.same(await status('GET', '/ops', { lifecycle: '' }), [404, 'NoSuchLifecycleConfiguration']);
  t.same(await status('GET', '/ops', { tagging: '' }), [404, 'NoSuchTagSet']);
  t.same(await status('GET', '/ops', { encryption: '' }), [404, 'ServerSideEncryptionConfigurationNotFoundError']);
  t.same(await status('GET', '/ops', { 'object-lock': '' }), [404, 'ObjectLockConfigurationNotFoundError']);
  t.same(await status('GET', '/ops', { requestPayment: '' }), [200, '']);
  t.same(await status('DELETE', '/ops', { cors: '' }), [204, '']);
  t.same(await status('GET', '/ops', { website: '' }), [405, 'MethodNotAllowed'], 'static websites are off');
  t.same(await status('PUT', '/ops', { lifecycle: '' }), [501, 'NotImplemented'], 'a deliberate gap');
  t.same(await status('POST', '/ops', {}), [400, 'InvalidArgument'], 'a POST that is no known op is a form upload');
  t.same(await status('PATCH', '/ops', {}), [405, 'MethodNotAllowed']);
  t.same(await status('PUT', '/', {}), [405, 'MethodNotAllowed']);
  t.same(await status('GET', '/ops', { uploadId: 'x' }), [405, 'MethodNotAllowed']);
});
