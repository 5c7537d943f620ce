// The backup walkthrough of issue 4 (Ceph STS with accounts), end to end with the real SDK: account
// backup-team, root user backup-admin, service user backup-service (no S3 rights: ListBuckets denied),
// bucket backups created by the root (owned by the account), role backup-reader with an inline read policy
// on backups; backup-service assumes it and may read, not write. Each refusal is explained in the decision log.
import t from 'tap';
import { CreateRoleCommand, GetRoleCommand, ListUsersCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, DeleteObjectCommand, GetBucketAclCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fixture, rejects } from '../fixtures/gateway.js';
import { decisionsOf, requestIdOf } from './decisions.js';

const f = await fixture(t);
const acct = (await f.admin.send('CreateAccount', { name: 'backup-team' })).output as { id: string; name: string };
const admin = await f.user('backup-admin', { accountId: acct.id, root: true });
const service = await f.user('backup-service', { accountId: acct.id });
const rootS3 = f.s3(admin);
const rootIam = f.iam(admin);

t.test('backup-service has no S3 rights: ListBuckets 403, and the log says no policy allows it', async (t) => {
  const id = await requestIdOf(f.s3(service).send(new ListBucketsCommand({})));
  await rejects(t, f.s3(service).send(new ListBucketsCommand({})), 403, 'AccessDenied');
  const [d] = await decisionsOf(f.gw, id);
  t.equal(d?.principal, `arn:aws:iam::${acct.id}:user/backup-service`);
  t.equal(d?.action, 's3:ListAllMyBuckets');
  t.equal(d?.allowed, false);
  t.equal(d?.blockedBy, 'implicit-deny');
  t.match(d?.summary, /^denied: s3:ListAllMyBuckets for arn:aws:iam::RGW\d{17}:user\/backup-service: no policy allows this action$/);
});

t.test('the root creates backups; the bucket belongs to the account, ListBuckets shows the caller', async (t) => {
  await rootS3.send(new CreateBucketCommand({ Bucket: 'backups' }));
  await rootS3.send(new PutObjectCommand({ Bucket: 'backups', Key: 'db.dump', Body: 'nightly' }));
  const acl = await rootS3.send(new GetBucketAclCommand({ Bucket: 'backups' }));
  t.same(acl.Owner, { ID: acct.id, DisplayName: 'backup-team' });
  const list = await rootS3.send(new ListBucketsCommand({}));
  t.same(list.Buckets?.map((b) => b.Name), ['backups']);
  t.same(list.Owner, { ID: 'backup-admin', DisplayName: 'backup-admin' });
});

t.test('backup-service cannot read backups directly (same account, no policy)', async (t) => {
  await rejects(t, f.s3(service).send(new GetObjectCommand({ Bucket: 'backups', Key: 'db.dump' })), 403, 'AccessDenied');
});

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:user/backup-service` }, Action: 'sts:AssumeRole' }] });
const read = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'ReadBackups', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::backups', 'arn:aws:s3:::backups/*'] }] });

t.test('the root creates backup-reader with an inline read policy', async (t) => {
  const r = (await rootIam.send(new CreateRoleCommand({ RoleName: 'backup-reader', AssumeRolePolicyDocument: trust }))).Role!;
  t.equal(r.Arn, `arn:aws:iam::${acct.id}:role/backup-reader`);
  await rootIam.send(new PutRolePolicyCommand({ RoleName: 'backup-reader', PolicyName: 'read-backups', PolicyDocument: read }));
  t.equal((await rootIam.send(new GetRoleCommand({ RoleName: 'backup-reader' }))).Role?.AssumeRolePolicyDocument, trust);
});

t.test('backup-service assumes backup-reader: reads allowed by the role policy, writes and IAM denied', async (t) => {
  const c = (await f.sts(service).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${acct.id}:role/backup-reader`, RoleSessionName: 'testbr' }))).Credentials!;
  const temp = f.s3({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
  t.same((await temp.send(new ListObjectsV2Command({ Bucket: 'backups' }))).Contents?.map((o) => o.Key), ['db.dump']);
  const getId = await requestIdOf(temp.send(new GetObjectCommand({ Bucket: 'backups', Key: 'db.dump' })));
  const [allowed] = await decisionsOf(f.gw, getId);
  t.equal(allowed?.principal, `arn:aws:sts::${acct.id}:assumed-role/backup-reader/testbr`);
  t.match(allowed?.summary, /^allowed: s3:GetObject by role\/backup-reader:inline:read-backups statement ReadBackups/);
  await rejects(t, temp.send(new PutObjectCommand({ Bucket: 'backups', Key: 'evil.txt', Body: 'x' })), 403, 'AccessDenied');
  await rejects(t, temp.send(new DeleteObjectCommand({ Bucket: 'backups', Key: 'db.dump' })), 403, 'AccessDenied');
  await rejects(t, temp.send(new ListBucketsCommand({})), 403, 'AccessDenied');
  const iam = f.iam({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
  await rejects(t, iam.send(new ListUsersCommand({})), 403, 'AccessDenied');
});

t.test('the root, not named by the trust policy, may not assume backup-reader', async (t) => {
  await rejects(t, f.sts(admin).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${acct.id}:role/backup-reader`, RoleSessionName: 'root' })), 403, 'AccessDenied');
});
