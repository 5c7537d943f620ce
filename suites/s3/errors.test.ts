// Error documents byte for byte as RGW 20.2.4 renders them: Code, Message (always present), BucketName when
// the request reached its bucket, never Key, RequestId, HostId; Accept-Ranges on errors; a HEAD error's
// Content-Length of the body it does not send; 411 MissingContentLength for a PUT without a length.
import t from 'tap';
import { connect } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createTestUser, type TestCreds } from '../fixtures/users.js';
import { errorShape, raw, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const user = await createTestUser(f.gw, { uid: 'erroneous' });
await f.s3(user).send(new CreateBucketCommand({ Bucket: 'errs' }));
const DOC = '<?xml version="1.0" encoding="UTF-8"?>';

t.test('NoSuchKey names the bucket, not the key; GET errors carry Accept-Ranges', async (t) => {
  const r = await raw(f.gw, user, { path: '/errs/missing' });
  t.equal(r.status, 404);
  t.equal(errorShape(r.body), `${DOC}<Error><Code>NoSuchKey</Code><Message></Message><BucketName>errs</BucketName><RequestId/><HostId/></Error>`);
  t.equal(r.headers['accept-ranges'], 'bytes');
  t.equal(r.headers['x-amz-delete-marker'], 'false');
  t.match(r.body, new RegExp(`<RequestId>${r.headers['x-amz-request-id']}</RequestId>`));
});

t.test('AccessDenied on a bucket names it; service-level AccessDenied does not', async (t) => {
  const other = await createTestUser(f.gw, { uid: 'outsider' });
  const bucketLevel = await raw(f.gw, other, { path: '/errs', query: { acl: '' } });
  t.equal(errorShape(bucketLevel.body), `${DOC}<Error><Code>AccessDenied</Code><Message></Message><BucketName>errs</BucketName><RequestId/><HostId/></Error>`);
  const unknownKey: TestCreds = { ...user, accessKeyId: 'NOSUCHKEY0000000000', secretAccessKey: 'x' };
  const auth = await raw(f.gw, unknownKey, { path: '/errs' });
  t.equal(auth.status, 403);
  t.notMatch(auth.body, /BucketName/, 'authentication failures come before the bucket');
});

t.test('ops refused while RGW picks them have no BucketName; a refused POST (form upload) has one', async (t) => {
  const ni = await raw(f.gw, user, { method: 'PUT', path: '/errs', query: { cors: '' } });
  t.equal(errorShape(ni.body), `${DOC}<Error><Code>NotImplemented</Code><Message></Message><RequestId/><HostId/></Error>`);
  const post = await raw(f.gw, user, { method: 'POST', path: '/errs/k' });
  t.equal(errorShape(post.body), `${DOC}<Error><Code>InvalidArgument</Code><Message></Message><BucketName>errs</BucketName><RequestId/><HostId/></Error>`);
});

t.test('keys RGW refuses: invalid UTF-8 → InvalidObjectName; NUL → InvalidRequest as JSON; a bad %-escape empties the path', async (t) => {
  const utf = await raw(f.gw, user, { path: '/errs/%FF%FE' });
  t.equal(utf.status, 400);
  t.match(utf.body, /<Code>InvalidObjectName<\/Code><Message><\/Message><BucketName>errs<\/BucketName>/);
  const nul = await raw(f.gw, user, { path: '/errs/a%00b' });
  t.equal(nul.status, 400);
  t.equal(nul.headers['content-type'], 'application/json');
  t.same(Object.keys(JSON.parse(nul.body)), ['Code', 'Message', 'RequestId', 'HostId']);
  t.equal(JSON.parse(nul.body).Code, 'InvalidRequest');
  // RGW's url_decode gives up on "%zz" and the request becomes ListBuckets (anonymous: an empty list).
  const anon = await raw(f.gw, undefined, { path: '/errs/%zz' });
  t.equal(anon.status, 200);
  t.match(anon.body, /<ListAllMyBucketsResult/);
});

t.test('a POST that is no known operation: 501 with a body, 400 InvalidArgument without', async (t) => {
  const withBody = await raw(f.gw, user, { method: 'POST', path: '/errs/k', body: 'x' });
  t.equal(errorShape(withBody.body), `${DOC}<Error><Code>NotImplemented</Code><Message></Message><RequestId/><HostId/></Error>`);
});

t.test('control bodies over 1 MiB: 416 InvalidRange (RGW reads them with rgw_max_put_param_size)', async (t) => {
  const r = await raw(f.gw, user, { method: 'PUT', path: '/errs', query: { policy: '' }, body: '{' + ' '.repeat(1100 * 1024) + '}' });
  t.equal(r.status, 416);
  t.match(r.body, /<Code>InvalidRange<\/Code>/);
});

t.test('a HEAD error announces the length of the body it does not send', async (t) => {
  const get = await raw(f.gw, user, { path: '/errs/missing' });
  const head = await raw(f.gw, user, { method: 'HEAD', path: '/errs/missing' });
  t.equal(head.status, 404);
  t.equal(head.body, '');
  t.equal(Number(head.headers['content-length']), Buffer.byteLength(get.body) - (get.headers['x-amz-request-id']!.length - head.headers['x-amz-request-id']!.length));
});

/** A PUT sent byte by byte, so it can lack both Content-Length and Transfer-Encoding. */
async function putWithoutLength(creds: TestCreds, path: string): Promise<string> {
  const url = new URL(f.gw.url);
  const signer = new SignatureV4({ credentials: creds, region: 'default', service: 's3', sha256: Sha256, uriEscapePath: false });
  const req = await signer.sign(new HttpRequest({ method: 'PUT', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }));
  const head = `PUT ${path} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(head));
    let out = '';
    socket.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('</Error>')) socket.end();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

t.test('PUT without Content-Length or Transfer-Encoding: 411 MissingContentLength', async (t) => {
  const out = await putWithoutLength(user, '/errs/nolength');
  t.match(out, /^HTTP\/1\.1 411 /);
  t.match(out, /<Code>MissingContentLength<\/Code><Message><\/Message><BucketName>errs<\/BucketName>/);
});
