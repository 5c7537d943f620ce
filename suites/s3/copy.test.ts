// CopyObject through the real SDK: encoded sources, metadata directives, conditions, ranges, and RGW's errors.
import t from 'tap';
import { createHash } from 'node:crypto';
import { CopyObjectCommand, CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const owner = await createTestUser(f.gw, { uid: 'copier' });
const s3 = f.s3(owner);
await s3.send(new CreateBucketCommand({ Bucket: 'src' }));
await s3.send(new CreateBucketCommand({ Bucket: 'dst' }));
await s3.send(new PutObjectCommand({ Bucket: 'src', Key: 'a b+c', Body: 'hello', ContentType: 'text/x', Metadata: { a: '1' }, CacheControl: 'cc' }));
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

t.test('copy keeps data, ETag, metadata and headers (COPY); sources URL-encoded, with or without a leading slash', async (t) => {
  for (const [CopySource, Key] of [['src/a%20b%2Bc', 'c1'], ['/src/a%20b%2Bc', 'c2'], ['src/a%20b%2Bc?versionId=null', 'c3']]) {
    const r = await s3.send(new CopyObjectCommand({ Bucket: 'dst', Key, CopySource }));
    t.equal(r.CopyObjectResult?.ETag, `"${md5('hello')}"`, CopySource);
  }
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'dst', Key: 'c1' }));
  t.equal(head.ContentType, 'text/x');
  t.same(head.Metadata, { a: '1' });
  t.equal(head.CacheControl, 'cc');
  // The request's own metadata is ignored with COPY.
  await s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'c4', CopySource: 'src/a%20b%2Bc', Metadata: { z: 'ignored' }, ContentType: 'c/d' }));
  t.same((await s3.send(new HeadObjectCommand({ Bucket: 'dst', Key: 'c4' }))).Metadata, { a: '1' });
});

t.test('REPLACE takes metadata from the request (any case); onto itself needs REPLACE', async (t) => {
  await s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'c1', CopySource: 'dst/c1', MetadataDirective: 'REPLACE', Metadata: { b: '2' } }));
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'dst', Key: 'c1' }));
  t.same(head.Metadata, { b: '2' });
  t.equal(head.ContentType, 'binary/octet-stream');
  t.equal(head.CacheControl, undefined);
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'c1', CopySource: 'dst/c1' })), 400, 'InvalidRequest',
    "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
  const lower = await raw(f.gw, owner, { method: 'PUT', path: '/dst/c5', headers: { 'x-amz-copy-source': 'src/a%20b%2Bc', 'x-amz-metadata-directive': 'replace' } });
  t.equal(lower.status, 200);
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'c6', CopySource: 'src/a%20b%2Bc', MetadataDirective: 'bogus' as never })), 400, 'InvalidArgument', 'Unknown metadata directive.');
});

t.test('missing source key or bucket, unknown versionId, source without a key', async (t) => {
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'x', CopySource: 'src/missing' })), 404, 'NoSuchKey');
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'x', CopySource: 'src/a%20b%2Bc?versionId=abc' })), 404, 'NoSuchKey');
  const noBucket = await raw(f.gw, owner, { method: 'PUT', path: '/dst/x', headers: { 'x-amz-copy-source': 'nosuchbucket/k' } });
  t.equal(noBucket.status, 404);
  t.match(noBucket.body, /<Code>NoSuchBucket<\/Code><Message><\/Message><BucketName>dst<\/BucketName>/, 'names the destination bucket');
  for (const source of ['src', 'src/', '']) {
    const r = await raw(f.gw, owner, { method: 'PUT', path: '/dst/x', headers: { 'x-amz-copy-source': source } });
    t.equal(r.status, 400, JSON.stringify(source));
    t.match(r.body, /<Code>InvalidArgument<\/Code><Message><\/Message><RequestId>/, 'no BucketName: decided before the bucket');
  }
});

t.test('x-amz-copy-source-if-*: 412 and 304', async (t) => {
  const etag = `"${md5('hello')}"`;
  const ok = await s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'cond', CopySource: 'src/a%20b%2Bc', CopySourceIfMatch: etag }));
  t.equal(ok.$metadata.httpStatusCode, 200);
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'cond', CopySource: 'src/a%20b%2Bc', CopySourceIfMatch: '"x"' })), 412, 'PreconditionFailed');
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'dst', Key: 'cond', CopySource: 'src/a%20b%2Bc', CopySourceIfUnmodifiedSince: new Date('2000-01-01') })), 412, 'PreconditionFailed');
  const notModified = await raw(f.gw, owner, { method: 'PUT', path: '/dst/cond', headers: { 'x-amz-copy-source': 'src/a%20b%2Bc', 'x-amz-copy-source-if-none-match': etag } });
  t.equal(notModified.status, 304);
});

t.test('x-amz-copy-source-range on CopyObject copies the slice and answers CopyPartResult', async (t) => {
  const r = await raw(f.gw, owner, { method: 'PUT', path: '/dst/slice', headers: { 'x-amz-copy-source': 'src/a%20b%2Bc', 'x-amz-copy-source-range': 'bytes=1-3' } });
  t.equal(r.status, 200);
  t.match(r.body, new RegExp(`<CopyPartResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LastModified>[^<]+</LastModified><ETag>&quot;${md5('ell')}&quot;</ETag></CopyPartResult>`));
  t.equal(await (await s3.send(new GetObjectCommand({ Bucket: 'dst', Key: 'slice' }))).Body!.transformToString(), 'ell');
  const beyond = await raw(f.gw, owner, { method: 'PUT', path: '/dst/slice2', headers: { 'x-amz-copy-source': 'src/a%20b%2Bc', 'x-amz-copy-source-range': 'bytes=10-20' } });
  t.equal(beyond.status, 416);
});

t.test('a copy with a body is not a copy: 501 NotImplemented', async (t) => {
  const r = await raw(f.gw, owner, { method: 'PUT', path: '/dst/body', body: 'xx', headers: { 'x-amz-copy-source': 'src/a%20b%2Bc' } });
  t.equal(r.status, 501);
  t.match(r.body, /<Code>NotImplemented<\/Code>/);
});

t.test('a user who cannot read the source: 403 AccessDenied (empty message)', async (t) => {
  const other = await createTestUser(f.gw, { uid: 'other-copier' });
  const o = f.s3(other);
  await o.send(new CreateBucketCommand({ Bucket: 'other-dst' }));
  await rejects(t, o.send(new CopyObjectCommand({ Bucket: 'other-dst', Key: 'x', CopySource: 'src/a%20b%2Bc' })), 403, 'AccessDenied', 'UnknownError');
});
