// --data-dir across a clean restart (SIGTERM): accounts, users, keys, buckets, objects (byte for byte, whichever
// way they were uploaded), a multipart upload in progress and a bucket policy are all there afterwards, and the
// admin keys given at first start keep working without the flags.
import t from 'tap';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetBucketPolicyCommand, GetObjectCommand,
  ListObjectsV2Command, ListPartsCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { AdminClient } from '../../harness/admin-client.js';
import type { Creds } from '../fixtures/gateway.js';
import { startCliGateway, type Running } from '../cli/spawn.js';

const ADMIN = { accessKeyId: 'RESTARTADMINKEY00001', secretAccessKey: 'restart-admin-secret-00000000000000000001' };
const s3 = (gw: Running, c: Creds) => new S3Client({ endpoint: gw.url, region: 'default', forcePathStyle: true, credentials: c, maxAttempts: 1 });
const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const read = async (c: S3Client, Key: string) => Buffer.from(await (await c.send(new GetObjectCommand({ Bucket: 'keep', Key }))).Body!.transformToByteArray());

t.test('state survives a clean restart', async (t) => {
  const dir = t.testdir();
  const first = await startCliGateway(['--port', '0', '--data-dir', dir, '--admin-access-key', ADMIN.accessKeyId, '--admin-secret-key', ADMIN.secretAccessKey]);
  t.teardown(() => first.stop());
  const admin = new AdminClient({ endpoint: first.url, credentials: ADMIN });
  const account = (await admin.send('CreateAccount', { name: 'restart-acct' })).output as { id: string };
  await admin.send('CreateUser', { uid: 'restart-root', 'display-name': 'restart-root', 'account-id': account.id, 'account-root': true });
  const created = (await admin.send('CreateUser', { uid: 'restart-classic', 'display-name': 'Classic', 'max-buckets': 7 })).output as { keys: { access_key: string; secret_key: string }[] };
  admin.destroy();
  const classic = { accessKeyId: created.keys[0]!.access_key, secretAccessKey: created.keys[0]!.secret_key };

  const c = s3(first, classic);
  await c.send(new CreateBucketCommand({ Bucket: 'keep' }));
  const small = bytes(1000, 1);
  const streamed = bytes(300_000, 2);
  await c.send(new PutObjectCommand({ Bucket: 'keep', Key: 'small', Body: small, Metadata: { color: 'blue' } }));
  await c.send(new PutObjectCommand({ Bucket: 'keep', Key: 'dir/streamed', Body: Readable.from([streamed]), ContentLength: streamed.length }));
  await c.send(new PutObjectCommand({ Bucket: 'keep', Key: 'empty', Body: '' }));
  const part = bytes(5 * 1024 * 1024, 3);
  const done = await c.send(new CreateMultipartUploadCommand({ Bucket: 'keep', Key: 'multi' }));
  const p1 = await c.send(new UploadPartCommand({ Bucket: 'keep', Key: 'multi', UploadId: done.UploadId, PartNumber: 1, Body: part }));
  const p2 = await c.send(new UploadPartCommand({ Bucket: 'keep', Key: 'multi', UploadId: done.UploadId, PartNumber: 2, Body: 'tail' }));
  await c.send(new CompleteMultipartUploadCommand({ Bucket: 'keep', Key: 'multi', UploadId: done.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));
  const open = await c.send(new CreateMultipartUploadCommand({ Bucket: 'keep', Key: 'open' }));
  const openPart = await c.send(new UploadPartCommand({ Bucket: 'keep', Key: 'open', UploadId: open.UploadId, PartNumber: 1, Body: 'in progress' }));
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::keep/*' }] });
  await c.send(new PutBucketPolicyCommand({ Bucket: 'keep', Policy: policy }));
  c.destroy();
  t.same(await first.stop('SIGTERM'), { code: 0, signal: null });

  const second = await startCliGateway(['--port', '0', '--data-dir', dir]);
  t.teardown(() => second.stop());
  t.ok(second.lines.includes(`admin access key: ${ADMIN.accessKeyId}`), 'the stored admin key is kept and printed');
  const admin2 = new AdminClient({ endpoint: second.url, credentials: ADMIN });
  t.teardown(() => admin2.destroy());
  t.match((await admin2.send('GetUserInfo', { uid: 'restart-classic' })).output, { display_name: 'Classic', max_buckets: 7, keys: [{ access_key: classic.accessKeyId }] });
  t.match((await admin2.send('GetUserInfo', { uid: 'restart-root' })).output, { account_id: account.id, type: 'root' });
  t.match((await admin2.send('GetAccount', { id: account.id })).output, { id: account.id, name: 'restart-acct' });

  const c2 = s3(second, classic);
  t.teardown(() => c2.destroy());
  t.equal(md5(await read(c2, 'small')), md5(small), 'small object, byte for byte');
  t.equal(md5(await read(c2, 'dir/streamed')), md5(streamed), 'aws-chunked upload, byte for byte');
  t.equal((await read(c2, 'empty')).length, 0);
  t.equal(md5(await read(c2, 'multi')), md5(Buffer.concat([part, Buffer.from('tail')])), 'completed multipart, byte for byte');
  const head = await c2.send(new GetObjectCommand({ Bucket: 'keep', Key: 'small' }));
  t.same(head.Metadata, { color: 'blue' });
  const listed = await c2.send(new ListObjectsV2Command({ Bucket: 'keep' }));
  t.same(listed.Contents?.map((o) => o.Key), ['dir/streamed', 'empty', 'multi', 'small']);
  const parts = await c2.send(new ListPartsCommand({ Bucket: 'keep', Key: 'open', UploadId: open.UploadId }));
  t.same(parts.Parts?.map((p) => [p.PartNumber, p.ETag]), [[1, openPart.ETag]], 'the upload in progress and its part');
  t.equal((await c2.send(new GetBucketPolicyCommand({ Bucket: 'keep' }))).Policy, policy);
});
