// Enforcement on every write that adds data, with RGW's error and its checks' order (quota/check.ts):
// PutObject and overwrites, CopyObject (source size, even onto itself), UploadPart (objects and size, every
// part an entry), never CreateMultipartUpload nor CompleteMultipartUpload; 403 QuotaExceeded with an empty
// message and BucketName. All probed on RGW 20.2.4.
import t from 'tap';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';
import { s3Raw } from './raw.js';

const f = await fixture(t);
const a = f.admin;

async function bucketWithQuota(name: string, quota: Record<string, number>) {
  const u = await f.user(name);
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await a.send('SetBucketQuota', { bucket: name, uid: name, ...quota, enabled: true });
  return { u, s3 };
}

t.test('the error: 403 QuotaExceeded, empty Message, BucketName, no Key', async (t) => {
  const { u } = await bucketWithQuota('wr-err', { 'max-objects': 0 });
  const r = await s3Raw(f.gw.url, u, 'PUT', '/wr-err/dir/k', {}, 'x');
  t.equal(r.status, 403);
  t.match(r.body, /^<\?xml version="1\.0" encoding="UTF-8"\?><Error><Code>QuotaExceeded<\/Code><Message><\/Message><BucketName>wr-err<\/BucketName><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
});

t.test('max-size counts 4 KiB blocks: the new object’s whole size, overwrites included', async (t) => {
  const { s3 } = await bucketWithQuota('wr-size', { 'max-size': 8192 });
  await s3.send(new PutObjectCommand({ Bucket: 'wr-size', Key: 'a', Body: 'x' }));
  await s3.send(new PutObjectCommand({ Bucket: 'wr-size', Key: 'b', Body: Buffer.alloc(4096) }));
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-size', Key: 'c', Body: 'y' })), 403, 'QuotaExceeded', '8 KiB used, 1 byte needs a block');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-size', Key: 'a', Body: 'z' })), 403, 'QuotaExceeded', 'an overwrite by an object of the same size');
  await s3.send(new PutObjectCommand({ Bucket: 'wr-size', Key: 'empty', Body: '' }));
  t.pass('an empty object needs no block');
});

t.test('the first check uses the declared length, before the body: a wrong Content-MD5 gets QuotaExceeded', async (t) => {
  const { s3 } = await bucketWithQuota('wr-order', { 'max-objects': 0 });
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-order', Key: 'k', Body: 'x', ContentMD5: 'AAAAAAAAAAAAAAAAAAAAAA==' })), 403, 'QuotaExceeded', 'BadDigest would come after the body');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-order', Key: 'k', Body: 'x', ContentMD5: 'nope' })), 400, 'InvalidDigest', 'a malformed Content-MD5 is refused first');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-order', Key: 'k', Body: 'x', ACL: 'bogus' as 'private' })), 400, 'InvalidArgument', 'so is a bad canned ACL');
});

t.test('CopyObject is checked with the source size against the destination', async (t) => {
  const { u, s3 } = await bucketWithQuota('wr-copy', { 'max-size': 8192 });
  await s3.send(new PutObjectCommand({ Bucket: 'wr-copy', Key: 'src', Body: Buffer.alloc(8192) }));
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'wr-copy', Key: 'dst', CopySource: 'wr-copy/src' })), 403, 'QuotaExceeded');
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'wr-copy', Key: 'src', CopySource: 'wr-copy/src', MetadataDirective: 'REPLACE' })), 403, 'QuotaExceeded', 'a copy onto itself too');
  await a.send('SetBucketQuota', { bucket: 'wr-copy', uid: u.uid, 'max-size': -1, 'max-objects': 1 });
  await rejects(t, s3.send(new CopyObjectCommand({ Bucket: 'wr-copy', Key: 'src', CopySource: 'wr-copy/src' })), 403, 'QuotaExceeded', 'the quota comes before the copy-onto-itself check');
});

t.test('multipart: CreateMultipartUpload is not checked, each UploadPart is, CompleteMultipartUpload is not', async (t) => {
  const { u, s3 } = await bucketWithQuota('wr-mp', { 'max-objects': 2 });
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'wr-mp', Key: 'k' }));
  const p1 = await s3.send(new UploadPartCommand({ Bucket: 'wr-mp', Key: 'k', UploadId: up.UploadId, PartNumber: 1, Body: 'a' }));
  await rejects(t, s3.send(new UploadPartCommand({ Bucket: 'wr-mp', Key: 'k', UploadId: up.UploadId, PartNumber: 2, Body: 'b' })), 403, 'QuotaExceeded', 'the upload (1) and part 1 fill max-objects 2');
  await rejects(t, s3.send(new UploadPartCommand({ Bucket: 'wr-mp', Key: 'k', UploadId: 'no-such-upload', PartNumber: 2, Body: 'b' })), 403, 'QuotaExceeded', 'checked before the upload is looked up');
  await a.send('SetBucketQuota', { bucket: 'wr-mp', uid: u.uid, 'max-objects': 0 });
  await s3.send(new CreateMultipartUploadCommand({ Bucket: 'wr-mp', Key: 'other' }));
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'wr-mp', Key: 'k', UploadId: up.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }] } }));
  t.pass('create and complete succeed over an exhausted quota');
});

t.test('multipart: parts count in 4 KiB blocks, each part rounded', async (t) => {
  const { s3 } = await bucketWithQuota('wr-mps', { 'max-size': 8192 });
  const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'wr-mps', Key: 'k' }));
  const part = (n: number, bytes: number) => s3.send(new UploadPartCommand({ Bucket: 'wr-mps', Key: 'k', UploadId: up.UploadId, PartNumber: n, Body: Buffer.alloc(bytes) }));
  await part(1, 4096);
  await rejects(t, part(2, 4097), 403, 'QuotaExceeded', '4 KiB + 8 KiB > 8 KiB');
  await part(2, 4096);
  await rejects(t, part(3, 1), 403, 'QuotaExceeded', 'full');
});

t.test('check_on_raw (set through a JSON body) compares raw sizes', async (t) => {
  const u = await f.user('wr-raw');
  const s3 = f.s3(u);
  await s3.send(new CreateBucketCommand({ Bucket: 'wr-raw' }));
  // Signed with x-amz-content-sha256 (without it RGW answers a body 501 NotImplemented, and so does the reference).
  const set = await s3Raw(f.gw.url, f.gw.admin, 'PUT', '/admin/bucket', { quota: '', bucket: 'wr-raw', uid: 'wr-raw' }, JSON.stringify({ enabled: true, check_on_raw: true, max_size: 5000, max_objects: -1 }));
  t.equal(set.status, 200);
  await s3.send(new PutObjectCommand({ Bucket: 'wr-raw', Key: '1', Body: Buffer.alloc(2000) }));
  await s3.send(new PutObjectCommand({ Bucket: 'wr-raw', Key: '2', Body: Buffer.alloc(2000) }));
  t.pass('4000 raw bytes fit in 5000 (rounded they would need 8192)');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'wr-raw', Key: '3', Body: Buffer.alloc(2000) })), 403, 'QuotaExceeded');
});
