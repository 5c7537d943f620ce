// Multipart uploads through the real SDK, with RGW 20.2.4's completion rules (probed): the part list is a set
// (order and duplicates do not matter), it must match the uploaded parts exactly, non-last parts need 5 MiB.
import t from 'tap';
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand,
  HeadObjectCommand, ListMultipartUploadsCommand, ListPartsCommand, PutObjectCommand, UploadPartCommand, UploadPartCopyCommand,
  type CompletedPart, type S3Client,
} from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { captureHeaders, raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const user = await createTestUser(f.gw, { uid: 'uploader', displayName: 'Up' });
const s3 = f.s3(user);
const headers = captureHeaders(s3);
await s3.send(new CreateBucketCommand({ Bucket: 'mpu' }));
const md5 = (b: string | Buffer): string => createHash('md5').update(b).digest('hex');
const big = Buffer.alloc(5 * 1024 * 1024, 'a');
const mpEtag = (...parts: (string | Buffer)[]): string => `"${createHash('md5').update(Buffer.concat(parts.map((p) => Buffer.from(md5(p), 'hex')))).digest('hex')}-${parts.length}"`;

async function upload(c: S3Client, Key: string, parts: (string | Buffer)[]): Promise<{ UploadId: string; done: CompletedPart[] }> {
  const { UploadId } = await c.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key, ContentType: 'application/x-test', CacheControl: 'cc', Metadata: { m: 'v' } }));
  const done: CompletedPart[] = [];
  for (const [i, Body] of parts.entries()) done.push({ PartNumber: i + 1, ETag: (await c.send(new UploadPartCommand({ Bucket: 'mpu', Key, UploadId, PartNumber: i + 1, Body }))).ETag! });
  return { UploadId: UploadId!, done };
}
const complete = (Key: string, UploadId: string, Parts: CompletedPart[]) => s3.send(new CompleteMultipartUploadCommand({ Bucket: 'mpu', Key, UploadId, MultipartUpload: { Parts } }));

t.test('upload, list, complete: md5-of-md5s ETag, the upload headers, parts count, GET ?partNumber', async (t) => {
  const { UploadId, done } = await upload(s3, 'mp', [big, 'tail']);
  t.match(UploadId, /^2~[A-Za-z0-9_-]{31}$/);
  const parts = await s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'mp', UploadId }));
  t.same(parts.Parts?.map((p) => [p.PartNumber, p.Size]), [[1, big.length], [2, 4]]);
  t.same(parts.Owner, { ID: 'uploader', DisplayName: 'Up' });
  t.equal(parts.NextPartNumberMarker, '2');
  const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'mpu' }));
  t.same(uploads.Uploads?.map((u) => [u.Key, u.UploadId]), [['mp', UploadId]]);
  const r = await complete('mp', UploadId, done);
  t.equal(r.ETag, mpEtag(big, 'tail'));
  t.equal(r.Location, `http://${new URL(f.gw.url).host}/mpu/mp`);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'mpu', Key: 'mp' }));
  t.equal(head.ContentLength, big.length + 4);
  t.equal(head.ContentType, 'application/x-test');
  t.equal(head.CacheControl, 'cc');
  t.same(head.Metadata, { m: 'v' });
  t.equal(headers()['x-amz-mp-parts-count'], '2');
  const part2 = await s3.send(new GetObjectCommand({ Bucket: 'mpu', Key: 'mp', PartNumber: 2 }));
  t.equal(part2.$metadata.httpStatusCode, 200);
  t.equal(await part2.Body!.transformToString(), 'tail');
  t.equal(part2.ETag, `"${md5('tail')}"`);
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'mpu', Key: 'mp', PartNumber: 3 })), 400, 'InvalidPart');
  // Completing again with the same list answers 200 again (a retry of a completed upload).
  t.equal((await complete('mp', UploadId, done)).ETag, mpEtag(big, 'tail'));
});

t.test('the list is a set: any order, duplicates collapse; a gap in part numbers is fine', async (t) => {
  const a = await upload(s3, 'order', [big, 'tail']);
  t.equal((await complete('order', a.UploadId, [a.done[1]!, a.done[0]!, a.done[1]!])).ETag, mpEtag(big, 'tail'));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'gap' }));
  const e1 = (await s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'gap', UploadId, PartNumber: 1, Body: big }))).ETag!;
  const e3 = (await s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'gap', UploadId, PartNumber: 3, Body: 'tail' }))).ETag!;
  t.equal((await complete('gap', UploadId!, [{ PartNumber: 1, ETag: e1 }, { PartNumber: 3, ETag: e3 }])).ETag, mpEtag(big, 'tail'));
});

t.test('completion errors: InvalidPart (subset, wrong ETag, unknown part), EntityTooSmall, MalformedXML', async (t) => {
  const a = await upload(s3, 'bad', [big, 'tail']);
  await rejects(t, complete('bad', a.UploadId, [a.done[1]!]), 400, 'InvalidPart');
  await rejects(t, complete('bad', a.UploadId, [a.done[0]!, { PartNumber: 2, ETag: '"0000"' }]), 400, 'InvalidPart');
  await rejects(t, complete('bad', a.UploadId, [a.done[0]!, { PartNumber: 3, ETag: a.done[1]!.ETag! }]), 400, 'InvalidPart');
  const small = await upload(s3, 'small', ['small', 'small']);
  await rejects(t, complete('small', small.UploadId, small.done), 400, 'EntityTooSmall');
  for (const body of ['<Complete', '<CompleteMultipartUpload></CompleteMultipartUpload>', '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>']) {
    const r = await raw(f.gw, user, { method: 'POST', path: '/mpu/bad', query: { uploadId: a.UploadId }, body });
    t.equal(r.status, 400);
    t.match(r.body, /<Code>MalformedXML<\/Code>/);
  }
  // The upload survives a failed completion.
  t.equal((await complete('bad', a.UploadId, a.done)).ETag, mpEtag(big, 'tail'));
});

t.test('abort; a gone upload: NoSuchUpload for parts and abort, 500 for a completion that matches nothing', async (t) => {
  const a = await upload(s3, 'gone', ['x']);
  t.equal((await s3.send(new AbortMultipartUploadCommand({ Bucket: 'mpu', Key: 'gone', UploadId: a.UploadId }))).$metadata.httpStatusCode, 204);
  await rejects(t, s3.send(new AbortMultipartUploadCommand({ Bucket: 'mpu', Key: 'gone', UploadId: a.UploadId })), 404, 'NoSuchUpload');
  await rejects(t, s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'gone', UploadId: a.UploadId, PartNumber: 1, Body: 'x' })), 404, 'NoSuchUpload');
  await rejects(t, complete('gone', a.UploadId, a.done), 500, 'InternalError', 'This multipart completion is already in progress');
  await rejects(t, s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'gone', UploadId: a.UploadId })), 404, 'NoSuchKey');
});

t.test('part numbers: any integer strtol reads; parts below 1 are kept out of lists', async (t) => {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'numbers' }));
  for (const n of ['0', '10001', '+5']) {
    const r = await raw(f.gw, user, { method: 'PUT', path: '/mpu/numbers', query: { uploadId: UploadId!, partNumber: n }, body: 'x' });
    t.equal(r.status, 200, n);
  }
  const bad = await raw(f.gw, user, { method: 'PUT', path: '/mpu/numbers', query: { uploadId: UploadId!, partNumber: 'abc' }, body: 'x' });
  t.equal(bad.status, 400);
  t.same((await s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'numbers', UploadId }))).Parts?.map((p) => p.PartNumber), [5, 10001]);
  const page = await s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'numbers', UploadId, MaxParts: 1 }));
  t.equal(page.IsTruncated, true);
  t.equal(page.NextPartNumberMarker, '5');
  const rest = await s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'numbers', UploadId, PartNumberMarker: '5' }));
  t.same(rest.Parts?.map((p) => p.PartNumber), [10001]);
});

t.test('UploadPartCopy copies a whole object or a range into a part', async (t) => {
  await s3.send(new PutObjectCommand({ Bucket: 'mpu', Key: 'source', Body: 'hello world' }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'copied' }));
  const whole = await s3.send(new UploadPartCopyCommand({ Bucket: 'mpu', Key: 'copied', UploadId, PartNumber: 1, CopySource: 'mpu/source' }));
  t.equal(whole.CopyPartResult?.ETag, `"${md5('hello world')}"`);
  const slice = await s3.send(new UploadPartCopyCommand({ Bucket: 'mpu', Key: 'copied', UploadId, PartNumber: 2, CopySource: 'mpu/source', CopySourceRange: 'bytes=0-4' }));
  t.equal(slice.CopyPartResult?.ETag, `"${md5('hello')}"`);
  await rejects(t, s3.send(new UploadPartCopyCommand({ Bucket: 'mpu', Key: 'copied', UploadId, PartNumber: 3, CopySource: 'mpu/source', CopySourceRange: 'bytes=0-100' })), 416, 'InvalidRange');
  await rejects(t, s3.send(new UploadPartCopyCommand({ Bucket: 'mpu', Key: 'copied', UploadId, PartNumber: 3, CopySource: 'mpu/source', CopySourceRange: 'garbage' })), 400, 'InvalidArgument');
  t.same((await s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'copied', UploadId }))).Parts?.map((p) => p.Size), [11, 5]);
});

t.test('ListMultipartUploads: markers, max-uploads, the caller as Initiator, delimiter quirk', async (t) => {
  const b = f.s3(user);
  await b.send(new CreateBucketCommand({ Bucket: 'uploads-list' }));
  for (const Key of ['a/1', 'a/2', 'b', 'c d']) await b.send(new CreateMultipartUploadCommand({ Bucket: 'uploads-list', Key }));
  const page = await b.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-list', MaxUploads: 1 }));
  t.equal(page.IsTruncated, true);
  t.equal(page.NextKeyMarker, 'a/1');
  t.same(page.Uploads?.[0]?.Initiator, { ID: 'uploader', DisplayName: 'Up' });
  const fromKey = await b.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-list', KeyMarker: 'a/1' }));
  t.same(fromKey.Uploads?.map((u) => u.Key), ['a/1', 'a/2', 'b', 'c d'], 'a key marker alone still lists that key (RGW)');
  const delim = await b.send(new ListMultipartUploadsCommand({ Bucket: 'uploads-list', Delimiter: '/' }));
  t.same(delim.Uploads?.map((u) => u.Key), ['b', 'c d']);
  t.equal(delim.CommonPrefixes, undefined, 'RGW 20.2.4 lists no common prefixes here');
  const bad = await raw(f.gw, user, { path: '/uploads-list', query: { uploads: '', 'max-uploads': 'x' } });
  t.equal(bad.status, 400);
});
