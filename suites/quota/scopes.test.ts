// Which quota applies to a write (quota/check.ts): always the bucket OWNER's, whoever writes — the classic
// owner's user quota, or the account quota for account buckets written by the root, a member or a role; the
// bucket scope is the bucket's own quota, else the owner's (user's or account's) bucket quota. Each case was
// probed on RGW 20.2.4 (docs/rgw-behaviour/quota.md).
import t from 'tap';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketPolicyCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;
const ALL_S3 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
const put = (s3: S3Client, Bucket: string, Key: string, Body = 'x') => s3.send(new PutObjectCommand({ Bucket, Key, Body }));

t.test('classic owner: its user quota applies to its buckets, a writer’s own user quota does not', async (t) => {
  const owner = await f.user('sc-owner');
  const writer = await f.user('sc-writer');
  const os3 = f.s3(owner);
  await os3.send(new CreateBucketCommand({ Bucket: 'sc-owned' }));
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam:::user/sc-writer'] }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::sc-owned/*' }] };
  await os3.send(new PutBucketPolicyCommand({ Bucket: 'sc-owned', Policy: JSON.stringify(policy) }));
  await a.send('SetUserQuota', { uid: 'sc-writer', 'quota-type': 'user', 'max-objects': 1, enabled: true });
  await a.send('SetUserQuota', { uid: 'sc-owner', 'quota-type': 'user', 'max-objects': 2, enabled: true });
  const ws3 = f.s3(writer);
  await put(ws3, 'sc-owned', '1');
  await put(ws3, 'sc-owned', '2'); // the writer's own quota (1) is not consulted
  await rejects(t, put(ws3, 'sc-owned', '3'), 403, 'QuotaExceeded', "the owner's quota (2) is");
  await rejects(t, put(os3, 'sc-owned', '1', 'again'), 403, 'QuotaExceeded', 'an overwrite counts as a new object');
  await os3.send(new DeleteObjectCommand({ Bucket: 'sc-owned', Key: '2' }));
  await put(ws3, 'sc-owned', '3');
});

t.test('account buckets: the account quota, for the root, a member and a role; members’ user quotas are ignored', async (t) => {
  const acct = await f.account('sc-acct');
  const svc = await f.user('sc-svc', { accountId: acct.id });
  const root3 = f.s3(acct.root);
  const iam = f.iam(acct.root);
  await iam.send(new PutUserPolicyCommand({ UserName: 'sc-svc', PolicyName: 's3', PolicyDocument: ALL_S3 }));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:root` }, Action: 'sts:AssumeRole' }] };
  const role = await iam.send(new CreateRoleCommand({ RoleName: 'sc-writer', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'sc-writer', PolicyName: 's3', PolicyDocument: ALL_S3 }));
  const creds = (await f.sts(acct.root).send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'quota-sess' }))).Credentials!;
  const role3 = f.s3({ accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! });
  for (const b of ['sc-a1', 'sc-a2']) await root3.send(new CreateBucketCommand({ Bucket: b }));
  // user quotas of members and the root's own user/bucket quotas never apply to the account's buckets
  for (const uid of ['sc-svc', 'sc-acct-root']) for (const type of ['user', 'bucket']) await a.send('SetUserQuota', { uid, 'quota-type': type, 'max-objects': 0, enabled: true });
  await a.send('SetAccountQuota', { id: acct.id, 'quota-type': 'account', 'max-objects': 3, enabled: true });
  await put(root3, 'sc-a1', 'by-root');
  await put(f.s3(svc), 'sc-a2', 'by-member');
  await put(role3, 'sc-a2', 'by-role');
  await rejects(t, put(role3, 'sc-a1', 'fourth'), 403, 'QuotaExceeded', 'role: the account has 3 objects across its buckets');
  await rejects(t, put(f.s3(svc), 'sc-a1', 'fourth'), 403, 'QuotaExceeded', 'member');
  await role3.send(new DeleteObjectCommand({ Bucket: 'sc-a2', Key: 'by-role' }));
  await put(f.s3(svc), 'sc-a1', 'fourth');
  await root3.send(new CreateBucketCommand({ Bucket: 'sc-a3' }));
  t.pass('CreateBucket is allowed under an exhausted account quota');
  await rejects(t, put(root3, 'sc-a3', 'x'), 403, 'QuotaExceeded', 'but not an object in the new bucket');
});

t.test('bucket scope: the bucket’s own quota, else the classic owner’s bucket quota, per bucket', async (t) => {
  const u = await f.user('sc-bq');
  const s3 = f.s3(u);
  for (const b of ['sc-bq-1', 'sc-bq-2']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await a.send('SetUserQuota', { uid: 'sc-bq', 'quota-type': 'bucket', 'max-objects': 2, enabled: true });
  await a.send('SetBucketQuota', { bucket: 'sc-bq-1', uid: 'sc-bq', 'max-objects': 3, enabled: true });
  for (const k of ['a', 'b', 'c']) await put(s3, 'sc-bq-1', k);
  await rejects(t, put(s3, 'sc-bq-1', 'd'), 403, 'QuotaExceeded', "the bucket's own quota (3) wins over the user default (2)");
  for (const k of ['a', 'b']) await put(s3, 'sc-bq-2', k);
  await rejects(t, put(s3, 'sc-bq-2', 'c'), 403, 'QuotaExceeded', 'the user bucket quota applies per bucket');
});

t.test('bucket scope of account buckets: the account’s bucket quota, unless the bucket has its own', async (t) => {
  const acct = await f.account('sc-abq');
  const s3 = f.s3(acct.root);
  for (const b of ['sc-abq-1', 'sc-abq-2']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await a.send('SetAccountQuota', { id: acct.id, 'quota-type': 'bucket', 'max-objects': 1, enabled: true });
  await a.send('SetBucketQuota', { bucket: 'sc-abq-2', uid: 'sc-abq-root', 'max-objects': 2, enabled: true });
  await put(s3, 'sc-abq-1', 'a');
  await rejects(t, put(s3, 'sc-abq-1', 'b'), 403, 'QuotaExceeded', 'account bucket quota');
  await put(s3, 'sc-abq-2', 'a');
  await put(s3, 'sc-abq-2', 'b');
  await rejects(t, put(s3, 'sc-abq-2', 'c'), 403, 'QuotaExceeded', "bucket's own quota");
});

t.test('a disabled quota and negative limits are not enforced', async (t) => {
  const u = await f.user('sc-off');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'sc-off' }));
  await a.send('SetUserQuota', { uid: 'sc-off', 'quota-type': 'user', 'max-objects': 0, 'max-size': 0, enabled: false });
  await a.send('SetBucketQuota', { bucket: 'sc-off', uid: 'sc-off', 'max-objects': -5, 'max-size': -1, enabled: true });
  for (const k of ['a', 'b']) await put(s3, 'sc-off', k);
  await a.send('SetUserQuota', { uid: 'sc-off', 'quota-type': 'user', enabled: true });
  await rejects(t, put(s3, 'sc-off', 'c'), 403, 'QuotaExceeded', 'enabling it enforces max-objects 0');
});
