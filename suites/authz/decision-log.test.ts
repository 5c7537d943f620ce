// The decision log behind GET /_reference/decisions?request-id=ID: one record per authorisation with the
// caller's principal ARN, action, resource, verdict, a one-line summary and the statements that decided.
import t from 'tap';
import { CreateRoleCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';
import { decisionsOf, requestIdOf } from './decisions.js';

const f = await fixture(t);
const acct = await f.account('log');
const user = await f.user('log-user', { accountId: acct.id, displayName: 'reader' });
const root = f.s3(acct.root);
await root.send(new CreateBucketCommand({ Bucket: 'logged' }));
await root.send(new PutObjectCommand({ Bucket: 'logged', Key: 'k', Body: 'x' }));
const P = (s: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: s });

t.test('the account root: allowed by the account-root rule', async (t) => {
  const [d] = await decisionsOf(f.gw, await requestIdOf(root.send(new ListObjectsV2Command({ Bucket: 'logged' }))));
  t.match(d, { principal: `arn:aws:iam::${acct.id}:root`, action: 's3:ListBucket', resource: 'arn:aws:s3:::logged', allowed: true });
  t.match(d?.summary, /^allowed: s3:ListBucket by account-root \(granted to the account root\)$/);
});

t.test('a bucket policy statement that allows is named by its Sid', async (t) => {
  await root.send(new PutBucketPolicyCommand({ Bucket: 'logged', Policy: P([{ Sid: 'LetReaderIn', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:user/reader` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logged/*' }]) }));
  const [d] = await decisionsOf(f.gw, await requestIdOf(f.s3(user).send(new GetObjectCommand({ Bucket: 'logged', Key: 'k' }))));
  t.equal(d?.allowed, true);
  t.equal(d?.summary, 'allowed: s3:GetObject by bucket-policy statement LetReaderIn');
});

t.test('an explicit Deny is named with its statement, and blocks', async (t) => {
  await root.send(new PutBucketPolicyCommand({ Bucket: 'logged', Policy: P([{ Sid: 'NoReads', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logged/*' }]) }));
  const id = await requestIdOf(f.s3(user).send(new GetObjectCommand({ Bucket: 'logged', Key: 'k' })));
  const [d] = await decisionsOf(f.gw, id);
  t.match(d, { allowed: false, blockedBy: 'bucket-policy' });
  t.equal(d?.summary, `denied: explicit Deny in bucket-policy statement NoReads for arn:aws:iam::${acct.id}:user/reader`);
  t.ok(d?.because.some((e) => e.statement === 'NoReads' && e.effect === 'Deny'));
});

t.test('IAM calls are logged too; an admin cap is named when it authorises', async (t) => {
  await rejects(t, f.iam(user).send(new ListUsersCommand({})), 403, 'AccessDenied');
  const id = await requestIdOf(f.iam(f.gw.admin).send(new CreateRoleCommand({ RoleName: 'capped', AssumeRolePolicyDocument: P([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]) })));
  const [d] = await decisionsOf(f.gw, id);
  t.match(d, { action: 'iam:CreateRole', resource: 'arn:aws:iam:::role/capped', allowed: true });
  t.match(d?.summary, /admin cap roles=\*/);
});
