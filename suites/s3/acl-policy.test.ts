// Bucket and object ACLs (canned, and AccessControlPolicy documents that amount to a canned ACL) and bucket
// policies (stored after RGW's parser accepts them), as RGW 20.2.4 answers them.
import t from 'tap';
import {
  CreateBucketCommand, DeleteBucketPolicyCommand, GetBucketAclCommand, GetBucketPolicyCommand, GetObjectAclCommand,
  ListObjectsV2Command, PutBucketAclCommand, PutBucketPolicyCommand, PutObjectAclCommand, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const alice = await createTestUser(f.gw, { uid: 'alice' });
const bob = await createTestUser(f.gw, { uid: 'bob' });
const s3 = f.s3(alice);
await s3.send(new CreateBucketCommand({ Bucket: 'acl' }));
const ALL = 'http://acs.amazonaws.com/groups/global/AllUsers';

t.test('a new bucket grants its owner FULL_CONTROL', async (t) => {
  const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'acl' }));
  t.same(acl.Owner, { ID: 'alice', DisplayName: 'alice' });
  t.same(acl.Grants, [{ Grantee: { Type: 'CanonicalUser', ID: 'alice', DisplayName: 'alice' }, Permission: 'FULL_CONTROL' }]);
});

t.test('canned ACLs: the group grants come first; public-read opens listing to anonymous callers', async (t) => {
  await s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'public-read-write' }));
  const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'acl' }));
  t.same(acl.Grants?.map((g) => [g.Grantee?.Type, g.Grantee?.URI ?? g.Grantee?.ID, g.Permission]), [['Group', ALL, 'READ'], ['Group', ALL, 'WRITE'], ['CanonicalUser', 'alice', 'FULL_CONTROL']]);
  await s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'public-read' }));
  t.equal((await raw(f.gw, undefined, { path: '/acl' })).status, 200);
  await s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'private' }));
  t.equal((await raw(f.gw, undefined, { path: '/acl' })).status, 403);
});

t.test('an AccessControlPolicy document that is a canned ACL is accepted; other grant sets are a gap (501)', async (t) => {
  await s3.send(new PutBucketAclCommand({
    Bucket: 'acl',
    AccessControlPolicy: { Owner: { ID: 'alice' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'alice' }, Permission: 'FULL_CONTROL' }, { Grantee: { Type: 'Group', URI: ALL }, Permission: 'READ' }] },
  }));
  t.equal((await s3.send(new GetBucketAclCommand({ Bucket: 'acl' }))).Grants?.length, 2);
  await rejects(t, s3.send(new PutBucketAclCommand({ Bucket: 'acl', GrantRead: 'id="bob"' })), 501, 'NotImplemented');
  await s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'private' }));
});

t.test("AccessControlPolicy documents are checked as RGW does: owner present and right, grantees known", async (t) => {
  const doc = (owner: string | undefined, grantee: string) =>
    `<AccessControlPolicy>${owner === undefined ? '' : `<Owner><ID>${owner}</ID></Owner>`}<AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${grantee}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`;
  const put = (body: string) => raw(f.gw, alice, { method: 'PUT', path: '/acl', query: { acl: '' }, body });
  t.match((await put(doc('x', 'alice'))).body, /<Code>InvalidArgument<\/Code><Message>Invalid Owner ID<\/Message>/);
  t.match((await put(doc(undefined, 'alice'))).body, /<Code>InvalidArgument<\/Code><Message><\/Message>/);
  t.match((await put(doc('alice', 'no-such-user'))).body, /<Code>InvalidArgument<\/Code><Message>Invalid CanonicalUser id<\/Message>/);
  t.equal((await put(doc('alice', 'alice'))).status, 200, 'owner FULL_CONTROL only is private');
});

t.test('Put*Acl without an ACL, with a bad canned name or a body that is not XML: 400 InvalidArgument', async (t) => {
  const cases: { headers: Record<string, string>; body?: string }[] = [{ headers: {} }, { headers: { 'x-amz-acl': 'bogus' } }, { headers: {}, body: '<AccessControlPolicy' }];
  for (const r of cases) {
    const res = await raw(f.gw, alice, { method: 'PUT', path: '/acl', query: { acl: '' }, ...r });
    t.equal(res.status, 400);
    t.match(res.body, /<Code>InvalidArgument<\/Code>/);
  }
});

t.test('object ACLs: canned at PUT, read back, changed; a missing object is NoSuchKey', async (t) => {
  await s3.send(new PutObjectCommand({ Bucket: 'acl', Key: 'pub', Body: 'x', ACL: 'public-read' }));
  t.same((await s3.send(new GetObjectAclCommand({ Bucket: 'acl', Key: 'pub' }))).Grants?.map((g) => g.Permission), ['READ', 'FULL_CONTROL']);
  t.equal((await raw(f.gw, undefined, { path: '/acl/pub' })).status, 200, 'anonymous read of a public-read object');
  await s3.send(new PutObjectAclCommand({ Bucket: 'acl', Key: 'pub', ACL: 'private' }));
  const denied = await raw(f.gw, undefined, { path: '/acl/pub' });
  t.equal(denied.status, 403);
  t.match(denied.body, /<Message>missing s3:GetObject permission<\/Message>/);
  await rejects(t, s3.send(new GetObjectAclCommand({ Bucket: 'acl', Key: 'nope' })), 404, 'NoSuchKey');
  await rejects(t, f.s3(bob).send(new GetObjectAclCommand({ Bucket: 'acl', Key: 'pub' })), 403, 'AccessDenied');
});

t.test('bucket policy: put 204, get as stored, enforced, delete 204 (twice); none → 404 NoSuchBucketPolicy', async (t) => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam:::user/bob'] }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acl' }] });
  await rejects(t, f.s3(bob).send(new ListObjectsV2Command({ Bucket: 'acl' })), 403, 'AccessDenied');
  t.equal((await s3.send(new PutBucketPolicyCommand({ Bucket: 'acl', Policy: policy }))).$metadata.httpStatusCode, 204);
  t.equal((await s3.send(new GetBucketPolicyCommand({ Bucket: 'acl' }))).Policy, policy);
  t.equal((await f.s3(bob).send(new ListObjectsV2Command({ Bucket: 'acl' }))).$metadata.httpStatusCode, 200, 'the policy grants bob ListBucket');
  await rejects(t, f.s3(bob).send(new PutBucketPolicyCommand({ Bucket: 'acl', Policy: policy })), 403, 'AccessDenied');
  t.equal((await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'acl' }))).$metadata.httpStatusCode, 204);
  t.equal((await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'acl' }))).$metadata.httpStatusCode, 204);
  await rejects(t, s3.send(new GetBucketPolicyCommand({ Bucket: 'acl' })), 404, 'NoSuchBucketPolicy', 'The bucket policy does not exist');
});

t.test("a policy RGW's parser refuses: 400 InvalidArgument with the parser's message", async (t) => {
  await rejects(t, s3.send(new PutBucketPolicyCommand({ Bucket: 'acl', Policy: '{"Statement": [' })), 400, 'InvalidArgument', 'At character offset 15, Invalid value.');
  const badAction = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:Bogus', Resource: 'arn:aws:s3:::acl' }] });
  await rejects(t, s3.send(new PutBucketPolicyCommand({ Bucket: 'acl', Policy: badAction })), 400, 'InvalidArgument', 'At character offset 90, `s3:Bogus` is not a valid action.');
});
