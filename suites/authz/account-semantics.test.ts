// Account semantics in S3 requests, as RGW 20.2.4 answered them: account members start with no permissions
// (the root has them all), what they create belongs to the account, same-account requests need an identity
// or bucket policy (ACLs are not consulted, not even public-read), cross-account requests need both sides,
// classic users keep owner and ACL rules, and bucket policies name principals as RGW matches them.
import t from 'tap';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand, GetBucketAclCommand, GetObjectAclCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutBucketPolicyCommand,
  PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import { fixture, rejects, type Creds } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = await f.account('acct-a');
const b = await f.account('acct-b');
const classic = await f.user('sem-classic');
const P = (s: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: s });
const s3all = P([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);

async function iamUser(root: Creds, name: string, policy?: string): Promise<Creds> {
  const iam = f.iam(root);
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
  const k = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
}

const bare = await iamUser(a.root, 'bare');
const writer = await iamUser(a.root, 'writer', s3all);
const other = await iamUser(b.root, 'other', s3all);
const anonymous = new S3Client({ endpoint: f.gw.url, region: 'default', forcePathStyle: true, credentials: { accessKeyId: '', secretAccessKey: '' }, signer: { sign: async (r) => r } });
t.teardown(() => anonymous.destroy());

await f.s3(a.root).send(new CreateBucketCommand({ Bucket: 'a-data' }));
await f.s3(a.root).send(new PutObjectCommand({ Bucket: 'a-data', Key: 'doc', Body: 'x' }));
await f.s3(a.root).send(new CreateBucketCommand({ Bucket: 'a-pub', ACL: 'public-read' }));
await f.s3(a.root).send(new PutObjectCommand({ Bucket: 'a-pub', Key: 'o', Body: 'x', ACL: 'public-read' }));

t.test('a member without policies: ListBuckets, CreateBucket, GetObject all 403', async (t) => {
  await rejects(t, f.s3(bare).send(new ListBucketsCommand({})), 403, 'AccessDenied');
  await rejects(t, f.s3(bare).send(new CreateBucketCommand({ Bucket: 'bare-bkt' })), 403, 'AccessDenied');
  await rejects(t, f.s3(bare).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied');
});

t.test('same account, ACLs are not consulted: public-read does not let a bare member in', async (t) => {
  await rejects(t, f.s3(bare).send(new ListObjectsV2Command({ Bucket: 'a-pub' })), 403, 'AccessDenied');
  await rejects(t, f.s3(bare).send(new GetObjectCommand({ Bucket: 'a-pub', Key: 'o' })), 403, 'AccessDenied');
});

t.test('public-read serves anonymous callers, classic users and another account root', async (t) => {
  t.equal((await anonymous.send(new ListObjectsV2Command({ Bucket: 'a-pub' }))).KeyCount, 1);
  t.equal((await f.s3(classic).send(new GetObjectCommand({ Bucket: 'a-pub', Key: 'o' }))).$metadata.httpStatusCode, 200);
  t.equal((await f.s3(b.root).send(new GetObjectCommand({ Bucket: 'a-pub', Key: 'o' }))).$metadata.httpStatusCode, 200);
  await rejects(t, f.s3(classic).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied', 'but not a private bucket');
});

t.test('an identity policy is enough in the same account; what the member creates belongs to the account', async (t) => {
  const w = f.s3(writer);
  t.same((await w.send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name), ['a-data', 'a-pub'], 'ListBuckets shows the account buckets');
  t.equal(await (await w.send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' }))).Body!.transformToString(), 'x');
  await w.send(new CreateBucketCommand({ Bucket: 'a-writer' }));
  await w.send(new PutObjectCommand({ Bucket: 'a-writer', Key: 'k', Body: 'y' }));
  t.same((await f.s3(a.root).send(new GetBucketAclCommand({ Bucket: 'a-writer' }))).Owner?.ID, a.id);
  t.same((await f.s3(a.root).send(new GetObjectAclCommand({ Bucket: 'a-writer', Key: 'k' }))).Owner?.ID, a.id);
  t.equal((await f.s3(a.root).send(new GetObjectCommand({ Bucket: 'a-writer', Key: 'k' }))).$metadata.httpStatusCode, 200, 'the root reads it');
  const l = await w.send(new ListBucketsCommand({}));
  t.equal(l.Owner?.DisplayName, 'writer', 'ListBuckets names the caller as Owner');
});

t.test('cross-account: the identity policy alone is not enough; a bucket policy naming the user opens it', async (t) => {
  await rejects(t, f.s3(other).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied');
  await rejects(t, f.s3(b.root).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied');
  await f.s3(a.root).send(new PutBucketPolicyCommand({ Bucket: 'a-data', Policy: P([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${b.id}:user/other` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a-data/*' }]) }));
  t.equal((await f.s3(other).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' }))).$metadata.httpStatusCode, 200);
  await rejects(t, f.s3(b.root).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied', 'the policy names the user, not its account');
});

t.test('a bucket policy naming an account root covers every member and the root of that account', async (t) => {
  await f.s3(a.root).send(new PutBucketPolicyCommand({ Bucket: 'a-data', Policy: P([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${b.id}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a-data/*' }]) }));
  t.equal((await f.s3(b.root).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' }))).$metadata.httpStatusCode, 200);
  t.equal((await f.s3(other).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' }))).$metadata.httpStatusCode, 200);
  const bBare = await iamUser(b.root, 'bbare');
  await rejects(t, f.s3(bBare).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied', 'a member without identity policy stays out');
});

t.test('same account: a bucket policy naming a member by display name lets it in without identity policy', async (t) => {
  await f.s3(a.root).send(new PutBucketPolicyCommand({ Bucket: 'a-data', Policy: P([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${a.id}:user/bare` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a-data/*' }]) }));
  t.equal((await f.s3(bare).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' }))).$metadata.httpStatusCode, 200);
});

t.test('an explicit Deny in the bucket policy stops even the account root', async (t) => {
  await f.s3(a.root).send(new PutBucketPolicyCommand({ Bucket: 'a-data', Policy: P([{ Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${a.id}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::a-data/*' }]) }));
  await rejects(t, f.s3(a.root).send(new GetObjectCommand({ Bucket: 'a-data', Key: 'doc' })), 403, 'AccessDenied');
  t.equal((await f.s3(a.root).send(new ListObjectsV2Command({ Bucket: 'a-data' }))).KeyCount, 1, 'other actions still allowed');
});

t.test('Principal "*" opens a bucket to anonymous callers', async (t) => {
  await f.s3(a.root).send(new CreateBucketCommand({ Bucket: 'a-open' }));
  await f.s3(a.root).send(new PutObjectCommand({ Bucket: 'a-open', Key: 'o', Body: 'open' }));
  await rejects(t, anonymous.send(new GetObjectCommand({ Bucket: 'a-open', Key: 'o' })), 403, 'AccessDenied');
  await f.s3(a.root).send(new PutBucketPolicyCommand({ Bucket: 'a-open', Policy: P([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a-open/*' }]) }));
  t.equal(await (await anonymous.send(new GetObjectCommand({ Bucket: 'a-open', Key: 'o' }))).Body!.transformToString(), 'open');
});

t.test('classic users keep classic rules: no policy needed to list or create, owner rules on their buckets', async (t) => {
  const c = f.s3(classic);
  t.equal((await c.send(new ListBucketsCommand({}))).$metadata.httpStatusCode, 200);
  await c.send(new CreateBucketCommand({ Bucket: 'classic-bkt' }));
  await c.send(new PutObjectCommand({ Bucket: 'classic-bkt', Key: 'k', Body: 'z' }));
  t.same((await c.send(new GetBucketAclCommand({ Bucket: 'classic-bkt' }))).Owner?.ID, classic.uid);
  await rejects(t, f.s3(a.root).send(new GetObjectCommand({ Bucket: 'classic-bkt', Key: 'k' })), 403, 'AccessDenied', 'an account root has no rights on a classic bucket');
});
