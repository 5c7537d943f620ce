// Migrating a classic user into an account (Admin Ops user modify account-id), as RGW 20.2.4 did it in the
// probes: its buckets become the account's, its objects keep the user as owner, it starts with no
// permissions, its IAM name is its display name; it can neither leave nor change account.
import t from 'tap';
import { AttachUserPolicyCommand, GetUserCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetBucketAclCommand, GetObjectAclCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { AdminOpsError } from '../../harness/admin-client.js';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('mig');
const elsewhere = await f.account('mig-other');
const mover = await f.user('mig2', { displayName: 'Mig2' });
const s3 = f.s3(mover);
await s3.send(new CreateBucketCommand({ Bucket: 'mig2-bkt' }));
await s3.send(new PutObjectCommand({ Bucket: 'mig2-bkt', Key: 'before.txt', Body: 'x' }));

const modify = async (params: Record<string, string>): Promise<{ status: number; code?: string; accountId?: string }> => {
  try {
    const r = await f.admin.send('ModifyUser', { uid: 'mig2', ...params });
    return { status: 200, accountId: (r.output as { account_id: string }).account_id };
  } catch (err) {
    if (err instanceof AdminOpsError) return { status: err.status, code: err.code };
    throw err;
  }
};

t.test('modify account-id: the user joins, keeps uid and keys, is not a root', async (t) => {
  const r = await modify({ 'account-id': acct.id });
  t.same(r, { status: 200, accountId: acct.id });
  const info = (await f.admin.send('GetUserInfo', { uid: 'mig2' })).output as { type: string; keys: { access_key: string }[] };
  t.equal(info.type, 'rgw');
  t.same(info.keys.map((k) => k.access_key), [mover.accessKeyId]);
});

t.test('its buckets now belong to the account; its objects keep the user as owner', async (t) => {
  t.equal((await f.s3(acct.root).send(new GetBucketAclCommand({ Bucket: 'mig2-bkt' }))).Owner?.ID, acct.id);
  t.same((await f.s3(acct.root).send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name), ['mig2-bkt']);
  t.equal((await f.s3(acct.root).send(new ListObjectsV2Command({ Bucket: 'mig2-bkt' }))).KeyCount, 1, 'the root lists the bucket');
  await rejects(t, f.s3(acct.root).send(new GetObjectCommand({ Bucket: 'mig2-bkt', Key: 'before.txt' })), 403, 'AccessDenied', 'but cannot read an object the uid owns');
});

t.test('the migrated user starts with no permissions, even on its old bucket and objects', async (t) => {
  await rejects(t, s3.send(new ListBucketsCommand({})), 403, 'AccessDenied');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'mig2-bkt', Key: 'before.txt' })), 403, 'AccessDenied');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'mig2-bkt', Key: 'after.txt', Body: 'y' })), 403, 'AccessDenied');
});

t.test('its IAM name is its display name, its UserId its uid; a managed policy restores access', async (t) => {
  const u = (await f.iam(acct.root).send(new GetUserCommand({ UserName: 'Mig2' }))).User!;
  t.same([u.UserId, u.Arn], ['mig2', `arn:aws:iam::${acct.id}:user/Mig2`]);
  await f.iam(acct.root).send(new AttachUserPolicyCommand({ UserName: 'Mig2', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  t.equal(await (await s3.send(new GetObjectCommand({ Bucket: 'mig2-bkt', Key: 'before.txt' }))).Body!.transformToString(), 'x');
  await s3.send(new PutObjectCommand({ Bucket: 'mig2-bkt', Key: 'after.txt', Body: 'y' }));
  t.equal((await s3.send(new GetObjectAclCommand({ Bucket: 'mig2-bkt', Key: 'after.txt' }))).Owner?.ID, acct.id, 'new objects belong to the account');
});

t.test('it cannot change account (400) nor leave (an empty account-id changes nothing)', async (t) => {
  t.same(await modify({ 'account-id': elsewhere.id }), { status: 400, code: 'InvalidArgument' });
  t.same(await modify({ 'account-id': '' }), { status: 200, accountId: acct.id });
});
