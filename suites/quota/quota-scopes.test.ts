// Quotas through Admin Ops and the real S3 client: user, bucket and account scopes, RGW's 4 KiB rounding,
// overwrites counting as a new object, deletes freeing room, exact stats, and 64 concurrent PUTs.
import t from 'tap';
import { CreateBucketCommand, DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;

t.test('user quota max-objects: the third PUT is 403 QuotaExceeded, an overwrite too; a delete frees room', async (t) => {
  const u = await f.user('quser');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'quser-b' }));
  await a.send('SetUserQuota', { uid: 'quser', 'quota-type': 'user', 'max-objects': 2, enabled: true });
  await s3.send(new PutObjectCommand({ Bucket: 'quser-b', Key: '1', Body: 'a' }));
  await s3.send(new PutObjectCommand({ Bucket: 'quser-b', Key: '2', Body: 'b' }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'quser-b', Key: '3', Body: 'c' })), 403, 'QuotaExceeded');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'quser-b', Key: '1', Body: 'again' })), 403, 'QuotaExceeded', 'overwrite');
  await s3.send(new DeleteObjectCommand({ Bucket: 'quser-b', Key: '2' }));
  await s3.send(new PutObjectCommand({ Bucket: 'quser-b', Key: '3', Body: 'c' }));
});

t.test('user quota max-size counts whole 4 KiB blocks', async (t) => {
  const u = await f.user('qsize');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'qsize-b' }));
  await a.send('SetUserQuota', { uid: 'qsize', 'quota-type': 'user', 'max-size': 8192, enabled: true });
  await s3.send(new PutObjectCommand({ Bucket: 'qsize-b', Key: 'one-byte', Body: 'x' }));
  await s3.send(new PutObjectCommand({ Bucket: 'qsize-b', Key: 'another', Body: 'y' }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'qsize-b', Key: 'third', Body: 'z' })), 403, 'QuotaExceeded', '3 one-byte objects need 12 KiB');
});

t.test('a disabled quota is not enforced', async (t) => {
  await a.send('SetUserQuota', { uid: 'qsize', 'quota-type': 'user', enabled: false });
  await f.s3({ ...(await f.user('qsize2')) }).send(new CreateBucketCommand({ Bucket: 'qsize2-b' }));
  t.pass('no quota error after disabling');
});

t.test('bucket quota on one bucket; the user bucket quota as the default for its buckets', async (t) => {
  const u = await f.user('qbucket');
  const s3 = f.s3(u);
  for (const b of ['qb-1', 'qb-2']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await a.send('SetBucketQuota', { bucket: 'qb-1', uid: 'qbucket', 'max-objects': 1, enabled: true });
  await s3.send(new PutObjectCommand({ Bucket: 'qb-1', Key: 'a', Body: 'a' }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'qb-1', Key: 'b', Body: 'b' })), 403, 'QuotaExceeded');
  await s3.send(new PutObjectCommand({ Bucket: 'qb-2', Key: 'a', Body: 'a' }));
  await s3.send(new PutObjectCommand({ Bucket: 'qb-2', Key: 'b', Body: 'b' }));
  await a.send('SetUserQuota', { uid: 'qbucket', 'quota-type': 'bucket', 'max-objects': 2, enabled: true });
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'qb-2', Key: 'c', Body: 'c' })), 403, 'QuotaExceeded', 'user bucket quota applies per bucket');
});

t.test('account quota counts every bucket of the account, whoever writes', async (t) => {
  const acct = await f.account('qacct');
  const s3 = f.s3(acct.root);
  await s3.send(new CreateBucketCommand({ Bucket: 'qacct-1' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'qacct-2' }));
  await a.send('SetAccountQuota', { id: acct.id, 'quota-type': 'account', 'max-objects': 2, enabled: true });
  await s3.send(new PutObjectCommand({ Bucket: 'qacct-1', Key: 'a', Body: 'a' }));
  await s3.send(new PutObjectCommand({ Bucket: 'qacct-2', Key: 'b', Body: 'b' }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'qacct-2', Key: 'c', Body: 'c' })), 403, 'QuotaExceeded');
  await s3.send(new CreateBucketCommand({ Bucket: 'qacct-3' }));
  t.pass('CreateBucket still succeeds under an exceeded account quota (as on RGW)');
});

t.test('64 concurrent PUTs into a bucket with max-objects 10 leave exactly 10 objects, stats exact', async (t) => {
  const u = await f.user('qconc');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'qconc-b' }));
  await a.send('SetBucketQuota', { bucket: 'qconc-b', uid: 'qconc', 'max-objects': 10, enabled: true });
  const results = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => s3.send(new PutObjectCommand({ Bucket: 'qconc-b', Key: `k${i}`, Body: `body-${i}` }))));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 10, 'ten PUTs succeeded');
  t.ok(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.name === 'QuotaExceeded'), 'the rest were QuotaExceeded');
  const info = (await a.send('GetBucketInfo', { bucket: 'qconc-b', stats: true })).output as { usage: { 'rgw.main': { num_objects: number } } };
  t.equal(info.usage['rgw.main'].num_objects, 10);
});

t.test('stats stay exact after a random mix of puts, overwrites and deletes', async (t) => {
  const u = await f.user('qmix');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'qmix-b' }));
  const live = new Map<string, number>();
  let seed = 42;
  const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let i = 0; i < 120; i++) {
    const key = `k${rand(15)}`;
    if (rand(3) === 0) {
      await s3.send(new DeleteObjectCommand({ Bucket: 'qmix-b', Key: key }));
      live.delete(key);
    } else {
      const size = rand(9000);
      await s3.send(new PutObjectCommand({ Bucket: 'qmix-b', Key: key, Body: Buffer.alloc(size, 1) }));
      live.set(key, size);
    }
  }
  const usage = ((await a.send('GetBucketInfo', { bucket: 'qmix-b', stats: true })).output as { usage: Record<string, { num_objects: number; size: number; size_actual: number }> }).usage['rgw.main'];
  const sizes = [...live.values()];
  t.equal(usage?.num_objects ?? 0, live.size);
  t.equal(usage?.size ?? 0, sizes.reduce((x, y) => x + y, 0));
  t.equal(usage?.size_actual ?? 0, sizes.reduce((x, y) => x + Math.ceil(y / 4096) * 4096, 0));
});
