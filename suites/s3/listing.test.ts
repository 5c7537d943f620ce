// ListObjects v1, ListObjectsV2 and ListObjectVersions through the real SDK, plus the exact documents (raw):
// element order, markers and tokens, max-keys bounds, encoding-type=url, owners.
import t from 'tap';
import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const lister = await createTestUser(f.gw, { uid: 'lister', displayName: 'Lister' });
const s3 = f.s3(lister);
await s3.send(new CreateBucketCommand({ Bucket: 'list' }));
const keys = ['a/1', 'a/2', 'a/b/3', 'b/4', 'c', 'd e', 'f+g', 'ü'];
for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'list', Key, Body: Key }));
const body = async (query: Record<string, string>): Promise<string> => (await raw(f.gw, lister, { path: '/list', query })).body.replace(/<Contents>.*?<Key>(.*?)<\/Key>.*?<\/Contents>/g, '[$1]');

t.test('v2 lists every key in UTF-8 order with KeyCount', async (t) => {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list' }));
  t.same(r.Contents?.map((c) => c.Key), keys);
  t.equal(r.KeyCount, keys.length);
  t.equal(r.IsTruncated, false);
  t.equal(r.Contents?.[0]?.Owner, undefined, 'no Owner without fetch-owner');
});

t.test('delimiter folds keys into CommonPrefixes (listed before Contents, counted in KeyCount)', async (t) => {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list', Delimiter: '/' }));
  t.same(r.Contents?.map((c) => c.Key), ['c', 'd e', 'f+g', 'ü']);
  t.same(r.CommonPrefixes?.map((p) => p.Prefix), ['a/', 'b/']);
  t.equal(r.KeyCount, 6);
  const sub = await s3.send(new ListObjectsV2Command({ Bucket: 'list', Prefix: 'a/', Delimiter: '/' }));
  t.same(sub.Contents?.map((c) => c.Key), ['a/1', 'a/2']);
  t.same(sub.CommonPrefixes?.map((p) => p.Prefix), ['a/b/']);
  t.match(await body({ delimiter: '/' }), /<IsTruncated>false<\/IsTruncated><CommonPrefixes><Prefix>a\/<\/Prefix><\/CommonPrefixes><CommonPrefixes><Prefix>b\/<\/Prefix><\/CommonPrefixes>\[c\]/);
});

t.test('v1 document: element order, Marker at the end, NextMarker whenever truncated', async (t) => {
  const doc = await body({ 'max-keys': '2' });
  t.match(doc, /^<\?xml version="1.0" encoding="UTF-8"\?><ListBucketResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><Name>list<\/Name><Prefix><\/Prefix><MaxKeys>2<\/MaxKeys><IsTruncated>true<\/IsTruncated>\[a\/1\]\[a\/2\]<Marker><\/Marker><NextMarker>a\/2<\/NextMarker><\/ListBucketResult>$/);
  const p2 = await s3.send(new ListObjectsCommand({ Bucket: 'list', Marker: 'a/2', MaxKeys: 2 }));
  t.same(p2.Contents?.map((c) => c.Key), ['a/b/3', 'b/4']);
  t.equal(p2.NextMarker, 'b/4');
  const withDelimiter = await s3.send(new ListObjectsCommand({ Bucket: 'list', Delimiter: '/', MaxKeys: 2 }));
  t.same(withDelimiter.CommonPrefixes?.map((p) => p.Prefix), ['a/', 'b/']);
  t.equal(withDelimiter.NextMarker, 'b/');
  const after = await s3.send(new ListObjectsCommand({ Bucket: 'list', Delimiter: '/', Marker: 'a/' }));
  t.same(after.CommonPrefixes?.map((p) => p.Prefix), ['b/'], 'a marker inside a prefix skips the whole prefix');
});

t.test('v2 pagination: tokens are the plain last key, a token replaces start-after', async (t) => {
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 3, ContinuationToken: token }));
    seen.push(...(r.Contents ?? []).map((c) => c.Key!));
    token = r.NextContinuationToken;
    t.equal(r.IsTruncated, token !== undefined);
  } while (token);
  t.same(seen, keys);
  t.match(await body({ 'list-type': '2', 'max-keys': '1' }), /<NextContinuationToken>a\/1<\/NextContinuationToken><KeyCount>1<\/KeyCount><\/ListBucketResult>$/);
  const after = await s3.send(new ListObjectsV2Command({ Bucket: 'list', StartAfter: 'b/4' }));
  t.same(after.Contents?.map((c) => c.Key), ['c', 'd e', 'f+g', 'ü']);
  t.equal(after.StartAfter, 'b/4');
  const both = await s3.send(new ListObjectsV2Command({ Bucket: 'list', StartAfter: 'b/4', ContinuationToken: 'e' }));
  t.same(both.Contents?.map((c) => c.Key), ['f+g', 'ü']);
});

t.test('max-keys: 0 is not truncated, above 5000 is 5000, negative is 0, not a number 400 InvalidArgument', async (t) => {
  const zero = await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 0 }));
  t.equal(zero.KeyCount, 0);
  t.equal(zero.IsTruncated, false);
  t.match(await body({ 'max-keys': '9000' }), /<MaxKeys>5000<\/MaxKeys>/);
  t.match(await body({ 'max-keys': '-1' }), /<MaxKeys>0<\/MaxKeys><IsTruncated>false<\/IsTruncated><Marker>/);
  const bad = await raw(f.gw, lister, { path: '/list', query: { 'max-keys': 'abc' } });
  t.equal(bad.status, 400);
  t.match(bad.body, /<Code>InvalidArgument<\/Code><Message><\/Message><BucketName>list<\/BucketName>/);
});

t.test('encoding-type=url encodes keys (slashes too), prefixes (not slashes) and the delimiter, not Prefix', async (t) => {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list', EncodingType: 'url', Prefix: 'a/', Delimiter: '/' }));
  t.same(r.Contents?.map((c) => c.Key), ['a%2F1', 'a%2F2'], 'SDK v3 hands the encoded keys over');
  const doc = await body({ 'encoding-type': 'url' });
  t.match(doc, /^<\?xml[^>]*\?><ListBucketResult[^>]*><EncodingType>url<\/EncodingType><Name>list<\/Name>/);
  t.match(doc, /\[a%2F1\].*\[d%20e\]\[f%2Bg\]\[%C3%BC\]/);
  t.match(await body({ 'encoding-type': 'url', delimiter: '/' }), /<CommonPrefixes><Prefix>a\/<\/Prefix><\/CommonPrefixes>/);
  t.notMatch(await body({ 'encoding-type': 'xml' }), /EncodingType/, 'other encodings are ignored');
});

t.test('v1 always lists owners, v2 with fetch-owner; every entry is Type Normal', async (t) => {
  t.same((await s3.send(new ListObjectsCommand({ Bucket: 'list', MaxKeys: 1 }))).Contents?.[0]?.Owner, { ID: 'lister', DisplayName: 'Lister' });
  t.same((await s3.send(new ListObjectsV2Command({ Bucket: 'list', MaxKeys: 1, FetchOwner: true }))).Contents?.[0]?.Owner, { ID: 'lister', DisplayName: 'Lister' });
  t.match((await raw(f.gw, lister, { path: '/list', query: { 'list-type': '2', 'max-keys': '1' } })).body, /<StorageClass>STANDARD<\/StorageClass><Type>Normal<\/Type><\/Contents>/);
});

t.test('ListObjectVersions of an unversioned bucket: every object is its "null" version', async (t) => {
  const r = await s3.send(new ListObjectVersionsCommand({ Bucket: 'list', MaxKeys: 2 }));
  t.same(r.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest]), [['a/1', 'null', true], ['a/2', 'null', true]]);
  t.equal(r.IsTruncated, true);
  t.equal(r.NextKeyMarker, 'a/2');
  t.equal(r.NextVersionIdMarker, 'null');
});

t.test('missing bucket 404 NoSuchBucket; another user 403 AccessDenied', async (t) => {
  await rejects(t, s3.send(new ListObjectsV2Command({ Bucket: 'no-such-list' })), 404, 'NoSuchBucket');
  const other = f.s3(await createTestUser(f.gw, { uid: 'other-lister' }));
  await rejects(t, other.send(new ListObjectsCommand({ Bucket: 'list' })), 403, 'AccessDenied');
});
