// How RGW 20.2.4 answers a broken Authorization header (probed: 400 InvalidArgument for anything it cannot parse,
// 403 AccessDenied for a bad date or a wrong signature) and which headers the signature must cover (host,
// content-type and every x-amz-* header sent; 403 AccessDenied otherwise).
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { call, outcome, send, sign } from './raw.js';

t.test('malformed Authorization headers', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('authz-alice');
  const edited = async (edit: (auth: string) => string): Promise<string> => {
    const r = await sign(f.gw.url, alice, { path: '/' });
    return outcome(await send(f.gw.url, { ...r, headers: { ...r.headers, authorization: edit(r.headers.authorization!) } }));
  };
  const cases: Array<[string, (a: string) => string, string]> = [
    ['algorithm alone', () => 'AWS4-HMAC-SHA256', '400 InvalidArgument'],
    ['algorithm and a space', () => 'AWS4-HMAC-SHA256 ', '400 InvalidArgument'],
    ['no Signature', (a) => a.replace(/, Signature=[0-9a-f]+/, ''), '400 InvalidArgument'],
    ['no SignedHeaders', (a) => a.replace(/, SignedHeaders=[^,]+/, ''), '400 InvalidArgument'],
    ['no Credential', (a) => a.replace(/Credential=[^,]+, /, ''), '400 InvalidArgument'],
    ['Credential with 3 slashes', (a) => a.replace('/aws4_request', ''), '400 InvalidArgument'],
    ['Credential with 5 slashes', (a) => a.replace('/aws4_request', '/aws4_request/x'), '400 InvalidArgument'],
    ['Credential without aws4_request', (a) => a.replace('aws4_request', 'aws5_request'), '400 InvalidArgument'],
    ['Credential with an empty key', (a) => a.replace(/Credential=[^/]+/, 'Credential='), '400 InvalidArgument'],
    ['a field without "="', (a) => `${a}, Bogus`, '400 InvalidArgument'],
    ['lowercase algorithm', (a) => a.replace('AWS4-HMAC-SHA256', 'aws4-hmac-sha256'), '400 InvalidArgument'],
    ['AWS4-HMAC-SHA512', (a) => a.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'), '400 InvalidArgument'],
    ['Bearer token', () => 'Bearer xyz', '400 InvalidArgument'],
    ['"AWS" alone', () => 'AWS', '400 InvalidArgument'],
    ['SigV2 without a colon', () => `AWS ${alice.accessKeyId}`, '400 InvalidArgument'],
    ['an extra unknown field', (a) => `${a}, Foo=bar`, '200'],
    ['no spaces after the commas', (a) => a.replace(/, /g, ','), '200'],
    ['uppercase hex signature', (a) => a.replace(/Signature=([0-9a-f]+)/, (_, s: string) => `Signature=${s.toUpperCase()}`), '403 AccessDenied'],
    ['truncated signature', (a) => a.replace(/(Signature=[0-9a-f]{40})[0-9a-f]+/, '$1'), '403 AccessDenied'],
    ['scope date unlike x-amz-date', (a) => a.replace(/(Credential=[^/]+)\/\d{8}/, '$1/20200101'), '403 AccessDenied'],
  ];
  for (const [name, edit, want] of cases) t.equal(await edited(edit), want, name);

  const dated = async (edit: (h: Record<string, string>) => void): Promise<string> => {
    const r = await sign(f.gw.url, alice, { path: '/' });
    const headers = { ...r.headers };
    edit(headers);
    return outcome(await send(f.gw.url, { ...r, headers }));
  };
  t.equal(await dated((h) => delete h['x-amz-date']), '403 AccessDenied', 'no date at all');
  t.equal(await dated((h) => (h['x-amz-date'] = 'garbage')), '403 AccessDenied', 'a garbage date');
  t.equal(await dated((h) => (h['x-amz-date'] = new Date().toISOString())), '403 AccessDenied', 'an extended ISO date');
  t.equal(await dated((h) => (h['x-amz-meta-a'] = 'changed')), '403 AccessDenied', 'a header added after signing');

  const res = await fetch(`${f.gw.url}/`, { method: 'POST', headers: { authorization: 'AWS4-HMAC-SHA256 junk', 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListUsers' });
  const iam = `${res.status} ${/<Code>([^<]*)/.exec(await res.text())?.[1]}`;
  t.equal(iam, '400 InvalidInput', 'on IAM the same parse error is InvalidInput');
});

t.test('headers the signature must cover', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('covered-alice');
  await call(f.gw.url, alice, { method: 'PUT', path: '/covered' });
  await call(f.gw.url, alice, { method: 'PUT', path: '/covered/obj', body: 'x' });
  const unsigned = async (name: string, value: string): Promise<string> => {
    const r = await sign(f.gw.url, alice, { path: '/covered/obj' });
    return outcome(await send(f.gw.url, { ...r, headers: { ...r.headers, [name]: value } }));
  };
  t.equal(await unsigned('content-type', 'text/plain'), '403 AccessDenied', 'content-type');
  t.equal(await unsigned('x-amz-meta-foo', 'bar'), '403 AccessDenied', 'x-amz-meta-*');
  t.equal(await unsigned('x-amz-request-payer', 'requester'), '403 AccessDenied', 'any x-amz-*');
  t.equal(await unsigned('range', 'bytes=0-0'), '206', 'range may go unsigned');
  t.equal(await unsigned('content-md5', '1B2M2Y8AsgTpgAmY7PhCfg=='), '200', 'content-md5 may go unsigned');
  t.equal(await unsigned('if-none-match', '"nope"'), '200', 'conditionals may go unsigned');
  t.equal(outcome(await call(f.gw.url, alice, { path: '/covered/obj' }, { unsignable: ['host'] })), '403 AccessDenied', 'host');
  t.equal(outcome(await call(f.gw.url, alice, { path: '/covered/obj' }, { unsignable: ['x-amz-date'] })), '403 AccessDenied', 'x-amz-date');
  t.equal(outcome(await call(f.gw.url, alice, { path: '/covered/obj' }, { unsignable: ['x-amz-content-sha256'] })), '403 AccessDenied', 'x-amz-content-sha256');
  const spaced = await sign(f.gw.url, alice, { path: '/covered/obj', headers: { 'x-amz-meta-a': 'a b' } });
  t.equal(outcome(await send(f.gw.url, { ...spaced, headers: { ...spaced.headers, 'x-amz-meta-a': '  a    b  ' } })), '200', 'header values are trimmed and inner runs of spaces collapsed');
});
