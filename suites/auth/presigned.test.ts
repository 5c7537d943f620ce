// Presigned SigV4 URLs as RGW 20.2.4 takes them: the SDK presigner's URLs work (GET and PUT); expiry is measured
// from X-Amz-Date (no skew check, so a future date works) and answered "The pre-signed URL has expired" before
// the key is looked up; X-Amz-Expires must be 1..604800; missing parameters are 403 AccessDenied, a malformed
// credential 400 InvalidArgument; another X-Amz-Algorithm makes the request anonymous.
import t from 'tap';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { fixture, type Creds } from '../fixtures/gateway.js';
import { outcome, send, sign, type Reply } from './raw.js';

const MINUTE = 60_000;

t.test('presigned URLs', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('presign-alice');
  const s3 = f.s3(alice);
  await s3.send(new CreateBucketCommand({ Bucket: 'pre' }));
  await s3.send(new PutObjectCommand({ Bucket: 'pre', Key: 'obj', Body: 'hello' }));

  const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'pre', Key: 'obj' }), { expiresIn: 60 });
  const got = await fetch(getUrl);
  t.equal(`${got.status} ${await got.text()}`, '200 hello', 'the SDK presigner, GET');
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'pre', Key: 'up' }), { expiresIn: 60 });
  t.equal((await fetch(putUrl, { method: 'PUT', body: Buffer.from('uploaded') })).status, 200, 'the SDK presigner, PUT');
  const typed = await fetch(putUrl, { method: 'PUT', body: 'text' }); // fetch adds an unsigned content-type
  t.equal(typed.status, 403, 'a content-type the URL did not sign is refused');

  const presigned = async (o: { date?: Date; expiresIn?: number; creds?: Creds } = {}, edit?: (q: Record<string, string>) => void): Promise<Reply> => {
    const r = await sign(f.gw.url, o.creds ?? alice, { path: '/pre/obj' }, { presign: true, date: o.date, expiresIn: o.expiresIn });
    const query = { ...(r.query as Record<string, string>) };
    edit?.(query);
    return send(f.gw.url, { ...r, query });
  };
  const expired = await presigned({ date: new Date(Date.now() - 20 * MINUTE), expiresIn: 60 });
  t.equal(`${outcome(expired)} ${expired.message}`, '403 AccessDenied The pre-signed URL has expired');
  const unknownExpired = await presigned({ date: new Date(Date.now() - 20 * MINUTE), expiresIn: 60, creds: { accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' } });
  t.equal(unknownExpired.message, 'The pre-signed URL has expired', 'expiry is checked before the key');
  t.equal(outcome(await presigned({ date: new Date(Date.now() + 60 * MINUTE) })), '200', 'dated an hour ahead: no skew check');
  t.equal(outcome(await presigned({ date: new Date(Date.now() - 20 * MINUTE), expiresIn: 3600 })), '200');
  t.equal(outcome(await presigned({ expiresIn: 604800 })), '200', 'seven days is the maximum');
  const soon = await sign(f.gw.url, alice, { path: '/pre/obj' }, { presign: true, expiresIn: 100 });
  t.equal(outcome(await send(f.gw.url, soon)), '200');
  f.gw.advanceClock(101);
  t.equal((await send(f.gw.url, soon)).message, 'The pre-signed URL has expired', 'the same URL once the gateway clock passed its expiry');

  const cases: Array<[string, (q: Record<string, string>) => void, string]> = [
    ['X-Amz-Expires 604801', (q) => (q['X-Amz-Expires'] = '604801'), '403 AccessDenied'],
    ['X-Amz-Expires 0', (q) => (q['X-Amz-Expires'] = '0'), '403 AccessDenied'],
    ['X-Amz-Expires abc', (q) => (q['X-Amz-Expires'] = 'abc'), '403 AccessDenied'],
    ['no X-Amz-Expires', (q) => delete q['X-Amz-Expires'], '403 AccessDenied'],
    ['no X-Amz-Credential', (q) => delete q['X-Amz-Credential'], '403 AccessDenied'],
    ['no X-Amz-Signature', (q) => delete q['X-Amz-Signature'], '403 AccessDenied'],
    ['no X-Amz-SignedHeaders', (q) => delete q['X-Amz-SignedHeaders'], '403 AccessDenied'],
    ['no X-Amz-Date', (q) => delete q['X-Amz-Date'], '403 AccessDenied'],
    ['a garbage X-Amz-Date', (q) => (q['X-Amz-Date'] = 'garbage'), '403 AccessDenied'],
    ['credential with 3 slashes', (q) => (q['X-Amz-Credential'] = q['X-Amz-Credential']!.replace('/aws4_request', '')), '400 InvalidArgument'],
    ['a wrong signature', (q) => (q['X-Amz-Signature'] = '0'.repeat(64)), '403 AccessDenied'],
    ['an extra unsigned parameter', (q) => (q['response-content-type'] = 'text/plain'), '403 AccessDenied'],
    ['an empty X-Amz-Security-Token', (q) => (q['X-Amz-Security-Token'] = ''), '403 AccessDenied'],
    ['a garbage X-Amz-Security-Token', (q) => (q['X-Amz-Security-Token'] = 'garbage'), '403 AccessDenied'],
  ];
  for (const [name, edit, want] of cases) t.equal(outcome(await presigned({}, edit)), want, name);
  // Another algorithm is no presigned request at all: the request is anonymous (and the object is private).
  const anon = await presigned({}, (q) => (q['X-Amz-Algorithm'] = 'AWS4-HMAC-SHA1'));
  t.equal(`${outcome(anon)} ${anon.message}`, '403 AccessDenied missing s3:GetObject permission');
});
