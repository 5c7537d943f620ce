// S3 bucket operations through the real AWS SDK v3 client, with the status and code RGW 20.2.4 answers.
import t from 'tap';
import { CreateBucketCommand, DeleteBucketCommand, DeleteBucketPolicyCommand, GetBucketAclCommand, GetBucketLocationCommand, GetBucketPolicyCommand, HeadBucketCommand, ListBucketsCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const alice = await f.user('alice');
const bob = await f.user('bob');
const s3 = f.s3(alice);

t.test('CreateBucket, ListBuckets, HeadBucket, DeleteBucket', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'alpha' }));
  const list = await s3.send(new ListBucketsCommand({}));
  t.same(list.Buckets?.map((b) => b.Name), ['alpha']);
  t.same(list.Owner, { ID: 'alice', DisplayName: 'alice' });
  t.equal((await s3.send(new HeadBucketCommand({ Bucket: 'alpha' }))).$metadata.httpStatusCode, 200);
  await s3.send(new DeleteBucketCommand({ Bucket: 'alpha' }));
  await rejects(t, s3.send(new HeadBucketCommand({ Bucket: 'alpha' })), 404, 'NotFound');
});

t.test('re-creating your own bucket succeeds (RGW answers 200)', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'mine' }));
  t.equal((await s3.send(new CreateBucketCommand({ Bucket: 'mine' }))).$metadata.httpStatusCode, 200);
});

t.test("another user's bucket name: 409 BucketAlreadyExists", async (t) => {
  await rejects(t, f.s3(bob).send(new CreateBucketCommand({ Bucket: 'mine' })), 409, 'BucketAlreadyExists');
});

t.test('invalid bucket names: 400 InvalidBucketName', async (t) => {
  for (const name of ['ab', 'Upper', 'under_score', 'a..b', '-dash', '192.168.1.1', 'x'.repeat(64)]) {
    await rejects(t, s3.send(new CreateBucketCommand({ Bucket: name })), 400, 'InvalidBucketName', name);
  }
});

t.test('missing bucket: 404 NoSuchBucket; non-empty bucket: 409 BucketNotEmpty', async (t) => {
  await rejects(t, s3.send(new DeleteBucketCommand({ Bucket: 'nope-nope' })), 404, 'NoSuchBucket');
  await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
  await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'x' }));
  await rejects(t, s3.send(new DeleteBucketCommand({ Bucket: 'full' })), 409, 'BucketNotEmpty');
});

t.test("a classic user cannot read another user's bucket", async (t) => {
  // HEAD responses carry no body, so the SDK names the error 'Unknown' (as it does against RGW).
  await rejects(t, f.s3(bob).send(new HeadBucketCommand({ Bucket: 'mine' })), 403, 'Unknown');
  await rejects(t, f.s3(bob).send(new DeleteBucketCommand({ Bucket: 'mine' })), 403, 'AccessDenied');
});

t.test('GetBucketLocation and GetBucketAcl', async (t) => {
  const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'mine' }));
  t.equal(loc.LocationConstraint, 'default');
  const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'mine' }));
  t.same(acl.Owner, { ID: 'alice', DisplayName: 'alice' });
  t.equal(acl.Grants?.[0]?.Permission, 'FULL_CONTROL');
});

t.test('bucket policy: put, get, delete; malformed → 400 InvalidArgument; none → 404 NoSuchBucketPolicy', async (t) => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam:::user/bob'] }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::mine' }] });
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'mine', Policy: policy }));
  t.equal((await s3.send(new GetBucketPolicyCommand({ Bucket: 'mine' }))).Policy, policy);
  t.equal((await f.s3(bob).send(new HeadBucketCommand({ Bucket: 'mine' }))).$metadata.httpStatusCode, 200, 'the policy grants bob ListBucket');
  await rejects(t, s3.send(new PutBucketPolicyCommand({ Bucket: 'mine', Policy: '{"Statement": [' })), 400, 'InvalidArgument');
  await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'mine' }));
  await rejects(t, s3.send(new GetBucketPolicyCommand({ Bucket: 'mine' })), 404, 'NoSuchBucketPolicy');
});

t.test('max-buckets: TooManyBuckets', async (t) => {
  const carol = await f.user('carol');
  await f.admin.send('ModifyUser', { uid: 'carol', 'max-buckets': 1 });
  const c = f.s3(carol);
  await c.send(new CreateBucketCommand({ Bucket: 'carol-1' }));
  await rejects(t, c.send(new CreateBucketCommand({ Bucket: 'carol-2' })), 400, 'TooManyBuckets');
});
