// Account and user limits (quota/limits.ts), each with RGW 20.2.4's code, status and message:
// max-buckets (0 unlimited, negative refuses, shared by an account's members), and the IAM limits max-users,
// max-roles, max-groups, max-access-keys (negative unlimited, 0 none, the root counts as a user).
import t from 'tap';
import { CreateBucketCommand, DeleteBucketCommand } from '@aws-sdk/client-s3';
import { CreateAccessKeyCommand, CreateGroupCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::RGW00000000000000000:root' }, Action: 'sts:AssumeRole' }] });

t.test('classic max-buckets: N → 400 TooManyBuckets, also for re-creating an owned bucket; 0 unlimited; negative → 403 AccessDenied', async (t) => {
  const u = await f.user('lim-classic');
  const s3 = f.s3(u);
  await a.send('ModifyUser', { uid: 'lim-classic', 'max-buckets': 2 });
  for (const b of ['lim-c1', 'lim-c2']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await rejects(t, s3.send(new CreateBucketCommand({ Bucket: 'lim-c3' })), 400, 'TooManyBuckets');
  await rejects(t, s3.send(new CreateBucketCommand({ Bucket: 'lim-c1' })), 400, 'TooManyBuckets', 'checked before whether the bucket exists');
  await s3.send(new DeleteBucketCommand({ Bucket: 'lim-c2' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'lim-c3' }));
  await a.send('ModifyUser', { uid: 'lim-classic', 'max-buckets': 0 });
  for (const b of ['lim-c4', 'lim-c5']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  t.pass('max-buckets 0: unlimited');
  await a.send('ModifyUser', { uid: 'lim-classic', 'max-buckets': -1 });
  await rejects(t, s3.send(new CreateBucketCommand({ Bucket: 'lim-c6' })), 403, 'AccessDenied');
});

t.test('account max-buckets is shared by the root and every member; a member’s own max-buckets does not matter', async (t) => {
  const acct = await f.account('lim-acct');
  await a.send('ModifyAccount', { id: acct.id, 'max-buckets': 2 });
  const member = await f.user('lim-member', { accountId: acct.id });
  await a.send('ModifyUser', { uid: 'lim-member', 'max-buckets': -1 });
  await f.iam(acct.root).send(new PutUserPolicyCommand({ UserName: 'lim-member', PolicyName: 's3', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }));
  await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'lim-a1' }));
  await f.s3(member).send(new CreateBucketCommand({ Bucket: 'lim-a2' }));
  await rejects(t, f.s3(member).send(new CreateBucketCommand({ Bucket: 'lim-a3' })), 400, 'TooManyBuckets');
  await f.s3(acct.root).send(new DeleteBucketCommand({ Bucket: 'lim-a1' }));
  await f.s3(member).send(new CreateBucketCommand({ Bucket: 'lim-a3' }));
  await a.send('ModifyAccount', { id: acct.id, 'max-buckets': -1 });
  await rejects(t, f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'lim-a4' })), 403, 'AccessDenied');
  await a.send('ModifyAccount', { id: acct.id, 'max-buckets': 0 });
  await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'lim-a4' }));
});

async function iamLimits(limit: number) {
  const acct = await f.account(`lim-iam${limit < 0 ? 'n' : limit}`);
  await a.send('ModifyAccount', { id: acct.id, 'max-users': limit, 'max-roles': limit, 'max-groups': limit, 'max-access-keys': limit });
  return { acct, iam: f.iam(acct.root) };
}

t.test('IAM limits of 2: the root is a user, the Admin Ops key counts; 409 LimitExceeded', async (t) => {
  const { iam } = await iamLimits(2);
  await iam.send(new CreateUserCommand({ UserName: 'u1' }));
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'u2' })), 409, 'LimitExceeded', 'root + u1');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'u1' })), 409, 'LimitExceeded', 'before EntityAlreadyExists');
  for (const n of ['r1', 'r2']) await iam.send(new CreateRoleCommand({ RoleName: n, AssumeRolePolicyDocument: TRUST }));
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'r3', AssumeRolePolicyDocument: TRUST })), 409, 'LimitExceeded');
  for (const n of ['g1', 'g2']) await iam.send(new CreateGroupCommand({ GroupName: n }));
  await rejects(t, iam.send(new CreateGroupCommand({ GroupName: 'g3' })), 409, 'LimitExceeded');
  await iam.send(new CreateAccessKeyCommand({}));
  await rejects(t, iam.send(new CreateAccessKeyCommand({})), 409, 'LimitExceeded', "the root's Admin Ops key + 1");
  for (let i = 0; i < 2; i++) await iam.send(new CreateAccessKeyCommand({ UserName: 'u1' }));
  await rejects(t, iam.send(new CreateAccessKeyCommand({ UserName: 'u1' })), 409, 'LimitExceeded', 'per user');
  const err = await iam.send(new CreateUserCommand({ UserName: 'u9' })).then(() => undefined, (e: Error) => e);
  t.equal(err?.message, 'User limit 2 exceeded', 'the message names the kind and the limit');
});

t.test('IAM limits of 0 allow nothing; -1 is unlimited', async (t) => {
  const zero = await iamLimits(0);
  await rejects(t, zero.iam.send(new CreateUserCommand({ UserName: 'u1' })), 409, 'LimitExceeded');
  await rejects(t, zero.iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: TRUST })), 409, 'LimitExceeded');
  await rejects(t, zero.iam.send(new CreateGroupCommand({ GroupName: 'g1' })), 409, 'LimitExceeded');
  await rejects(t, zero.iam.send(new CreateAccessKeyCommand({})), 409, 'LimitExceeded');
  const unlimited = await iamLimits(-1);
  for (let i = 1; i <= 3; i++) {
    await unlimited.iam.send(new CreateUserCommand({ UserName: `u${i}` }));
    await unlimited.iam.send(new CreateRoleCommand({ RoleName: `r${i}`, AssumeRolePolicyDocument: TRUST }));
    await unlimited.iam.send(new CreateGroupCommand({ GroupName: `g${i}` }));
    await unlimited.iam.send(new CreateAccessKeyCommand({ UserName: 'u1' }));
  }
  t.pass('three of each');
});

t.test('Admin Ops ignores the IAM limits; CreateRole checks its limit before authorization', async (t) => {
  const { acct } = await iamLimits(1);
  const member = await f.user('lim-ops-member', { accountId: acct.id });
  t.pass('a second user through Admin Ops with max-users 1');
  await a.send('CreateKey', { uid: 'lim-ops-member' });
  t.pass('a second key through Admin Ops with max-access-keys 1');
  await f.iam(acct.root).send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: TRUST }));
  await rejects(t, f.iam(member).send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: TRUST })), 409, 'LimitExceeded', 'a member without permission, at the role limit');
  await f.iam(acct.root).send(new CreateGroupCommand({ GroupName: 'g1' }));
  await rejects(t, f.iam(member).send(new CreateGroupCommand({ GroupName: 'g2' })), 403, 'AccessDenied', 'groups at their limit: authorization first');
  await rejects(t, f.iam(member).send(new CreateUserCommand({ UserName: 'u2' })), 403, 'AccessDenied', 'users too');
});
