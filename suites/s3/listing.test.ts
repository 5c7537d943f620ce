// ListObjects v1 and v2: prefix, delimiter, common prefixes, pagination, max-keys 0, encoding-type=url.
import t from 'tap';
import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const s3 = f.s3(await f.user('lister'));
await s3.send(new CreateBucketCommand({ Bucket: 'list' }));
const keys = ['a/1', 'a/2', 'a/b/3', 'b/4', 'c', 'd e'];
for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'list', Key, Body: Key }));

t.test('v2 lists every key in order with KeyCount', async (t) => {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list' }));
  t.same(r.Contents?.map((c) => c.Key), keys);
  t.equal(r.KeyCount, keys.length);
  t.equal(r.IsTruncated, false);
});

t.test('delimiter folds keys into CommonPrefixes', async (t) => {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list', Delimiter: '/' }));
  t.same(r.Contents?.map((c) => c.Key), ['c', 'd e']);
  t.same(r.CommonPrefixes?.map((p) => p.Prefix), ['a/', 'b/']);
  const sub = await s3.send(new ListObjectsV2Command({ Bucket: 'list', Prefix: 'a/', Delimiter: '/' }));
  t.same(sub.Contents?.map((c) => c.Key), ['a/1', 'a/2']);
  t.same(sub.CommonPrefixes?.map((p) => p.Prefix), ['a/b/']);
});

t.test('v2 pagination with continuation tokens visits every key once', async (t) => {
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 2, ContinuationToken: token }));
    seen.push(...(r.Contents ?? []).map((c) => c.Key!));
    token = r.NextContinuationToken;
    t.equal(r.IsTruncated, token !== undefined);
  } while (token);
  t.same(seen, keys);
});

t.test('v1 pagination with markers, StartAfter, max-keys 0', async (t) => {
  const p1 = await s3.send(new ListObjectsCommand({ Bucket: 'list', MaxKeys: 3 }));
  t.same(p1.Contents?.map((c) => c.Key), ['a/1', 'a/2', 'a/b/3']);
  t.equal(p1.IsTruncated, true);
  const p2 = await s3.send(new ListObjectsCommand({ Bucket: 'list', Marker: 'a/b/3' }));
  t.same(p2.Contents?.map((c) => c.Key), ['b/4', 'c', 'd e']);
  const after = await s3.send(new ListObjectsV2Command({ Bucket: 'list', StartAfter: 'b/4' }));
  t.same(after.Contents?.map((c) => c.Key), ['c', 'd e']);
  const zero = await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 0 }));
  t.equal(zero.KeyCount, 0);
  t.equal(zero.Contents, undefined);
});

t.test('v1 lists owners; v2 only with FetchOwner', async (t) => {
  t.same((await s3.send(new ListObjectsCommand({ Bucket: 'list', MaxKeys: 1 }))).Contents?.[0]?.Owner, { ID: 'lister', DisplayName: 'lister' });
  t.equal((await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 1 }))).Contents?.[0]?.Owner, undefined);
  t.same((await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 1, FetchOwner: true }))).Contents?.[0]?.Owner, { ID: 'lister', DisplayName: 'lister' });
});

t.test('listing a missing bucket: 404 NoSuchBucket', async (t) => {
  await rejects(t, s3.send(new ListObjectsV2Command({ Bucket: 'no-such-list' })), 404, 'NoSuchBucket');
});
