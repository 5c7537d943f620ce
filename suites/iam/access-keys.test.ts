// IAM access keys through the real SDK: RGW's key format, listing order and paging, status updates, the
// per-account key limit (max-access-keys, default 4, counted per user), and the keys really authenticating.
import t from 'tap';
import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('keys');
const iam = f.iam(acct.root);
await iam.send(new CreateUserCommand({ UserName: 'app' }));

t.test('CreateAccessKey: 20 upper-case alphanumerics, 40-char secret, Active, and the key works', async (t) => {
  const k = (await iam.send(new CreateAccessKeyCommand({ UserName: 'app' }))).AccessKey!;
  t.match(k.AccessKeyId, /^[A-Z0-9]{20}$/);
  t.match(k.SecretAccessKey, /^[A-Za-z0-9]{40}$/);
  t.equal(k.Status, 'Active');
  t.equal(k.UserName, 'app');
  // an account user without policies is authenticated, then denied
  await rejects(t, f.s3({ accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! }).send(new ListBucketsCommand({})), 403, 'AccessDenied');
});

t.test('the key limit: the fifth key of a user is 409 LimitExceeded', async (t) => {
  for (let i = 0; i < 3; i++) await iam.send(new CreateAccessKeyCommand({ UserName: 'app' }));
  await rejects(t, iam.send(new CreateAccessKeyCommand({ UserName: 'app' })), 409, 'LimitExceeded');
});

t.test('ListAccessKeys sorts by key id; the marker is the next key id', async (t) => {
  const all = (await iam.send(new ListAccessKeysCommand({ UserName: 'app' }))).AccessKeyMetadata!.map((k) => k.AccessKeyId!);
  t.equal(all.length, 4);
  t.same(all, [...all].sort());
  const p1 = await iam.send(new ListAccessKeysCommand({ UserName: 'app', MaxItems: 1 }));
  t.equal(p1.IsTruncated, true);
  t.equal(p1.Marker, all[1]);
  const p2 = await iam.send(new ListAccessKeysCommand({ UserName: 'app', Marker: p1.Marker }));
  t.same(p2.AccessKeyMetadata?.map((k) => k.AccessKeyId), all.slice(1), 'the marker key itself is listed');
  const zero = await iam.send(new ListAccessKeysCommand({ UserName: 'app', MaxItems: 0 }));
  t.same([zero.IsTruncated, zero.Marker], [true, all[0]], 'MaxItems 0 lists nothing and says truncated');
});

t.test('UpdateAccessKey: Inactive keys stop authenticating; bad Status is 400, unknown key 404', async (t) => {
  const k = (await iam.send(new ListAccessKeysCommand({ UserName: 'app' }))).AccessKeyMetadata![0]!;
  await iam.send(new UpdateAccessKeyCommand({ UserName: 'app', AccessKeyId: k.AccessKeyId, Status: 'Inactive' }));
  t.equal((await iam.send(new ListAccessKeysCommand({ UserName: 'app', MaxItems: 1 }))).AccessKeyMetadata?.[0]?.Status, 'Inactive');
  await rejects(t, iam.send(new UpdateAccessKeyCommand({ UserName: 'app', AccessKeyId: k.AccessKeyId, Status: 'inactive' as 'Inactive' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new UpdateAccessKeyCommand({ UserName: 'app', AccessKeyId: 'NOPE', Status: 'Active' })), 404, 'NoSuchEntity');
});

t.test('DeleteUser is refused while the user has keys (409 DeleteConflict)', async (t) => {
  await rejects(t, iam.send(new DeleteUserCommand({ UserName: 'app' })), 409, 'DeleteConflict');
});

t.test('DeleteAccessKey removes keys; unknown keys are 404; then DeleteUser succeeds', async (t) => {
  await rejects(t, iam.send(new DeleteAccessKeyCommand({ UserName: 'app', AccessKeyId: 'NOPE' })), 404, 'NoSuchEntity');
  for (const k of (await iam.send(new ListAccessKeysCommand({ UserName: 'app' }))).AccessKeyMetadata!) {
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'app', AccessKeyId: k.AccessKeyId }));
  }
  await iam.send(new DeleteUserCommand({ UserName: 'app' }));
  await rejects(t, iam.send(new ListAccessKeysCommand({ UserName: 'app' })), 404, 'NoSuchEntity');
});

t.test('without UserName the key calls act on the caller: the root has its admin-created key', async (t) => {
  const mine = (await iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!;
  t.same(mine.map((k) => k.AccessKeyId), [acct.root.accessKeyId]);
});
