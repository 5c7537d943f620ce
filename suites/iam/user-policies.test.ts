// Inline and managed user policies through the real SDK, and their effect: an account user starts with no
// permissions; its inline, managed and group policies grant them; an explicit Deny wins.
import t from 'tap';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, DeleteAccessKeyCommand, CreateUserCommand, DeleteUserCommand, DeleteUserPolicyCommand, DetachUserPolicyCommand,
  GetUserPolicyCommand, ListAttachedUserPoliciesCommand, ListUserPoliciesCommand, PutUserPolicyCommand, ListUsersCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('upol');
const iam = f.iam(acct.root);
const doc = (effect: string, action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] });
await iam.send(new CreateUserCommand({ UserName: 'zed' }));
const k = (await iam.send(new CreateAccessKeyCommand({ UserName: 'zed' }))).AccessKey!;
const zed = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };

t.test('PutUserPolicy / GetUserPolicy return the document as given; names sorted by byte', async (t) => {
  await iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'zp', PolicyDocument: doc('Allow', 's3:ListAllMyBuckets') }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'ZED', PolicyName: 'Ap', PolicyDocument: doc('Allow', 'iam:ListUsers') }));
  const got = await iam.send(new GetUserPolicyCommand({ UserName: 'Zed', PolicyName: 'zp' }));
  t.equal(got.PolicyDocument, doc('Allow', 's3:ListAllMyBuckets'));
  t.equal(got.UserName, 'Zed', 'UserName is echoed as sent');
  t.same((await iam.send(new ListUserPoliciesCommand({ UserName: 'zed' }))).PolicyNames, ['Ap', 'zp']);
  const p1 = await iam.send(new ListUserPoliciesCommand({ UserName: 'zed', MaxItems: 1 }));
  t.same([p1.IsTruncated, p1.Marker], [true, 'zp'], 'the marker is the next name');
});

t.test('the policies take effect: ListBuckets and ListUsers now allowed for zed', async (t) => {
  t.equal((await f.s3(zed).send(new ListBucketsCommand({}))).$metadata.httpStatusCode, 200);
  t.equal((await f.iam(zed).send(new ListUsersCommand({}))).$metadata.httpStatusCode, 200);
});

t.test('an explicit Deny in a managed-free inline policy wins over the Allow', async (t) => {
  await iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'deny', PolicyDocument: doc('Deny', 's3:ListAllMyBuckets') }));
  await rejects(t, f.s3(zed).send(new ListBucketsCommand({})), 403, 'AccessDenied');
  await iam.send(new DeleteUserPolicyCommand({ UserName: 'zed', PolicyName: 'deny' }));
});

t.test('input errors: invalid policy name 400, missing name 400, bad document 400 MalformedPolicyDocument, unknown user 404', async (t) => {
  await rejects(t, iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'p 1', PolicyDocument: doc('Allow', 's3:*') })), 400, 'InvalidInput');
  await rejects(t, iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'p'.repeat(129), PolicyDocument: doc('Allow', 's3:*') })), 400, 'InvalidInput');
  await rejects(t, iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'bad', PolicyDocument: '{' })), 400, 'MalformedPolicyDocument');
  await rejects(t, iam.send(new PutUserPolicyCommand({ UserName: 'zed', PolicyName: 'bad', PolicyDocument: doc('Allow', 's3:Nope') })), 400, 'MalformedPolicyDocument');
  await rejects(t, iam.send(new PutUserPolicyCommand({ UserName: 'ghost', PolicyName: 'x', PolicyDocument: '{' })), 404, 'NoSuchEntity', 'the user is looked up before the document is parsed');
  await rejects(t, iam.send(new GetUserPolicyCommand({ UserName: 'zed', PolicyName: 'nope' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new DeleteUserPolicyCommand({ UserName: 'zed', PolicyName: 'nope' })), 404, 'NoSuchEntity');
});

t.test('managed policies: the AWS ARNs RGW knows attach (idempotently); others are 404', async (t) => {
  await iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await rejects(t, iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/Nope12345' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: `arn:aws:iam::${acct.id}:policy/mine` })), 404, 'NoSuchEntity', 'no customer managed policies');
  const l = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'zed' }));
  t.same(l.AttachedPolicies?.map((p) => p.PolicyName), ['AmazonS3FullAccess', 'IAMReadOnlyAccess']);
  const p1 = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'zed', MaxItems: 1 }));
  t.same([p1.IsTruncated, p1.Marker], [true, 'arn:aws:iam::aws:policy/IAMReadOnlyAccess']);
});

t.test('AmazonS3FullAccess lets zed create a bucket (owned by the account)', async (t) => {
  await iam.send(new DeleteUserPolicyCommand({ UserName: 'zed', PolicyName: 'zp' }));
  t.equal((await f.s3(zed).send(new CreateBucketCommand({ Bucket: 'upol-zed' }))).$metadata.httpStatusCode, 200);
});

t.test('DeleteUser waits for inline and managed policies; DetachUserPolicy of an unattached ARN is 404', async (t) => {
  await iam.send(new DeleteUserPolicyCommand({ UserName: 'zed', PolicyName: 'Ap' }));
  await iam.send(new DeleteAccessKeyCommand({ UserName: 'zed', AccessKeyId: k.AccessKeyId }));
  await rejects(t, iam.send(new DeleteUserCommand({ UserName: 'zed' })), 409, 'DeleteConflict');
  await rejects(t, iam.send(new DetachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' })), 404, 'NoSuchEntity');
  await iam.send(new DetachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  await iam.send(new DetachUserPolicyCommand({ UserName: 'zed', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
  await iam.send(new DeleteUserCommand({ UserName: 'zed' }));
});

t.test('the account root is visible to the policy calls by its display name', async (t) => {
  const rootName = acct.root.uid; // the fixture's root display name equals its uid
  await iam.send(new PutUserPolicyCommand({ UserName: rootName, PolicyName: 'deny', PolicyDocument: doc('Deny', 'iam:ListUsers') }));
  await rejects(t, iam.send(new ListUsersCommand({})), 403, 'AccessDenied', 'an explicit Deny stops even the root');
  await iam.send(new DeleteUserPolicyCommand({ UserName: rootName, PolicyName: 'deny' }));
  t.equal((await iam.send(new ListUsersCommand({}))).$metadata.httpStatusCode, 200);
});
