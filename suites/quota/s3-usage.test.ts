// RGW's S3 stats extensions (protocols/s3/usage.ts): HEAD bucket's X-RGW-* headers (counts only with
// ?read-stats; quota headers only to owners) and GET /?usage (the caller's quotas, with RGW's swap of the
// per-bucket fields, and the stats of the buckets the caller user owns). Expected values: RGW 20.2.4's.
import t from 'tap';
import { CreateBucketCommand, CreateMultipartUploadCommand, PutBucketPolicyCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fixture } from '../fixtures/gateway.js';
import { rgwHeaders, s3Raw } from './raw.js';

const f = await fixture(t);
const a = f.admin;
const url = f.gw.url;

const owner = await f.user('su-owner');
const other = await f.user('su-other');
await f.s3(owner).send(new CreateBucketCommand({ Bucket: 'su-b' }));
const publicList = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::su-b' }] };
await f.s3(owner).send(new PutBucketPolicyCommand({ Bucket: 'su-b', Policy: JSON.stringify(publicList) }));
await f.s3(owner).send(new PutObjectCommand({ Bucket: 'su-b', Key: 'a', Body: 'abc' }));
const up = await f.s3(owner).send(new CreateMultipartUploadCommand({ Bucket: 'su-b', Key: 'mp' }));
await f.s3(owner).send(new UploadPartCommand({ Bucket: 'su-b', Key: 'mp', UploadId: up.UploadId, PartNumber: 1, Body: 'hello' }));

t.test('HEAD bucket: counts only with read-stats (any value), the rgw.main entries', async (t) => {
  t.same(rgwHeaders(await s3Raw(url, owner, 'HEAD', '/su-b')), { 'x-rgw-quota-max-buckets': '1000' });
  for (const v of ['', 'true', 'false']) {
    t.same(rgwHeaders(await s3Raw(url, owner, 'HEAD', '/su-b', { 'read-stats': v })), { 'x-rgw-bytes-used': '8', 'x-rgw-object-count': '2', 'x-rgw-quota-max-buckets': '1000' }, `read-stats=${v}: object + part, not the upload`);
  }
  t.same(rgwHeaders(await s3Raw(url, other, 'HEAD', '/su-b', { 'read-stats': '' })), { 'x-rgw-bytes-used': '8', 'x-rgw-object-count': '2' }, 'no quota headers for a non-owner');
  t.same(rgwHeaders(await s3Raw(url, null, 'HEAD', '/su-b', { 'read-stats': '' })), { 'x-rgw-bytes-used': '8', 'x-rgw-object-count': '2' }, 'nor for anonymous');
});

t.test('HEAD bucket: the caller’s max-buckets and user quota, the bucket’s own quota, when enabled', async (t) => {
  await a.send('ModifyUser', { uid: 'su-owner', 'max-buckets': 17 });
  await a.send('SetUserQuota', { uid: 'su-owner', 'quota-type': 'user', 'max-objects': 7, 'max-size': 100000, enabled: true });
  await a.send('SetUserQuota', { uid: 'su-owner', 'quota-type': 'bucket', 'max-objects': 5, enabled: true });
  const expected = { 'x-rgw-quota-max-buckets': '17', 'x-rgw-quota-user-objects': '7', 'x-rgw-quota-user-size': '100000' };
  t.same(rgwHeaders(await s3Raw(url, owner, 'HEAD', '/su-b')), expected, "the user's bucket-quota default is not shown");
  await a.send('SetBucketQuota', { bucket: 'su-b', uid: 'su-owner', 'max-objects': 3, 'max-size': 5000, enabled: true });
  t.same(rgwHeaders(await s3Raw(url, owner, 'HEAD', '/su-b')), { ...expected, 'x-rgw-quota-bucket-objects': '3', 'x-rgw-quota-bucket-size': '5000' });
});

t.test('HEAD bucket of an account bucket: members and roles are owners; the max-buckets shown is the caller’s', async (t) => {
  const acct = await f.account('su-acct');
  await a.send('ModifyAccount', { id: acct.id, 'max-buckets': 9 });
  await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'su-acct' }));
  t.same(rgwHeaders(await s3Raw(url, acct.root, 'HEAD', '/su-acct')), { 'x-rgw-quota-max-buckets': '1000' }, "the root user's 1000, not the account's 9");
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:root` }, Action: 'sts:AssumeRole' }] };
  const role = await f.iam(acct.root).send(new CreateRoleCommand({ RoleName: 'su-role', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  const all = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
  await f.iam(acct.root).send(new PutRolePolicyCommand({ RoleName: 'su-role', PolicyName: 's3', PolicyDocument: JSON.stringify(all) }));
  const c = (await f.sts(acct.root).send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'quota-sess' }))).Credentials!;
  const session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  t.same(rgwHeaders(await s3Raw(url, session, 'HEAD', '/su-acct', { 'read-stats': '' })), { 'x-rgw-bytes-used': '0', 'x-rgw-object-count': '0', 'x-rgw-quota-max-buckets': '1000' });
});

t.test('GET /?usage: the caller’s quotas (per-bucket fields swapped, as RGW prints them) and its buckets', async (t) => {
  const r = await s3Raw(url, owner, 'GET', '/', { usage: '' });
  t.equal(r.status, 200);
  t.equal(
    r.body,
    '<?xml version="1.0" encoding="UTF-8"?><Usage><Entries></Entries><Summary><QuotaMaxBytes>100000</QuotaMaxBytes><QuotaMaxBuckets>17</QuotaMaxBuckets>' +
      '<QuotaMaxObjCount>7</QuotaMaxObjCount><QuotaMaxBytesPerBucket>5</QuotaMaxBytesPerBucket><QuotaMaxObjCountPerBucket>-1</QuotaMaxObjCountPerBucket>' +
      '<TotalBytes>8</TotalBytes><TotalBytesRounded>8192</TotalBytesRounded><TotalEntries>2</TotalEntries></Summary>' +
      '<CapacityUsed><User><Buckets><Entry><Bucket>su-b</Bucket><Bytes>8</Bytes><Bytes_Rounded>8192</Bytes_Rounded></Entry></Buckets></User></CapacityUsed></Usage>',
  );
  const empty = await s3Raw(url, other, 'GET', '/', { usage: '' });
  t.match(empty.body, '<Summary><QuotaMaxBytes>-1</QuotaMaxBytes><QuotaMaxBuckets>1000</QuotaMaxBuckets><QuotaMaxObjCount>-1</QuotaMaxObjCount>');
  t.match(empty.body, '<CapacityUsed><User><Buckets></Buckets></User></CapacityUsed>');
  t.equal((await s3Raw(url, null, 'GET', '/', { usage: '' })).status, 403, 'anonymous: AccessDenied');
});

t.test('GET /?usage of an account member lists nothing: the buckets are the account’s', async (t) => {
  const acct = await f.account('su-acct2');
  const member = await f.user('su-member', { accountId: acct.id });
  await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'su-acct2' }));
  await f.s3(acct.root).send(new PutObjectCommand({ Bucket: 'su-acct2', Key: 'k', Body: 'abcd' }));
  for (const who of [acct.root, member]) {
    const r = await s3Raw(url, who, 'GET', '/', { usage: '' });
    t.equal(r.status, 200, 'no permission needed');
    t.match(r.body, '<TotalBytes>0</TotalBytes><TotalBytesRounded>0</TotalBytesRounded><TotalEntries>0</TotalEntries>');
  }
});
