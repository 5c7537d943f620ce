// S3 object operations through the real SDK: put/get/head/delete, ranges, conditions, metadata, copy,
// multi-delete, multipart, and the errors RGW answers.
import t from 'tap';
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CopyObjectCommand, CreateBucketCommand, CreateMultipartUploadCommand,
  DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListPartsCommand,
  PutObjectCommand, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const s3 = f.s3(await f.user('olga'));
await s3.send(new CreateBucketCommand({ Bucket: 'objs' }));
const md5 = (b: string | Buffer): string => createHash('md5').update(b).digest('hex');

t.test('PutObject / GetObject / HeadObject round trip with metadata', async (t) => {
  const put = await s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', Body: 'hello world', ContentType: 'text/plain', Metadata: { color: 'blue' } }));
  t.equal(put.ETag, `"${md5('hello world')}"`);
  const got = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt' }));
  t.equal(await got.Body!.transformToString(), 'hello world');
  t.equal(got.ContentType, 'text/plain');
  t.same(got.Metadata, { color: 'blue' });
  t.equal(got.ContentLength, 11);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt' }));
  t.equal(head.ETag, put.ETag);
  t.equal(head.AcceptRanges, 'bytes');
});

t.test('ranges: first bytes, suffix, open-ended; unsatisfiable → 416 InvalidRange', async (t) => {
  const get = async (Range: string): Promise<[string, string | undefined]> => {
    const r = await s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', Range }));
    return [await r.Body!.transformToString(), r.ContentRange];
  };
  t.same(await get('bytes=0-4'), ['hello', 'bytes 0-4/11']);
  t.same(await get('bytes=-5'), ['world', 'bytes 6-10/11']);
  t.same(await get('bytes=6-'), ['world', 'bytes 6-10/11']);
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', Range: 'bytes=100-200' })), 416, 'InvalidRange');
});

t.test('conditional GET: If-Match mismatch → 412, If-None-Match match → 304', async (t) => {
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', IfMatch: '"nope"' })), 412, 'PreconditionFailed');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'dir/hello world.txt', IfNoneMatch: `"${md5('hello world')}"` })), 304, 'Unknown', '304 has no body');
});

t.test('missing key: GET 404 NoSuchKey, HEAD 404; missing bucket 404 NoSuchBucket; DELETE of a missing key is 204', async (t) => {
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'nope' })), 404, 'NoSuchKey');
  await rejects(t, s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'nope' })), 404, 'NotFound');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-x', Key: 'k' })), 404, 'NoSuchBucket');
  t.equal((await s3.send(new DeleteObjectCommand({ Bucket: 'objs', Key: 'nope' }))).$metadata.httpStatusCode, 204);
});

t.test('Content-MD5 mismatch → 400 BadDigest and nothing stored', async (t) => {
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'objs', Key: 'bad-md5', Body: 'abc', ContentMD5: Buffer.from(md5('xyz'), 'hex').toString('base64') })), 400, 'BadDigest');
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'bad-md5' })), 404, 'NoSuchKey');
});

t.test('CopyObject (COPY and REPLACE metadata), copy onto itself → 400 InvalidRequest', async (t) => {
  const c = await s3.send(new CopyObjectCommand({ Bucket: 'objs', Key: 'copy', CopySource: 'objs/dir/hello%20world.txt' }));
  t.equal(c.CopyObjectResult?.ETag, `"${md5('hello world')}"`);
  t.same((await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'copy' }))).Metadata, { color: 'blue' });
  await s3.send(new CopyObjectCommand({ Bucket: 'objs', Key: 'copy', CopySource: 'objs/copy', MetadataDirective: 'REPLACE', Metadata: { color: 'red' } }));
  t.same((await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'copy' }))).Metadata, { color: 'red' });
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'objs', Key: 'copy', CopySource: 'objs/copy' })), 400, 'InvalidRequest');
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'objs', Key: 'copy2', CopySource: 'objs/missing' })), 404, 'NoSuchKey');
});

t.test('DeleteObjects removes several keys and reports each', async (t) => {
  for (const Key of ['d1', 'd2']) await s3.send(new PutObjectCommand({ Bucket: 'objs', Key, Body: Key }));
  const r = await s3.send(new DeleteObjectsCommand({ Bucket: 'objs', Delete: { Objects: [{ Key: 'd1' }, { Key: 'd2' }, { Key: 'never' }] } }));
  t.same(r.Deleted?.map((d) => d.Key).sort(), ['d1', 'd2', 'never']);
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'objs', Key: 'd1' })), 404, 'NoSuchKey');
});

t.test('multipart: upload, list parts, complete with md5-of-md5s ETag', async (t) => {
  const part1 = Buffer.alloc(5 * 1024 * 1024, 'a');
  const part2 = Buffer.from('tail');
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'objs', Key: 'mp', ContentType: 'application/x-test' }));
  t.match(up.UploadId, /^2~/);
  const e1 = (await s3.send(new UploadPartCommand({ Bucket: 'objs', Key: 'mp', UploadId: up.UploadId, PartNumber: 1, Body: part1 }))).ETag!;
  const e2 = (await s3.send(new UploadPartCommand({ Bucket: 'objs', Key: 'mp', UploadId: up.UploadId, PartNumber: 2, Body: part2 }))).ETag!;
  const parts = await s3.send(new ListPartsCommand({ Bucket: 'objs', Key: 'mp', UploadId: up.UploadId }));
  t.same(parts.Parts?.map((p) => [p.PartNumber, p.Size]), [[1, part1.length], [2, 4]]);
  t.equal((await s3.send(new ListMultipartUploadsCommand({ Bucket: 'objs' }))).Uploads?.length, 1);
  const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'objs', Key: 'mp', UploadId: up.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }] } }));
  const expected = createHash('md5').update(Buffer.concat([Buffer.from(md5(part1), 'hex'), Buffer.from(md5(part2), 'hex')])).digest('hex');
  t.equal(done.ETag, `"${expected}-2"`);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'objs', Key: 'mp' }));
  t.equal(head.ContentLength, part1.length + 4);
  t.equal(head.ContentType, 'application/x-test');
});

t.test('multipart errors: EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload', async (t) => {
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'objs', Key: 'mp2' }));
  const e1 = (await s3.send(new UploadPartCommand({ Bucket: 'objs', Key: 'mp2', UploadId: up.UploadId, PartNumber: 1, Body: 'small' }))).ETag!;
  const e2 = (await s3.send(new UploadPartCommand({ Bucket: 'objs', Key: 'mp2', UploadId: up.UploadId, PartNumber: 2, Body: 'small' }))).ETag!;
  const complete = (Parts: { PartNumber: number; ETag: string }[]) => s3.send(new CompleteMultipartUploadCommand({ Bucket: 'objs', Key: 'mp2', UploadId: up.UploadId, MultipartUpload: { Parts } }));
  await rejects(t, complete([{ PartNumber: 1, ETag: e1 }, { PartNumber: 2, ETag: e2 }]), 400, 'EntityTooSmall');
  await rejects(t, complete([{ PartNumber: 1, ETag: '"0000"' }]), 400, 'InvalidPart');
  await rejects(t, complete([{ PartNumber: 2, ETag: e2 }, { PartNumber: 1, ETag: e1 }]), 400, 'InvalidPartOrder');
  await s3.send(new AbortMultipartUploadCommand({ Bucket: 'objs', Key: 'mp2', UploadId: up.UploadId }));
  await rejects(t, complete([{ PartNumber: 1, ETag: e1 }]), 404, 'NoSuchUpload');
});
