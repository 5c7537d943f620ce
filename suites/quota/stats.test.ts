// Stats as RGW reports them (quota/usage.ts, quota/accounting.ts): Admin Ops bucket `usage` per index category
// through a multipart upload's life, user stats (an account member's are the account's), HEAD bucket's
// X-RGW-* headers and GET /?usage. Expected numbers are those RGW 20.2.4 answered to the same requests.
import t from 'tap';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';

const f = await fixture(t);
const a = f.admin;
const MiB5 = 5 * 1024 * 1024;

const usage = async (bucket: string) => ((await a.send('GetBucketInfo', { bucket, stats: true })).output as { usage: Record<string, Record<string, number>> }).usage;
const stats = (size: number, actual: number, utilized: number, objects: number) => ({
  size,
  size_actual: actual,
  size_utilized: utilized,
  size_kb: Math.ceil(size / 1024),
  size_kb_actual: actual / 1024,
  size_kb_utilized: Math.ceil(utilized / 1024),
  num_objects: objects,
});
const main = (size: number, actual: number, objects: number) => stats(size, actual, size, objects);
const meta = (uploads: number) => stats(0, 0, 69 * uploads, uploads);

t.test('bucket usage through a multipart upload, an abort, a copy and an overwrite', async (t) => {
  const u = await f.user('st-mp');
  const s3 = f.s3(u);
  const B = 'st-mp';
  await s3.send(new CreateBucketCommand({ Bucket: B }));
  t.same(await usage(B), {}, 'an empty bucket has no category');
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: B, Key: 'big' }));
  t.same(await usage(B), { 'rgw.multimeta': meta(1) }, 'the upload is an rgw.multimeta entry');
  const part = (n: number, bytes: number, id = up.UploadId) => s3.send(new UploadPartCommand({ Bucket: B, Key: 'big', UploadId: id, PartNumber: n, Body: Buffer.alloc(bytes, n) }));
  const p1 = await part(1, MiB5);
  await part(2, 100);
  t.same(await usage(B), { 'rgw.main': main(MiB5 + 100, MiB5 + 4096, 2), 'rgw.multimeta': meta(1) }, 'each part is an rgw.main entry');
  const p2 = await part(2, 200);
  t.same(await usage(B), { 'rgw.main': main(MiB5 + 300, MiB5 + 8192, 3), 'rgw.multimeta': meta(1) }, 'a re-uploaded part keeps its old entry until the upload ends');
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: B, Key: 'big', UploadId: up.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));
  t.same(await usage(B), { 'rgw.main': main(MiB5 + 200, MiB5 + 4096, 1), 'rgw.multimeta': meta(0) }, 'complete: one object, its whole size rounded once; multimeta stays, zeroed');
  const up2 = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'st-mp', Key: 'big' }));
  await part(1, 10, up2.UploadId);
  t.same((await usage(B))['rgw.main'], main(MiB5 + 210, MiB5 + 8192, 2));
  await s3.send(new AbortMultipartUploadCommand({ Bucket: B, Key: 'big', UploadId: up2.UploadId }));
  t.same(await usage(B), { 'rgw.main': main(MiB5 + 200, MiB5 + 4096, 1), 'rgw.multimeta': meta(0) }, 'abort drops the parts and the upload');
  await s3.send(new CopyObjectCommand({ Bucket: B, Key: 'copy', CopySource: `${B}/big` }));
  t.same((await usage(B))['rgw.main'], main(2 * (MiB5 + 200), 2 * (MiB5 + 4096), 2), 'a copy is one more object');
  for (const key of ['big', 'copy']) await s3.send(new DeleteObjectCommand({ Bucket: B, Key: key }));
  t.same(await usage(B), { 'rgw.main': main(0, 0, 0), 'rgw.multimeta': meta(0) }, 'emptied: both categories stay listed');
});

t.test('user stats: rgw.main of the buckets owned; an account member’s are the account’s', async (t) => {
  const u = await f.user('st-user');
  await f.s3(u).send(new CreateBucketCommand({ Bucket: 'st-user' }));
  await f.s3(u).send(new PutObjectCommand({ Bucket: 'st-user', Key: 'k', Body: 'hello' }));
  const info = await a.getUserInfo({ uid: 'st-user', stats: true });
  t.same(info.stats, stats(5, 4096, 0, 1), 'size_utilized stays 0 in user stats');

  const acct = await f.account('st-acct');
  await f.user('st-member', { accountId: acct.id });
  const root3 = f.s3(acct.root);
  await root3.send(new CreateBucketCommand({ Bucket: 'st-acct' }));
  await root3.send(new PutObjectCommand({ Bucket: 'st-acct', Key: 'k', Body: 'hello' }));
  const up = await root3.send(new CreateMultipartUploadCommand({ Bucket: 'st-acct', Key: 'm' }));
  await root3.send(new UploadPartCommand({ Bucket: 'st-acct', Key: 'm', UploadId: up.UploadId, PartNumber: 1, Body: 'abc' }));
  for (const uid of ['st-member', 'st-acct-root']) {
    t.same((await a.getUserInfo({ uid, stats: true, sync: true })).stats, stats(8, 8192, 0, 2), `${uid}: the account's object and part, not the upload`);
  }
});
