// SigV4 Authorization header with the real SDK: any region and service the client signs with, and the answers
// RGW 20.2.4 gives for each bad credential (403 AccessDenied for all of them while STS is on; UserSuspended
// only once the signature is right) and for clock skew (15 minutes, checked before the key is looked up).
import t from 'tap';
import { CreateBucketCommand, ListBucketsCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateAccessKeyCommand, CreateUserCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { fixture, rejects, type Creds } from '../fixtures/gateway.js';
import { call, outcome } from './raw.js';

const MINUTE = 60_000;

t.test('good and bad credentials', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('sig-alice');
  const list = (c: Creds, extra = {}) => f.s3(c, extra).send(new ListBucketsCommand({}));
  t.equal((await list(alice)).$metadata.httpStatusCode, 200);
  for (const region of ['us-east-1', 'zz-weird-9', 'default']) t.equal((await list(alice, { region })).$metadata.httpStatusCode, 200, `region ${region}`);
  t.equal(outcome(await call(f.gw.url, alice, { path: '/' }, { service: 'iam' })), '200', 'any service in the credential scope');

  await rejects(t, list({ accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' }), 403, 'AccessDenied', 'unknown key');
  await rejects(t, list({ ...alice, secretAccessKey: 'wrong' }), 403, 'AccessDenied', 'wrong secret');

  const account = await f.account('sig');
  const iam = f.iam(account.root);
  await iam.send(new CreateUserCommand({ UserName: 'carol' }));
  const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
  await iam.send(new UpdateAccessKeyCommand({ UserName: 'carol', AccessKeyId: key!.AccessKeyId, Status: 'Inactive' }));
  await rejects(t, list({ accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! }), 403, 'AccessDenied', 'inactive key');

  const bob = await f.user('sig-bob');
  await f.admin.send('ModifyUser', { uid: 'sig-bob', suspended: true });
  await rejects(t, list(bob), 403, 'UserSuspended', 'suspended user, right signature');
  await rejects(t, list({ ...bob, secretAccessKey: 'wrong' }), 403, 'AccessDenied', 'suspended user, wrong signature');
});

t.test('clock skew: 15 minutes either way, before the key lookup', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('skew-alice');
  const at = (ms: number) => new Date(Date.now() + ms);
  t.equal(outcome(await call(f.gw.url, alice, {}, { date: at(-14 * MINUTE) })), '200');
  t.equal(outcome(await call(f.gw.url, alice, {}, { date: at(14 * MINUTE) })), '200');
  t.equal(outcome(await call(f.gw.url, alice, {}, { date: at(-16 * MINUTE) })), '403 RequestTimeTooSkewed');
  t.equal(outcome(await call(f.gw.url, alice, {}, { date: at(16 * MINUTE) })), '403 RequestTimeTooSkewed');
  t.equal(outcome(await call(f.gw.url, { accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' }, {}, { date: at(-16 * MINUTE) })), '403 RequestTimeTooSkewed', 'skew wins over an unknown key');
  t.equal(outcome(await call(f.gw.url, alice, {}, { date: new Date('1960-01-01T00:00:00Z') })), '403 RequestTimeTooSkewed', 'a date before the epoch');
  await rejects(t, f.s3(alice, { systemClockOffset: -20 * MINUTE }).send(new ListBucketsCommand({})), 403, 'RequestTimeTooSkewed', 'SDK with a slow clock');
  f.gw.advanceClock(20 * 60);
  t.equal(outcome(await call(f.gw.url, alice, {})), '403 RequestTimeTooSkewed', 'the gateway clock moved forward');
});

t.test('rgw_s3_auth_use_sts=false: InvalidAccessKeyId and SignatureDoesNotMatch', async (t) => {
  const f = await fixture(t, { stsEnabled: false });
  const alice = await f.user('nosts-alice');
  await rejects(t, f.s3({ accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' }).send(new ListBucketsCommand({})), 403, 'InvalidAccessKeyId');
  await rejects(t, f.s3({ ...alice, secretAccessKey: 'wrong' }).send(new ListBucketsCommand({})), 403, 'SignatureDoesNotMatch');
});

t.test('anonymous: no Authorization header, or an empty one, is an anonymous request', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('anon-alice');
  const s3 = f.s3(alice);
  await s3.send(new CreateBucketCommand({ Bucket: 'anon-public' }));
  await s3.send(new PutObjectCommand({ Bucket: 'anon-public', Key: 'open', Body: 'for everyone' }));
  await s3.send(new PutObjectCommand({ Bucket: 'anon-public', Key: 'secret', Body: 'not for you' }));
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::anon-public/open' }] };
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'anon-public', Policy: JSON.stringify(policy) }));
  for (const headers of [{}, { authorization: '' }] as Record<string, string>[]) {
    const open = await fetch(`${f.gw.url}/anon-public/open`, { headers });
    t.equal(`${open.status} ${await open.text()}`, '200 for everyone');
    const secret = await fetch(`${f.gw.url}/anon-public/secret`, { headers });
    t.equal(secret.status, 403);
  }
});
