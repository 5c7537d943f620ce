// What the SDK sends today: a string or Buffer body goes out with a hex payload hash and an x-amz-checksum-crc32
// header, a stream body as aws-chunked STREAMING-UNSIGNED-PAYLOAD-TRAILER with the checksum in a trailer. RGW
// 20.2.4 checks a checksum only when x-amz-sdk-checksum-algorithm (or x-amz-checksum-algorithm) names it: a
// wrong one is 400 BadDigest, an unknown algorithm 400 InvalidArgument. Unsigned chunked bodies are cut at the
// declared length.
import t from 'tap';
import { Readable } from 'node:stream';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, UploadPartCommand, CreateMultipartUploadCommand, type ChecksumAlgorithm } from '@aws-sdk/client-s3';
import { fixture, rejects } from '../fixtures/gateway.js';
import { chunkedPut, outcome, send, type ChunkedUpload } from './raw.js';

t.test('the SDK, string and stream bodies, every checksum algorithm', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('trail-alice');
  const s3 = f.s3(alice, { requestChecksumCalculation: 'WHEN_SUPPORTED' });
  await s3.send(new CreateBucketCommand({ Bucket: 'trail' }));
  const body = Buffer.alloc(200_000, 7);
  const back = async (Key: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'trail', Key }))).Body!.transformToByteArray());
  for (const alg of [undefined, 'CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as (ChecksumAlgorithm | undefined)[]) {
    await s3.send(new PutObjectCommand({ Bucket: 'trail', Key: `str-${alg}`, Body: 'hello', ChecksumAlgorithm: alg }));
    await s3.send(new PutObjectCommand({ Bucket: 'trail', Key: `stream-${alg}`, Body: Readable.from([body]), ContentLength: body.length, ChecksumAlgorithm: alg }));
    t.equal((await back(`str-${alg}`)).toString(), 'hello', `${alg ?? 'default'}: string body`);
    t.ok((await back(`stream-${alg}`)).equals(body), `${alg ?? 'default'}: stream body (aws-chunked with a trailer)`);
  }
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'trail', Key: 'mp' }));
  t.ok((await s3.send(new UploadPartCommand({ Bucket: 'trail', Key: 'mp', UploadId, PartNumber: 1, Body: Readable.from([body]), ContentLength: body.length }))).ETag, 'a streamed part');
  await rejects(t, s3.send(new PutObjectCommand({ Bucket: 'trail', Key: 'bad', Body: 'hello', ChecksumAlgorithm: 'CRC32', ChecksumCRC32: 'AAAAAA==' })), 400, 'BadDigest');
});

t.test('trailers by hand', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('trail-bob');
  await f.s3(alice).send(new CreateBucketCommand({ Bucket: 'hand' }));
  const data = Buffer.from('hello world');
  const up = async (key: string, u: Partial<ChunkedUpload>, edit?: (b: Buffer) => Buffer): Promise<string> => {
    const { req, body } = await chunkedPut(f.gw.url, alice, { path: `/hand/${key}`, chunks: [data], mode: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', ...u });
    const sent = edit ? edit(body) : body;
    return outcome(await send(f.gw.url, { ...req, headers: { ...req.headers, 'content-length': String(sent.length) } }, sent));
  };
  const alg = (a: string) => ({ 'x-amz-sdk-checksum-algorithm': a });
  t.equal(await up('crc32', { trailer: ['x-amz-checksum-crc32', 'DUoRhQ=='], headers: alg('CRC32') }), '200');
  t.equal(await up('crc32-bad', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='], headers: alg('CRC32') }), '400 BadDigest');
  t.equal(await up('crc32-lower', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='], headers: alg('crc32') }), '400 BadDigest', 'the algorithm name in any case');
  t.equal(await up('crc32-other-header', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='], headers: { 'x-amz-checksum-algorithm': 'CRC32' } }), '400 BadDigest');
  t.equal(await up('crc32-unnamed', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='] }), '200', 'no algorithm named: not checked');
  t.equal(await up('crc32-other-alg', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='], headers: alg('SHA256') }), '200', 'no value for the named algorithm');
  t.equal(await up('alg-unknown', { trailer: ['x-amz-checksum-crc32', 'AAAAAA=='], headers: alg('FOO') }), '400 InvalidArgument');
  t.equal(await up('b64-bad', { trailer: ['x-amz-checksum-crc32', '!!!'], headers: alg('CRC32') }), '400 BadDigest');
  for (const [a, len] of [['crc32c', 4], ['crc64nvme', 8], ['sha1', 20], ['sha256', 32]] as const) {
    t.equal(await up(`${a}-bad`, { trailer: [`x-amz-checksum-${a}`, Buffer.alloc(len).toString('base64')], headers: alg(a.toUpperCase()) }), '400 BadDigest', `${a}: a wrong value`);
  }
  t.equal(await up('two', {}, () => Buffer.from('5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n')), '200', 'two chunks');
  t.equal(await up('ext', {}, () => Buffer.from(`b;chunk-signature=${'0'.repeat(64)}\r\nhello world\r\n0\r\n\r\n`)), '200', 'unsigned: extensions are ignored');
  t.equal(await up('spaces', {}, () => Buffer.from('b  \r\nhello world\r\n0\r\n\r\n')), '200', 'junk after the size is ignored');
  t.equal(await up('cut', { decodedLength: 5 }), '200', 'more than declared: cut');
  const cut = await f.s3(alice).send(new GetObjectCommand({ Bucket: 'hand', Key: 'cut' }));
  t.equal(await cut.Body!.transformToString(), 'hello');
  t.equal(await up('longer', { decodedLength: 20 }), '400 RequestTimeout', 'fewer than declared: RGW waits, then times out');
  t.equal(await up('no-length', { decodedLength: null }), '400 InvalidArgument');
  t.equal(await up('garbage', {}, () => Buffer.from('zz\r\nhello\r\n0\r\n\r\n')), '400 InvalidArgument');
});
