// The STS backup flow end to end with the real SDK clients: backup-service assumes backup-reader as testbr for
// 3600 s, lists and reads backups, is denied writes, and the credentials stop working once the gateway clock
// passes Expiration; the same job with fromTemporaryCredentials refreshing across expiries.
import t from 'tap';
import { CreateRoleCommand, PutRolePolicyCommand, CreateUserCommand, CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('backup-team');
const iam = f.iam(acct.root);
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'backups' }));
await f.s3(acct.root).send(new PutObjectCommand({ Bucket: 'backups', Key: 'db.dump', Body: 'nightly' }));
await iam.send(new CreateUserCommand({ UserName: 'backup-service' }));
const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'backup-service' }))).AccessKey!;
const service = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:user/backup-service` }, Action: 'sts:AssumeRole' }] };
const role = (await iam.send(new CreateRoleCommand({ RoleName: 'backup-reader', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!;
const read = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::backups', 'arn:aws:s3:::backups/*'] }] };
await iam.send(new PutRolePolicyCommand({ RoleName: 'backup-reader', PolicyName: 'read-backups', PolicyDocument: JSON.stringify(read) }));

t.test('the service user has no S3 rights of its own', async (t) => {
  await rejects(t, f.s3(service).send(new ListBucketsCommand({})), 403, 'AccessDenied');
});

t.test('AssumeRole as testbr for 3600 s; read allowed, write denied; expiry after the clock moves', async (t) => {
  const r = await f.sts(service).send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'testbr', DurationSeconds: 3600 }));
  t.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${acct.id}:assumed-role/backup-reader/testbr`);
  t.equal(r.AssumedRoleUser?.AssumedRoleId, undefined, 'RGW names the element AssumeRoleId, so the SDK finds no AssumedRoleId');
  t.equal(r.PackedPolicySize, 0);
  t.match(r.Credentials?.AccessKeyId, /^[A-Za-z0-9]{20}$/);
  t.notMatch(r.Credentials?.AccessKeyId, /^ASIA/);
  const exp = r.Credentials!.Expiration!.getTime();
  t.ok(Math.abs(exp - Date.now() - 3600_000) < 60_000, 'expires in about an hour');
  const temp = { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken! };
  const s3 = f.s3(temp);
  t.same((await s3.send(new ListObjectsV2Command({ Bucket: 'backups' }))).Contents?.map((c) => c.Key), ['db.dump']);
  t.equal(await (await s3.send(new GetObjectCommand({ Bucket: 'backups', Key: 'db.dump' }))).Body!.transformToString(), 'nightly');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'backups', Key: 'evil.txt', Body: 'x' })), 403, 'AccessDenied');
  await rejects(t, s3.send(new ListBucketsCommand({})), 403, 'AccessDenied');
  const tampered = { ...temp, sessionToken: temp.sessionToken.slice(0, -8) + 'AAAAAAA=' };
  await rejects(t, f.s3(tampered).send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'tampered token');
  await rejects(t, f.s3({ accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey }).send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'missing token');
  await rejects(t, f.s3({ ...temp, secretAccessKey: 'X'.repeat(40) }).send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'wrong secret');
  f.gw.advanceClock(3601);
  const later = f.s3(temp, { systemClockOffset: 3601_000 });
  await rejects(t, later.send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'expired');
});

t.test('DurationSeconds bounds and parameter errors are 400 InvalidArgument', async (t) => {
  const sts = f.sts(service);
  const offset = 3601_000;
  const stsNow = (await import('@aws-sdk/client-sts')).STSClient;
  const shifted = new stsNow({ endpoint: f.gw.url, region: 'default', credentials: service, systemClockOffset: offset, maxAttempts: 1 });
  t.teardown(() => shifted.destroy());
  void sts;
  for (const d of [899, 7200, 43200, 43201]) {
    await rejects(t, shifted.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'testbr', DurationSeconds: d })), 400, 'InvalidArgument', `DurationSeconds=${d}`);
  }
  t.ok((await shifted.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'testbr', DurationSeconds: 900 }))).Credentials);
  await rejects(t, shifted.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'a b' })), 400, 'InvalidArgument', 'bad session name');
  await rejects(t, shifted.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 's' })), 400, 'InvalidArgument', '1-char session name');
  await rejects(t, shifted.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${acct.id}:role/nope`, RoleSessionName: 'x1' })), 404, 'NoSuchEntity');
  await rejects(t, shifted.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'pol', Policy: '{bad' })), 400, 'MalformedPolicyDocument');
  const rootSts = new stsNow({ endpoint: f.gw.url, region: 'default', credentials: acct.root, systemClockOffset: offset, maxAttempts: 1 });
  t.teardown(() => rootSts.destroy());
  await rejects(t, rootSts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'root' })), 403, 'AccessDenied', 'root is not in the trust policy');
  t.ok((await rootSts.send(new GetSessionTokenCommand({}))).Credentials, 'the account root may GetSessionToken');
  await rejects(t, shifted.send(new GetSessionTokenCommand({})), 403, 'AccessDenied', 'an account user without policy may not');
});

t.test('fromTemporaryCredentials refreshes across expiries during a long job', async (t) => {
  let offset = 3601_000;
  const provider = fromTemporaryCredentials({
    params: { RoleArn: role.Arn, RoleSessionName: 'longjob', DurationSeconds: 900 },
    masterCredentials: service,
    clientConfig: { endpoint: f.gw.url, region: 'default', systemClockOffset: offset },
  });
  const calls: string[] = [];
  for (let round = 0; round < 3; round++) {
    const s3 = new S3Client({ endpoint: f.gw.url, region: 'default', forcePathStyle: true, credentials: provider, systemClockOffset: offset, maxAttempts: 1 });
    const creds = await provider();
    calls.push(creds.accessKeyId);
    t.equal((await s3.send(new ListObjectsV2Command({ Bucket: 'backups' }))).KeyCount, 1, `round ${round}`);
    s3.destroy();
    f.gw.advanceClock(1000);
    offset += 1000_000;
    void offset;
  }
  t.ok(new Set(calls).size >= 2, 'new credentials were fetched after expiry');
});
