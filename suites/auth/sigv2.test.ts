// SigV2, which RGW 20.2.4 accepts by default (probed): the "AWS AK:signature" header (Date or x-amz-date, 15
// minutes of skew) and the AWSAccessKeyId/Expires/Signature query; the string to sign covers the x-amz-*
// headers and RGW's signed sub-resources. The signer below is the client side, written from the AWS docs.
import t from 'tap';
import { createHmac } from 'node:crypto';
import { fixture, type Creds } from '../fixtures/gateway.js';
import { call, outcome, send, type Reply } from './raw.js';

const SUBRESOURCES = ['acl', 'delete', 'location', 'policy', 'uploadId', 'uploads', 'versioning'];

function v2(method: string, path: string, query: Record<string, string>, headers: Record<string, string>, dateLine: string, secret: string): string {
  const amz = Object.keys(headers).filter((k) => k.startsWith('x-amz-')).sort().map((k) => `${k}:${headers[k]}\n`).join('');
  const subs = SUBRESOURCES.filter((s) => s in query).map((s) => (query[s] ? `${s}=${query[s]}` : s));
  const resource = path + (subs.length ? `?${subs.join('&')}` : '');
  const toSign = `${method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${dateLine}\n${amz}${resource}`;
  return createHmac('sha1', secret).update(toSign).digest('base64');
}

t.test('SigV2 header and query', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('v2-alice');
  const host = new URL(f.gw.url).host;
  await call(f.gw.url, alice, { method: 'PUT', path: '/v2-bucket' });
  await call(f.gw.url, alice, { method: 'PUT', path: '/v2-bucket/obj', body: 'hello' });
  const viaHeader = (c: Creds, method: string, path: string, o: { query?: Record<string, string>; headers?: Record<string, string>; date?: Date; amzDate?: boolean; body?: string } = {}): Promise<Reply> => {
    const date = (o.date ?? new Date()).toUTCString();
    const headers: Record<string, string> = { host, ...o.headers, ...(o.amzDate ? { 'x-amz-date': date } : { date }) };
    headers.authorization = `AWS ${c.accessKeyId}:${v2(method, path, o.query ?? {}, headers, o.amzDate ? '' : date, c.secretAccessKey)}`;
    return send(f.gw.url, { method, path, query: o.query, headers, body: o.body });
  };
  t.equal(outcome(await viaHeader(alice, 'GET', '/')), '200', 'ListBuckets');
  const got = await viaHeader(alice, 'GET', '/v2-bucket/obj');
  t.equal(`${outcome(got)} ${got.body}`, '200 hello');
  t.equal(outcome(await viaHeader(alice, 'GET', '/v2-bucket/obj', { amzDate: true })), '200', 'x-amz-date instead of Date');
  t.equal(outcome(await viaHeader(alice, 'PUT', '/v2-bucket/put', { headers: { 'content-type': 'text/plain', 'x-amz-meta-k': 'v' }, body: 'v2 body' })), '200', 'PUT with content-type and metadata');
  t.equal(outcome(await viaHeader(alice, 'GET', '/v2-bucket', { query: { acl: '' } })), '200', 'a signed sub-resource');
  t.equal(outcome(await viaHeader({ ...alice, secretAccessKey: 'wrong' }, 'GET', '/')), '403 AccessDenied');
  t.equal(outcome(await viaHeader({ accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' }, 'GET', '/')), '403 AccessDenied');
  t.equal(outcome(await viaHeader(alice, 'GET', '/', { date: new Date(Date.now() - 16 * 60_000) })), '403 RequestTimeTooSkewed');
  const r = await send(f.gw.url, { method: 'GET', path: '/', headers: { host, authorization: `AWS ${alice.accessKeyId}:abc=` } });
  t.equal(outcome(r), '403 AccessDenied', 'no date');

  const bob = await f.user('v2-bob');
  await f.admin.send('ModifyUser', { uid: 'v2-bob', suspended: true });
  t.equal(outcome(await viaHeader(bob, 'GET', '/')), '403 UserSuspended');

  const viaQuery = (c: Creds, expires: number, edit?: (q: Record<string, string>) => void): Promise<Reply> => {
    const query: Record<string, string> = { AWSAccessKeyId: c.accessKeyId, Expires: String(expires), Signature: v2('GET', '/v2-bucket/obj', {}, {}, String(expires), c.secretAccessKey) };
    edit?.(query);
    return send(f.gw.url, { method: 'GET', path: '/v2-bucket/obj', query, headers: { host } });
  };
  const now = Math.floor(Date.now() / 1000);
  t.equal(outcome(await viaQuery(alice, now + 600)), '200');
  t.equal(outcome(await viaQuery(alice, now + 365 * 86400)), '200', 'no upper bound on Expires');
  t.equal(outcome(await viaQuery(alice, now - 10)), '403 AccessDenied', 'expired');
  t.equal(outcome(await viaQuery(alice, now + 600, (q) => (q.Signature = 'AAAA'))), '403 AccessDenied', 'a wrong signature');
});
