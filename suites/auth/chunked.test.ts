// aws-chunked uploads (STREAMING-AWS4-HMAC-SHA256-PAYLOAD), decoded as RGW 20.2.4 does (probed): chunk
// signatures chain from the request's; a bad one is 403 SignatureDoesNotMatch while more data follows and 400
// XAmzContentSHA256Mismatch on the last data chunk; the zero chunk's signature is not checked; framing errors and
// a missing x-amz-decoded-content-length are 400 InvalidArgument; the stream may end once the declared bytes
// are in. A refused upload stores nothing.
import t from 'tap';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';
import { call, chunkedPut, outcome, send, type ChunkedUpload } from './raw.js';

t.test('signed aws-chunked uploads', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('chunk-alice');
  await call(f.gw.url, alice, { method: 'PUT', path: '/chunks' });
  const big = Buffer.alloc(70_000, 'a');
  const upload = async (u: Omit<ChunkedUpload, 'path'> & { key: string }, edit?: (body: Buffer) => Buffer): Promise<string> => {
    const { req, body } = await chunkedPut(f.gw.url, alice, { ...u, path: `/chunks/${u.key}` });
    const sent = edit ? edit(body) : body;
    return outcome(await send(f.gw.url, { ...req, headers: { ...req.headers, 'content-length': String(sent.length) } }, sent));
  };
  const read = async (key: string): Promise<string> => {
    try {
      return await (await f.s3(alice).send(new GetObjectCommand({ Bucket: 'chunks', Key: key }))).Body!.transformToString();
    } catch (err) {
      return (err as Error).name;
    }
  };

  t.equal(await upload({ key: 'ok', chunks: [big, Buffer.from('tail')] }), '200');
  t.equal(await read('ok'), `${big}tail`, 'decoded, byte for byte');
  t.equal(await upload({ key: 'first-bad', chunks: [big, Buffer.from('tail')], badChunk: 0 }), '403 SignatureDoesNotMatch');
  t.equal(await upload({ key: 'middle-bad', chunks: [big, big, Buffer.from('tail')], badChunk: 1 }), '403 SignatureDoesNotMatch');
  t.equal(await upload({ key: 'last-bad', chunks: [big, Buffer.from('tail')], badChunk: 1 }), '400 XAmzContentSHA256Mismatch');
  t.equal(await upload({ key: 'only-bad', chunks: [Buffer.from('hello')], badChunk: 0 }), '400 XAmzContentSHA256Mismatch');
  t.equal(await read('only-bad'), 'NoSuchKey', 'nothing stored');
  t.equal(await upload({ key: 'zero-bad', chunks: [Buffer.from('hello')], badChunk: 1 }), '200', 'the zero chunk is not checked');
  t.equal(await upload({ key: 'no-length', chunks: [Buffer.from('hello')], decodedLength: null }), '400 InvalidArgument');
  t.equal(await upload({ key: 'longer', chunks: [Buffer.from('hello')], decodedLength: 10 }), '400 InvalidArgument', 'fewer bytes than declared');
  t.equal(await upload({ key: 'shorter', chunks: [Buffer.from('hello')], decodedLength: 3 }), '400 XAmzContentSHA256Mismatch', 'more bytes than declared');
  t.equal(await upload({ key: 'no-end', chunks: [Buffer.from('hello')] }, (b) => b.subarray(0, b.indexOf('0;chunk'))), '200', 'no zero chunk');
  t.equal(await read('no-end'), 'hello');
  t.equal(await upload({ key: 'garbage', chunks: [Buffer.from('hello')] }, () => Buffer.from('zz;chunk-signature=abc\r\nhello\r\n')), '400 InvalidArgument');
  t.equal(await upload({ key: 'plain', chunks: [Buffer.from('hello')] }, () => Buffer.from('hello')), '400 InvalidArgument', 'a plain body');
  t.equal(await upload({ key: 'no-sig', chunks: [Buffer.from('hello')] }, () => Buffer.from('5\r\nhello\r\n0\r\n\r\n')), '400 InvalidArgument', 'no chunk-signature');
  t.equal(await upload({ key: 'short-sig', chunks: [Buffer.from('hello')] }, () => Buffer.from('5;chunk-signature=abc\r\nhello\r\n0;chunk-signature=abc\r\n\r\n')), '400 InvalidArgument');
  t.equal(await upload({ key: 'no-crlf', chunks: [Buffer.from('hello'), Buffer.from('world')] }, (b) => Buffer.from(b.toString('latin1').replace('hello\r\n', 'helloXX'), 'latin1')), '400 InvalidArgument', 'no CRLF after the data');
  t.equal(await upload({ key: 'signed-trailer', chunks: [Buffer.from('hello world')], mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', trailer: ['x-amz-checksum-crc32', 'DUoRhQ=='] }), '200');
  t.equal(await upload({ key: 'bad-trailer-sig', chunks: [Buffer.from('hello world')], mode: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', trailer: ['x-amz-checksum-crc32', 'DUoRhQ=='], badTrailerSignature: true }), '403 SignatureDoesNotMatch');
});
