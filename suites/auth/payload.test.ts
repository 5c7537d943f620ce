// x-amz-content-sha256 as RGW 20.2.4 holds a client to it: UNSIGNED-PAYLOAD and a correct hex hash pass; any
// other value (a wrong hash, uppercase hex, garbage) is 400 XAmzContentSHA256Mismatch: at once when there is no
// body (before NoSuchKey / NoSuchBucket), after the body otherwise (so a PUT into a missing bucket is
// NoSuchBucket, and nothing is stored). Without the header, S3 signs UNSIGNED-PAYLOAD.
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { call, outcome, send, sha256, sign } from './raw.js';

t.test('payload hashes', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('payload-alice');
  const put = (key: string, hash: string, body = 'hello', bucket = 'pay') =>
    call(f.gw.url, alice, { method: 'PUT', path: `/${bucket}/${key}`, body, headers: { 'x-amz-content-sha256': hash } }).then(outcome);
  t.equal(await call(f.gw.url, alice, { method: 'PUT', path: '/pay' }).then(outcome), '200');
  t.equal(await put('unsigned', 'UNSIGNED-PAYLOAD'), '200');
  t.equal(await put('hex', sha256('hello')), '200');
  t.equal(await put('wrong', sha256('other')), '400 XAmzContentSHA256Mismatch');
  t.equal(await put('upper', sha256('hello').toUpperCase()), '400 XAmzContentSHA256Mismatch');
  t.equal(await put('garbage', 'garbage'), '400 XAmzContentSHA256Mismatch');
  t.equal(await call(f.gw.url, alice, { path: '/pay/wrong' }).then(outcome), '404 NoSuchKey', 'a refused body is not stored');
  t.equal(await put('x', sha256('other'), 'hello', 'no-such-bucket'), '404 NoSuchBucket', 'with a body, the bucket is checked first');

  const noBody = (method: string, path: string, hash: string) => call(f.gw.url, alice, { method, path, headers: { 'x-amz-content-sha256': hash } }).then(outcome);
  t.equal(await noBody('GET', '/pay/nope', sha256('x')), '400 XAmzContentSHA256Mismatch', 'no body: checked before NoSuchKey');
  t.equal(await noBody('GET', '/no-such-bucket/x', sha256('x')), '400 XAmzContentSHA256Mismatch', 'no body: checked before NoSuchBucket');
  t.equal(await noBody('HEAD', '/pay/hex', sha256('x')), '400', 'HEAD: no error body');
  t.equal(await noBody('GET', '/', 'garbage'), '400 XAmzContentSHA256Mismatch', 'ListBuckets');
  t.equal(await noBody('GET', '/pay/hex', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'), '400 XAmzContentSHA256Mismatch', 'streaming promised, nothing sent');
  t.equal(await noBody('GET', '/pay/hex', sha256('')), '200', 'the empty hash on an empty body');
  t.equal(await noBody('PUT', '/pay-ct', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD'), '400 InvalidArgument', 'SigV4a streaming is not supported');

  // Without x-amz-content-sha256 the canonical request of an S3 call carries UNSIGNED-PAYLOAD.
  const bare = async (canonical: string): Promise<string> => {
    const r = await sign(f.gw.url, alice, { path: '/pay/hex', headers: { 'x-amz-content-sha256': canonical } }, { unsignable: ['x-amz-content-sha256'] });
    const { ['x-amz-content-sha256']: _, ...headers } = r.headers;
    return outcome(await send(f.gw.url, { ...r, headers }));
  };
  t.equal(await bare('UNSIGNED-PAYLOAD'), '200');
  t.equal(await bare(sha256('')), '403 AccessDenied');
  t.equal(outcome(await call(f.gw.url, alice, { path: '/pay/hex' }, { noContentSha256: true })), '403 AccessDenied', 'signed over the empty hash');
});
