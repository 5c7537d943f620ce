// PutObject / GetObject / HeadObject / DeleteObject through the real SDK: metadata, stored headers,
// response-* overrides, Content-MD5, storage class, key limits, and the errors RGW 20.2.4 answers.
import t from 'tap';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { captureHeaders, raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t, { maxPutSize: 64 });
const olga = await createTestUser(f.gw, { uid: 'olga' });
const s3 = f.s3(olga);
const headers = captureHeaders(s3);
await s3.send(new CreateBucketCommand({ Bucket: 'objs' }));
const md5 = (b: string | Buffer): string => createHash('md5').update(b).digest('hex');
const md5b64 = (b: string): string => createHash('md5').update(b).digest('base64');

t.test('round trip with metadata, stored headers and RGW response headers', async (t) => {
  const put = await s3.send(new PutObjectCommand({
    Bucket: 'objs', Key: 'dir/hello world.txt', Body: 'hello world', ContentType: 'text/plain', Metadata: { Color: 'blue' },
    CacheControl: 'max-age=5', ContentDisposition: 'inline', ContentLanguage: 'en', StorageClass: 'STANDARD',
  }));
  t.equal(put.ETag, `"${md5('hello world')}"`);
  t.equal(headers()['accept-ranges'], 'bytes');
  const got = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt' }));
  t.equal(await got.Body!.transformToString(), 'hello world');
  t.equal(got.ContentType, 'text/plain');
  t.same(got.Metadata, { color: 'blue' });
  t.equal(got.CacheControl, 'max-age=5');
  t.equal(got.ContentDisposition, 'inline');
  t.equal(got.ContentLanguage, 'en');
  t.equal(got.StorageClass, 'STANDARD');
  t.equal(got.ContentLength, 11);
  t.equal(headers()['x-rgw-object-type'], 'Normal');
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt' }));
  t.equal(head.ETag, put.ETag);
  t.equal(head.AcceptRanges, 'bytes');
  t.equal(head.ContentLength, 11);
  t.match(head.LastModified, Date);
});

t.test('defaults: binary/octet-stream, no storage class header unless one was given; empty objects', async (t) => {
  // Without a Content-Type (the SDK always sends one, so raw).
  t.equal((await raw(f.gw, olga, { method: 'PUT', path: '/objs/plain', body: 'x' })).status, 200);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'plain' }));
  t.equal(head.ContentType, 'binary/octet-stream');
  t.equal(head.StorageClass, undefined);
  await s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'empty', Body: '' }));
  const empty = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'empty' }));
  t.equal(empty.ETag, `"${md5('')}"`);
  t.equal(await empty.Body!.transformToString(), '');
});

t.test('response-* query parameters override the stored headers on GET', async (t) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', ResponseContentType: 'a/b', ResponseCacheControl: 'no-cache', ResponseContentDisposition: 'attachment' }));
  t.equal(got.ContentType, 'a/b');
  t.equal(got.CacheControl, 'no-cache');
  t.equal(got.ContentDisposition, 'attachment');
  await got.Body!.transformToString();
});

t.test('missing key: GET 404 NoSuchKey with x-amz-delete-marker false, HEAD 404; missing bucket 404 NoSuchBucket', async (t) => {
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'nope' })), 404, 'NoSuchKey');
  t.equal(headers()['x-amz-delete-marker'], 'false');
  await rejects(t, s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'nope' })), 404, 'NotFound');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-x', Key: 'k' })), 404, 'NoSuchBucket');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket-x', Key: 'k', Body: 'x' })), 404, 'NoSuchBucket');
});

t.test('versionId: "null" is the object (x-amz-version-id: null), anything else NoSuchKey', async (t) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'plain', VersionId: 'null' }));
  t.equal(got.VersionId, 'null');
  await got.Body!.transformToString();
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'plain', VersionId: 'abc' })), 404, 'NoSuchKey');
});

t.test('Content-MD5: mismatch 400 BadDigest (nothing stored), not an MD5 400 InvalidDigest', async (t) => {
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'bad-md5', Body: 'abc', ContentMD5: md5b64('xyz') })), 400, 'BadDigest');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'bad-md5' })), 404, 'NoSuchKey');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'bad-md5', Body: 'abc', ContentMD5: 'YWJj' })), 400, 'InvalidDigest');
  t.equal((await s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'good-md5', Body: 'abc', ContentMD5: md5b64('abc') }))).$metadata.httpStatusCode, 200);
});

t.test('keys up to 1024 bytes; longer 400 InvalidObjectName (even to read)', async (t) => {
  await s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'k'.repeat(1024), Body: 'x' }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'k'.repeat(1025), Body: 'x' })), 400, 'InvalidObjectName');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'k'.repeat(1025) })), 400, 'InvalidObjectName');
});

t.test('storage class other than STANDARD and unknown canned ACLs: 400 InvalidArgument', async (t) => {
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'sc', Body: 'x', StorageClass: 'GLACIER' })), 400, 'InvalidArgument');
  const r = await raw(f.gw, olga, { method: 'PUT', path: '/objs/acl', body: 'x', headers: { 'x-amz-acl': 'bogus' } });
  t.equal(r.status, 400);
  t.match(r.body, /<Code>InvalidArgument<\/Code>/);
});

t.test('objects larger than rgw_max_put_size: 400 EntityTooLarge before the body is stored', async (t) => {
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'big', Body: 'x'.repeat(65) })), 400, 'EntityTooLarge');
  await rejects(t, s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'big' })), 404, 'NotFound');
});

t.test('DELETE: 204 for an existing and for a missing key; other user 403', async (t) => {
  t.equal((await s3.send(new DeleteObjectCommand({ Bucket: 'objs', Key: 'plain' }))).$metadata.httpStatusCode, 204);
  t.equal((await s3.send(new DeleteObjectCommand({ Bucket: 'objs', Key: 'plain' }))).$metadata.httpStatusCode, 204);
  const mallory = f.s3(await createTestUser(f.gw, { uid: 'mallory' }));
  await rejects(t, mallory.send(new DeleteObjectCommand({ Bucket: 'objs', Key: 'empty' })), 403, 'AccessDenied');
});

t.test("another user's read: 403 'missing s3:GetObject permission'; a missing key without ListBucket: 403, empty message", async (t) => {
  const mallory = f.s3(await createTestUser(f.gw, { uid: 'mallory2' }));
  await rejects(t, mallory.send(new GetObjectCommand({ Bucket: 'objs', Key: 'empty' })), 403, 'AccessDenied', 'missing s3:GetObject permission');
  const missing = await raw(f.gw, await createTestUser(f.gw, { uid: 'mallory3' }), { path: '/objs/never-there' });
  t.equal(missing.status, 403);
  t.match(missing.body, /<Code>AccessDenied<\/Code><Message><\/Message><BucketName>objs<\/BucketName>/);
});
