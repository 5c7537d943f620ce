// Quotas and stats under concurrency: the check and the stats update are one synchronous step at commit time
// (bodies stream before it), so parallel writes never overshoot a limit and never lose a stats update.
// RGW itself checks against cached stats and can overshoot; this is the reference's guarantee.
import t from 'tap';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutBucketAclCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;

const usage = async (bucket: string) => ((await a.send('GetBucketInfo', { bucket, stats: true })).output as { usage: Record<string, { num_objects: number; size: number; size_actual: number }> }).usage;
const codes = (rs: PromiseSettledResult<unknown>[]) => rs.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { name: string }).name);

async function count(s3: S3Client, Bucket: string): Promise<number> {
  return (await s3.send(new ListObjectsV2Command({ Bucket }))).KeyCount ?? 0;
}

t.test('64 parallel PUTs into a bucket with max-objects 10 leave exactly 10 objects', async (t) => {
  const u = await f.user('cc-put');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'cc-put' }));
  await a.send('SetBucketQuota', { bucket: 'cc-put', uid: 'cc-put', 'max-objects': 10, enabled: true });
  const results = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => s3.send(new PutObjectCommand({ Bucket: 'cc-put', Key: `k${i}`, Body: Buffer.alloc(1000 + i) }))));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
  t.same(new Set(codes(results)), new Set(['QuotaExceeded']), 'the others are QuotaExceeded');
  t.equal(await count(s3, 'cc-put'), 10);
  t.equal((await usage('cc-put'))['rgw.main']?.num_objects, 10);
});

t.test('parallel PUTs under an account quota spread over two buckets never overshoot', async (t) => {
  const acct = await f.account('cc-acct');
  const s3 = f.s3(acct.root);
  for (const b of ['cc-acct-1', 'cc-acct-2']) await s3.send(new CreateBucketCommand({ Bucket: b }));
  await a.send('SetAccountQuota', { id: acct.id, 'quota-type': 'account', 'max-size': 10 * 4096, enabled: true });
  const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => s3.send(new PutObjectCommand({ Bucket: `cc-acct-${(i % 2) + 1}`, Key: `k${i}`, Body: Buffer.alloc(3000) }))));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 10, 'ten 4 KiB blocks');
  t.equal((await count(s3, 'cc-acct-1')) + (await count(s3, 'cc-acct-2')), 10);
});

t.test('parallel parts of one upload respect max-objects (the upload itself is one entry)', async (t) => {
  const u = await f.user('cc-mp');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'cc-mp' }));
  await a.send('SetBucketQuota', { bucket: 'cc-mp', uid: 'cc-mp', 'max-objects': 5, enabled: true });
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'cc-mp', Key: 'k' }));
  const results = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => s3.send(new UploadPartCommand({ Bucket: 'cc-mp', Key: 'k', UploadId: up.UploadId, PartNumber: i + 1, Body: 'p' }))));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 4);
  const u2 = await usage('cc-mp');
  t.equal(u2['rgw.main']!.num_objects + u2['rgw.multimeta']!.num_objects, 5);
});

t.test('parallel CreateBucket at max-buckets 3 creates exactly 3', async (t) => {
  const u = await f.user('cc-buckets');
  await a.send('ModifyUser', { uid: 'cc-buckets', 'max-buckets': 3 });
  const s3 = f.s3(u);
  const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => s3.send(new CreateBucketCommand({ Bucket: `cc-buckets-${i}` }))));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
  t.same(new Set(codes(results)), new Set(['TooManyBuckets']));
});

t.test('stats stay exact under a random mix of parallel puts, overwrites, deletes and bucket ACL changes', async (t) => {
  const u = await f.user('cc-mix');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'cc-mix' }));
  let seed = 7;
  const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let round = 0; round < 6; round++) {
    const ops = Array.from({ length: 24 }, () => {
      const key = `k${rand(12)}`;
      const op = rand(10);
      if (op < 3) return s3.send(new DeleteObjectCommand({ Bucket: 'cc-mix', Key: key }));
      if (op === 3) return s3.send(new PutBucketAclCommand({ Bucket: 'cc-mix', ACL: 'private' }));
      return s3.send(new PutObjectCommand({ Bucket: 'cc-mix', Key: key, Body: Buffer.alloc(rand(9000), 1) }));
    });
    await Promise.allSettled(ops);
  }
  const listing = (await s3.send(new ListObjectsV2Command({ Bucket: 'cc-mix' }))).Contents ?? [];
  const sizes = listing.map((o) => o.Size ?? 0);
  const main = (await usage('cc-mix'))['rgw.main']!;
  t.equal(main.num_objects, listing.length, 'objects match a recount');
  t.equal(main.size, sizes.reduce((x, y) => x + y, 0), 'size matches');
  t.equal(main.size_actual, sizes.reduce((x, y) => x + Math.ceil(y / 4096) * 4096, 0), 'rounded size matches');
});
