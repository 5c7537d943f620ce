// Range and conditional GETs, with RGW 20.2.4's parsing quirks (each case probed on the real RGW).
import t from 'tap';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { captureHeaders, raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const user = await createTestUser(f.gw, { uid: 'ranger' });
const s3 = f.s3(user);
const headers = captureHeaders(s3);
await s3.send(new CreateBucketCommand({ Bucket: 'ranges' }));
const put = await s3.send(new PutObjectCommand({ Bucket: 'ranges', Key: 'o', Body: 'hello world', CacheControl: 'max-age=9' }));
const etag = put.ETag!;
await s3.send(new PutObjectCommand({ Bucket: 'ranges', Key: 'empty', Body: '' }));

async function get(Range: string, Key = 'o'): Promise<[number | undefined, string, string | undefined]> {
  const r = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key, Range }));
  return [r.$metadata.httpStatusCode, await r.Body!.transformToString(), r.ContentRange];
}

t.test('byte ranges: first, suffix, open-ended, clamped, first of a list', async (t) => {
  t.same(await get('bytes=0-4'), [206, 'hello', 'bytes 0-4/11']);
  t.same(await get('bytes=-5'), [206, 'world', 'bytes 6-10/11']);
  t.same(await get('bytes=6-'), [206, 'world', 'bytes 6-10/11']);
  t.same(await get('bytes=0-100'), [206, 'hello world', 'bytes 0-10/11']);
  t.same(await get('bytes=-100'), [206, 'hello world', 'bytes 0-10/11']);
  t.same(await get('bytes=0-1,3-4'), [206, 'he', 'bytes 0-1/11']);
});

t.test("RGW's parsing quirks: -0, bare dash, spaces and case, atoll numbers", async (t) => {
  t.same(await get('bytes=-0'), [206, 'hello world', 'bytes 0-10/11']);
  t.same(await get('bytes=-'), [206, 'ello world', 'bytes 1-10/11']);
  t.same(await get('bytes = 0-1'), [206, 'he', 'bytes 0-1/11']);
  t.same(await get('BYTES=0-1'), [206, 'he', 'bytes 0-1/11']);
  t.same(await get('bytes=abc-2'), [206, 'hel', 'bytes 0-2/11']);
  // Not a byte range: the whole object, 200, but RGW still sends a Content-Range.
  t.same(await get('items=0-1'), [200, 'hello world', 'bytes 0-10/11']);
});

t.test('unsatisfiable and malformed ranges: 416 InvalidRange', async (t) => {
  for (const range of ['bytes=100-200', 'bytes=11-', 'bytes=5-2', 'bytes=abc', 'bytes=3-abc']) {
    await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', Range: range })), 416, 'InvalidRange');
  }
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'empty', Range: 'bytes=0-1' })), 416, 'InvalidRange');
});

t.test('HEAD with a range answers 206 with the range length', async (t) => {
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'ranges', Key: 'o', Range: 'bytes=0-1' }));
  t.equal(head.$metadata.httpStatusCode, 206);
  t.equal(head.ContentLength, 2);
  t.equal(head.ContentRange, 'bytes 0-1/11');
});

// A 304 has no body: the SDK calls it Unknown.
t.test('If-Match / If-None-Match compare the ETag prefix, as RGW does ("*" is not special)', async (t) => {
  const ok = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: etag }));
  await ok.Body!.transformToString();
  const unquoted = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: etag.replace(/"/g, '') }));
  await unquoted.Body!.transformToString();
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: '"nope"' })), 412, 'PreconditionFailed');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: '*' })), 412, 'PreconditionFailed');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: `"x", ${etag}` })), 412, 'PreconditionFailed');
  const listed = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: `${etag}, "x"` }));
  await listed.Body!.transformToString();
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfNoneMatch: etag })), 304, 'Unknown');
  t.equal(headers()['cache-control'], 'max-age=9', '304 carries the stored Cache-Control');
  const star = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfNoneMatch: '*' }));
  t.equal(star.$metadata.httpStatusCode, 200);
  await star.Body!.transformToString();
});

t.test('If-Modified-Since / If-Unmodified-Since, their order, and unparsable dates', async (t) => {
  const future = new Date('2099-01-01T00:00:00Z');
  const past = new Date('2000-01-01T00:00:00Z');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfModifiedSince: future })), 304, 'Unknown');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfUnmodifiedSince: past })), 412, 'PreconditionFailed');
  // Modified-since is checked first, so a failing If-Match still gets 304.
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: '"nope"', IfModifiedSince: future })), 304, 'Unknown');
  // If-Unmodified-Since is ignored when If-Match is present.
  const both = await s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: etag, IfUnmodifiedSince: past }));
  await both.Body!.transformToString();
  for (const bad of ['garbage', '01 Jan 2099 00:00:00 GMT']) {
    const r = await raw(f.gw, user, { path: '/ranges/o', headers: { 'if-modified-since': bad } });
    t.equal(r.status, 400, bad);
    t.match(r.body, /<Code>InvalidArgument<\/Code>/);
  }
  const iso = await raw(f.gw, user, { path: '/ranges/o', headers: { 'if-modified-since': '2099-01-01T00:00:00Z' } });
  t.equal(iso.status, 304, 'ISO 8601 dates are accepted');
});

t.test('conditions before the range: a failing If-Match with a bad range is 412', async (t) => {
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: '"nope"', Range: 'bytes=100-' })), 412, 'PreconditionFailed');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'ranges', Key: 'o', IfMatch: etag, Range: 'bytes=100-' })), 416, 'InvalidRange');
});
