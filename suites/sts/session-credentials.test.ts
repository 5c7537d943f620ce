// What temporary credentials may do, as on RGW 20.2.4: exactly the role's policies intersected with the session
// policy; the role is reloaded on every request (a policy change applies at once, a deleted or re-created role
// ends the session); and every refusal of the credentials themselves is 403 AccessDenied: an altered or
// missing token, a wrong secret, a token for another key, expiry on the gateway clock. Presigned URLs carry
// the token too. The ops log names account, role and session.
import t from 'tap';
import { DeleteRoleCommand, DeleteRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { fixture, rejects, type Creds } from '../fixtures/gateway.js';
import { allow, createRole, temp, trustPolicy } from './helpers.js';

const f = await fixture(t);
const acct = await f.account('creds');
const iam = f.iam(acct.root);
const svc = await f.user('svc', { accountId: acct.id });
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'data' }));
await f.s3(acct.root).send(new PutObjectCommand({ Bucket: 'data', Key: 'a.txt', Body: 'hello' }));
const rw = allow(['s3:GetObject', 's3:ListBucket', 's3:PutObject'], ['arn:aws:s3:::data', 'arn:aws:s3:::data/*']);
const roleArn = await createRole(iam, 'rw', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }), { policy: rw });
// Clients sign with the gateway's clock, which a test below moves forward.
const offset = (): number => f.gw.env.clock.offsetSeconds * 1000;
const sts = (): STSClient => {
  const c = new STSClient({ endpoint: f.gw.url, region: 'default', credentials: svc, maxAttempts: 1, systemClockOffset: offset() });
  t.teardown(() => c.destroy());
  return c;
};
const assume = async (extra: { Policy?: string; DurationSeconds?: number; RoleSessionName?: string } = {}): Promise<Creds> =>
  temp((await sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'job', ...extra }))).Credentials);
const ok = async (p: Promise<unknown>): Promise<string> => p.then(() => 'OK', (e: { $metadata?: { httpStatusCode?: number }; name?: string }) => `${e.$metadata?.httpStatusCode} ${e.name}`);

t.test('the role policy alone: read and write data, nothing else', async (t) => {
  const s3 = f.s3(await assume());
  t.equal(await ok(s3.send(new ListObjectsV2Command({ Bucket: 'data' }))), 'OK');
  t.equal(await ok(s3.send(new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }))), 'OK');
  t.equal(await ok(s3.send(new PutObjectCommand({ Bucket: 'data', Key: 'b.txt', Body: 'x' }))), 'OK');
  t.equal(await ok(s3.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'b.txt' }))), '403 AccessDenied');
  t.equal(await ok(s3.send(new ListBucketsCommand({}))), '403 AccessDenied');
});

t.test('a session policy intersects: it cannot add what the role lacks, and it takes away', async (t) => {
  const lim = f.s3(await assume({ Policy: JSON.stringify(allow(['s3:ListBucket', 's3:DeleteObject'])) }));
  t.equal(await ok(lim.send(new ListObjectsV2Command({ Bucket: 'data' }))), 'OK');
  t.equal(await ok(lim.send(new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }))), '403 AccessDenied', 'the role allows it, the session policy does not');
  t.equal(await ok(lim.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'zz' }))), '403 AccessDenied', 'the session policy allows it, the role does not');
  const minus = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] };
  const dn = f.s3(await assume({ Policy: JSON.stringify(minus) }));
  t.equal(await ok(dn.send(new ListObjectsV2Command({ Bucket: 'data' }))), 'OK');
  t.equal(await ok(dn.send(new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }))), '403 AccessDenied');
});

t.test('the role is reloaded: its policies apply at once; deleting or re-creating it ends the session', async (t) => {
  const s3 = f.s3(await assume());
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'rw', PolicyName: 'p' }));
  t.equal(await ok(s3.send(new ListObjectsV2Command({ Bucket: 'data' }))), '403 AccessDenied');
  await iam.send(new PutRolePolicyCommand({ RoleName: 'rw', PolicyName: 'p', PolicyDocument: JSON.stringify(rw) }));
  t.equal(await ok(s3.send(new ListObjectsV2Command({ Bucket: 'data' }))), 'OK');
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'rw', PolicyName: 'p' }));
  await iam.send(new DeleteRoleCommand({ RoleName: 'rw' }));
  await createRole(iam, 'rw', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }), { policy: rw });
  t.equal(await ok(s3.send(new ListObjectsV2Command({ Bucket: 'data' }))), '403 AccessDenied', 'a new role under the old name is not the session role');
});

t.test('refused credentials: altered, missing or foreign token, wrong secret, 403 AccessDenied (a wrong secret: SignatureDoesNotMatch)', async (t) => {
  const c = await assume();
  const other = await assume();
  const list = (x: Creds): Promise<unknown> => f.s3(x).send(new ListObjectsV2Command({ Bucket: 'data' }));
  const flip = c.sessionToken!.slice(0, 20) + (c.sessionToken![20] === 'A' ? 'B' : 'A') + c.sessionToken!.slice(21);
  await rejects(t, list({ ...c, sessionToken: flip }), 403, 'AccessDenied', 'altered token');
  await rejects(t, list({ ...c, sessionToken: 'not-a-token' }), 403, 'AccessDenied', 'garbage token');
  await rejects(t, list({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }), 403, 'AccessDenied', 'missing token');
  await rejects(t, list({ ...c, sessionToken: other.sessionToken }), 403, 'AccessDenied', 'token of other credentials');
  // RGW's STS engine answers a bad signature with SignatureDoesNotMatch (probed), unlike static keys.
  await rejects(t, list({ ...c, secretAccessKey: 'X'.repeat(40) }), 403, 'SignatureDoesNotMatch', 'wrong secret');
  const foreign = await (await import('../../reference/gateway.js')).startGateway({ port: 0 });
  t.teardown(() => foreign.close());
  const s3 = new S3Client({ endpoint: foreign.url, region: 'default', forcePathStyle: true, credentials: c, maxAttempts: 1 });
  t.teardown(() => s3.destroy());
  await rejects(t, s3.send(new ListBucketsCommand({})), 403, 'AccessDenied', 'a gateway with another STS key cannot open the token');
});

t.test('expiry follows the gateway clock: valid until Expiration, refused from it on', async (t) => {
  const g = f.gw.env.clock.now();
  const r = await sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'short', DurationSeconds: 900 }));
  const c = temp(r.Credentials);
  t.ok(Math.abs(r.Credentials!.Expiration!.getTime() - (g + 900_000)) < 5_000, 'Expiration = gateway now + 900 s');
  const at = (): S3Client => f.s3(c, { systemClockOffset: offset() });
  f.gw.advanceClock(890);
  t.equal(await ok(at().send(new ListObjectsV2Command({ Bucket: 'data' }))), 'OK', '10 s before Expiration');
  f.gw.advanceClock(11);
  await rejects(t, at().send(new ListObjectsV2Command({ Bucket: 'data' })), 403, 'AccessDenied', 'past Expiration');
});

t.test('presigned URLs carry the session token (X-Amz-Security-Token)', async (t) => {
  const c = await assume();
  const s3 = f.s3(c, { systemClockOffset: offset() });
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'data', Key: 'a.txt' }), { expiresIn: 300, signingDate: new Date(f.gw.env.clock.now()) });
  t.match(url, /X-Amz-Security-Token=/);
  const res = await fetch(url);
  t.equal(res.status, 200);
  t.equal(await res.text(), 'hello');
  const stripped = await fetch(url.replace(/&X-Amz-Security-Token=[^&]*/, ''));
  t.equal(stripped.status, 403);
});

t.test('the ops log records account, role and session of temporary-credential requests', async (t) => {
  const c = await assume({ RoleSessionName: 'logged' });
  const s3 = f.s3(c, { systemClockOffset: offset() });
  await s3.send(new ListObjectsV2Command({ Bucket: 'data' }));
  await new Promise((r) => setImmediate(r));
  const e = f.gw.env.opsLog.list().filter((x) => x.session === 'logged').pop();
  t.ok(e, 'an entry for the session');
  t.equal(e?.account, acct.id);
  t.equal(e?.role, 'rw');
  t.equal(e?.accessKey, c.accessKeyId);
  t.equal(e?.tempCredentials, true);
  t.equal(e?.status, 200);
});
