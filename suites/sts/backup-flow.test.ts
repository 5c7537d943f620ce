// The backup flow end to end with the real SDK clients and the real IAM API: backup-service assumes
// backup-reader as testbr for 3600 s, lists and reads backups, is denied a PutObject, and the credentials stop
// working once the gateway clock passes Expiration; then the same job with fromTemporaryCredentials, which
// refreshes the credentials across several expiries while the job runs. Clients sign with the gateway's
// clock (systemClockOffset), and the SDK's own credential memoizer judges expiry by that clock too.
import t from 'tap';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { doesIdentityRequireRefresh, EXPIRATION_MS, memoizeIdentityProvider } from '@smithy/core';
import { fixture, rejects } from '../fixtures/gateway.js';
import { allow, createRole, temp, trustPolicy } from './helpers.js';

const f = await fixture(t);
const acct = await f.account('backup-team');
const iam = f.iam(acct.root);
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'backups' }));
await f.s3(acct.root).send(new PutObjectCommand({ Bucket: 'backups', Key: 'db.dump', Body: 'nightly' }));
await iam.send(new CreateUserCommand({ UserName: 'backup-service' }));
const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'backup-service' }))).AccessKey!;
const service = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
const roleArn = await createRole(iam, 'backup-reader', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:user/backup-service` }), {
  policy: allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::backups', 'arn:aws:s3:::backups/*']),
});
/** What SDK clients add to the host clock to sign with the gateway's. */
const offset = (): number => f.gw.env.clock.now() - Date.now();

t.test('backup-service has no S3 rights of its own', async (t) => {
  await rejects(t, f.s3(service, { systemClockOffset: offset() }).send(new ListBucketsCommand({})), 403, 'AccessDenied');
});

t.test('AssumeRole as testbr for 3600 s: list and read, no write; refused once the clock passes Expiration', async (t) => {
  const r = await f.sts(service).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'testbr', DurationSeconds: 3600 }));
  t.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${acct.id}:assumed-role/backup-reader/testbr`);
  const expiration = r.Credentials!.Expiration!.getTime();
  t.ok(Math.abs(expiration - f.gw.env.clock.now() - 3600_000) < 5_000, 'Expiration is an hour ahead on the gateway clock');
  const creds = temp(r.Credentials);
  const s3 = (): S3Client => f.s3(creds, { systemClockOffset: offset() });
  t.same((await s3().send(new ListObjectsV2Command({ Bucket: 'backups' }))).Contents?.map((c) => c.Key), ['db.dump']);
  t.equal(await (await s3().send(new GetObjectCommand({ Bucket: 'backups', Key: 'db.dump' }))).Body!.transformToString(), 'nightly');
  await rejects(t, s3().send(new PutObjectCommand({ Bucket: 'backups', Key: 'evil.txt', Body: 'x' })), 403, 'AccessDenied', 'PutObject');
  f.gw.advanceClock(3599);
  t.equal((await s3().send(new ListObjectsV2Command({ Bucket: 'backups' }))).KeyCount, 1, 'still valid 1 s before Expiration');
  f.gw.advanceClock(2);
  await rejects(t, s3().send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'expired');
  await rejects(t, s3().send(new GetObjectCommand({ Bucket: 'backups', Key: 'db.dump' })), 403, 'AccessDenied', 'expired');
});

t.test('a long job with fromTemporaryCredentials keeps reading across several expiries', async (t) => {
  const sts = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: 'longjob', DurationSeconds: 900 },
    masterCredentials: service,
    // The STS client learns the moved clock from the gateway's Date header, as the SDK corrects any skew.
    clientConfig: { endpoint: f.gw.url, region: 'default', systemClockOffset: offset(), maxAttempts: 3 },
  });
  // The SDK's memoizer, refreshing 5 minutes before Expiration as the SDK does, on the gateway clock instead
  // of the host's (a client would read the server's clock the same way, from its Date header).
  const expiredOnGatewayClock = (c: { expiration?: Date }): boolean => c.expiration!.getTime() - f.gw.env.clock.now() < EXPIRATION_MS;
  const provider = Object.assign(memoizeIdentityProvider(sts, expiredOnGatewayClock, doesIdentityRequireRefresh)!, { memoized: true });
  const s3 = new S3Client({ endpoint: f.gw.url, region: 'default', forcePathStyle: true, credentials: provider, maxAttempts: 1 });
  t.teardown(() => s3.destroy());
  const used: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }[] = [];
  for (let round = 0; round < 3; round++) {
    s3.config.systemClockOffset = offset();
    for (const key of ['db.dump', 'db.dump']) {
      t.equal(await (await s3.send(new GetObjectCommand({ Bucket: 'backups', Key: key }))).Body!.transformToString(), 'nightly', `round ${round}`);
    }
    const c = await provider();
    if (!used.some((u) => u.accessKeyId === c.accessKeyId)) used.push(c);
    f.gw.advanceClock(901); // a quarter of an hour of work: the session expires on the gateway
  }
  t.equal(used.length, 3, 'one session per round: two reads on each, then a refresh after its expiry');
  await rejects(t, f.s3(used[0]!, { systemClockOffset: offset() }).send(new ListObjectsV2Command({ Bucket: 'backups' })), 403, 'AccessDenied', 'the first session is expired on the gateway');
  const entries = f.gw.env.opsLog.list().filter((e) => e.session === 'longjob' && e.operation.includes('GetObject'));
  t.equal(entries.length, 6, 'the ops log shows each read under the session');
  t.equal(new Set(entries.map((e) => e.accessKey)).size, 3, 'made with three different temporary keys');
  t.ok(entries.every((e) => e.role === 'backup-reader' && e.account === acct.id && e.tempCredentials && e.status === 200));
});
