// GetSessionToken as RGW 20.2.4 serves it: the account root may; account users and role sessions need an
// identity policy allowing sts:GetSessionToken; classic users and anonymous callers may not (no policy);
// DurationSeconds 900..rgw_sts_max_session_duration. The credentials act as the user, with its CURRENT
// permissions, and may call GetSessionToken again; a role session's are refused everywhere.
import t from 'tap';
import { DeleteUserPolicyCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { fixture, rejects } from '../fixtures/gateway.js';
import { allow, createRole, outcome, stsRaw, temp, tempFromXml, trustPolicy } from './helpers.js';

const f = await fixture(t, { stsMaxSessionDuration: 43200 });
const acct = await f.account('gst');
const iam = f.iam(acct.root);
const user = await f.user('worker', { accountId: acct.id });
const classic = await f.user('gst-classic');
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'gst-bucket' }));
const gst = (who: Parameters<typeof stsRaw>[1], params: Record<string, string> = {}): ReturnType<typeof stsRaw> => stsRaw(f.gw.url, who, { Action: 'GetSessionToken', ...params });

t.test('who may call it', async (t) => {
  t.equal(outcome(await gst(acct.root)), '200', 'the account root');
  t.equal(outcome(await gst(user)), '403 AccessDenied', 'an account user without policy');
  t.equal(outcome(await gst(classic)), '403 AccessDenied', 'a classic user');
  t.equal(outcome(await gst(null)), '403 AccessDenied', 'anonymous');
  await iam.send(new PutUserPolicyCommand({ UserName: 'worker', PolicyName: 'gst', PolicyDocument: JSON.stringify(allow('sts:GetSessionToken')) }));
  t.equal(outcome(await gst(user)), '200', 'an account user with a policy allowing it');
});

t.test('DurationSeconds: 900 to rgw_sts_max_session_duration, default 3600', async (t) => {
  const cases: [string, string][] = [['899', '400 InvalidArgument'], ['900', '200'], ['43200', '200'], ['43201', '400 InvalidArgument'], ['129600', '400 InvalidArgument'], ['abc', '400 InvalidArgument'], ['-1', '400 InvalidArgument'], [' 900', '200'], ['', '200']];
  for (const [d, expected] of cases) t.equal(outcome(await gst(acct.root, { DurationSeconds: d })), expected, `DurationSeconds=${JSON.stringify(d)}`);
  t.equal(outcome(await gst(acct.root, { SerialNumber: 'x', TokenCode: '123456' })), '200', 'SerialNumber and TokenCode are not checked');
  const now = f.gw.env.clock.now();
  const r = await f.sts(acct.root).send(new GetSessionTokenCommand({}));
  t.ok(Math.abs(r.Credentials!.Expiration!.getTime() - now - 3600_000) < 5000, 'default 3600 s');
});

t.test('the minimum is 900 whatever rgw_sts_min_session_duration says; the maximum follows the setting', async (t) => {
  const g = await fixture(t, { stsMinSessionDuration: 1000, stsMaxSessionDuration: 2000 });
  const root = (await g.account('gst-bounds')).root;
  const at = async (d: string): Promise<string> => outcome(await stsRaw(g.gw.url, root, { Action: 'GetSessionToken', DurationSeconds: d }));
  t.equal(await at('950'), '200');
  t.equal(await at('899'), '400 InvalidArgument');
  t.equal(await at('2000'), '200');
  t.equal(await at('2001'), '400 InvalidArgument');
});

t.test('the credentials act as the user, with its current permissions', async (t) => {
  const root = f.s3(temp((await f.sts(acct.root).send(new GetSessionTokenCommand({}))).Credentials));
  t.same((await root.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name), ['gst-bucket'], 'the root session can do what the root can');
  const rootIam = f.iam(temp((await f.sts(acct.root).send(new GetSessionTokenCommand({}))).Credentials));
  t.ok((await rootIam.send(new ListUsersCommand({}))).Users, 'IAM too');
  const c = tempFromXml((await gst(user)).body);
  await rejects(t, f.s3(c).send(new ListObjectsV2Command({ Bucket: 'gst-bucket' })), 403, 'AccessDenied', 'no S3 policy yet');
  await iam.send(new PutUserPolicyCommand({ UserName: 'worker', PolicyName: 'list', PolicyDocument: JSON.stringify(allow('s3:ListBucket')) }));
  t.equal((await f.s3(c).send(new ListObjectsV2Command({ Bucket: 'gst-bucket' }))).KeyCount, 0, 'a policy added after issue applies');
  t.equal(outcome(await gst(c)), '200', 'the session may call GetSessionToken again');
  await iam.send(new DeleteUserPolicyCommand({ UserName: 'worker', PolicyName: 'gst' }));
  t.equal(outcome(await gst(c)), '403 AccessDenied', 'and not once the policy is gone');
});

t.test('a role session: refused without a policy; with one, its credentials are refused everywhere', async (t) => {
  const arn = await createRole(iam, 'gst-role', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }), { policy: allow(['sts:GetSessionToken', 's3:ListBucket']) });
  const bare = await createRole(iam, 'gst-bare', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }));
  const session = async (role: string): Promise<ReturnType<typeof tempFromXml>> => tempFromXml((await stsRaw(f.gw.url, user, { Action: 'AssumeRole', RoleArn: role, RoleSessionName: 's1' })).body);
  t.equal(outcome(await gst(await session(bare))), '403 AccessDenied');
  const r = await gst(await session(arn));
  t.equal(outcome(r), '200');
  await rejects(t, f.s3(tempFromXml(r.body)).send(new ListObjectsV2Command({ Bucket: 'gst-bucket' })), 403, 'AccessDenied');
});
