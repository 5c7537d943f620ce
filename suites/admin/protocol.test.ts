// The Admin Ops pipeline as RGW 20.2.4 runs it (docs/rgw-behaviour/admin.md): routing (405 before
// authenticating), signed bodies (501), caps (403, keys hidden without users=read), formats (JSON without a
// Content-Type, XML, error bodies), parameter decoding, and the small resources (info, usage, metadata).
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw, isAdminError } from './raw.js';

const f = await fixture(t);
const admin = f.gw.admin;
const as = (creds: { accessKeyId: string; secretAccessKey: string } | null) => (method: string, path: string, query: Record<string, string> = {}) =>
  adminRaw(f.gw.url, method, path, query, { creds });
const call = as(admin);

await call('PUT', '/admin/user', { uid: 'ro', 'display-name': 'ro', 'access-key': 'ROKEY', 'secret-key': 'ro-secret', 'user-caps': 'users=read;buckets=read' });
await call('PUT', '/admin/user', { uid: 'nk', 'display-name': 'nk', 'access-key': 'NKKEY', 'secret-key': 'nk-secret', 'user-caps': 'user-info-without-keys=read' });
await call('PUT', '/admin/user', { uid: 'aw', 'display-name': 'aw', 'access-key': 'AWKEY', 'secret-key': 'aw-secret', 'user-caps': 'accounts=write' });
const plain = await f.user('plain');

t.test('no op for the path and method: 405 MethodNotAllowed, before authentication', async (t) => {
  for (const [method, path] of [['GET', '/admin/foo'], ['GET', '/admin/'], ['GET', '/admin'], ['PATCH', '/admin/user'], ['POST', '/admin/info'], ['PUT', '/admin/usage']]) {
    isAdminError(t, await call(method!, path!), 405, 'MethodNotAllowed', '', `${method} ${path}`);
  }
  isAdminError(t, await as(null)('GET', '/admin/foo'), 405, 'MethodNotAllowed', '', 'anonymous');
  isAdminError(t, await as({ accessKeyId: 'NOPE', secretAccessKey: 'x' })('GET', '/admin/foo'), 405, 'MethodNotAllowed', '', 'unknown key');
  const head = await call('HEAD', '/admin/user', { uid: 'ro' });
  t.equal(head.status, 405);
});

t.test('a sub-path belongs to its resource', async (t) => {
  t.equal((await call('GET', '/admin/user/extra', { uid: 'ro' })).json<{ user_id: string }>().user_id, 'ro');
  t.same((await call('GET', '/admin/bucket/', { uid: 'nobody' })).body, '');
});

t.test('a signed body: 501 NotImplemented whoever signs it; UNSIGNED-PAYLOAD is fine', async (t) => {
  const put = (creds: { accessKeyId: string; secretAccessKey: string }, payload: 'signed' | 'unsigned') =>
    adminRaw(f.gw.url, 'PUT', '/admin/user', { quota: '', uid: 'ro', 'quota-type': 'user' }, { creds, body: '{"max_objects":3}', payload });
  isAdminError(t, await put(admin, 'signed'), 501, 'NotImplemented');
  isAdminError(t, await put({ accessKeyId: 'NOPE', secretAccessKey: 'x' }, 'signed'), 501, 'NotImplemented', '', 'an unknown key');
  isAdminError(t, await put({ accessKeyId: 'NOPE', secretAccessKey: 'x' }, 'unsigned'), 403, 'AccessDenied', '', 'an unknown key, unsigned');
  t.equal((await put(admin, 'unsigned')).status, 200);
});

t.test('caps: check_caps per op, 403 AccessDenied for everyone else', async (t) => {
  isAdminError(t, await as(null)('GET', '/admin/user', { uid: 'ro' }), 403, 'AccessDenied', '', 'anonymous');
  isAdminError(t, await as(plain)('GET', '/admin/user', { uid: 'ro' }), 403, 'AccessDenied', '', 'no caps');
  isAdminError(t, await as({ accessKeyId: 'ROKEY', secretAccessKey: 'wrong' })('GET', '/admin/user', { uid: 'ro' }), 403, 'AccessDenied', '', 'bad signature');
  const ro = as({ accessKeyId: 'ROKEY', secretAccessKey: 'ro-secret' });
  t.equal((await ro('GET', '/admin/user', { uid: 'plain' })).status, 200, 'users=read reads');
  isAdminError(t, await ro('GET', '/admin/user', { uid: 'nobody' }), 404, 'NoSuchUser', '', 'caps first, then the lookup');
  isAdminError(t, await ro('PUT', '/admin/user', { uid: 'x', 'display-name': 'x' }), 403, 'AccessDenied', '', 'read is not write');
  isAdminError(t, await ro('GET', '/admin/account', { id: 'RGW00000000000000001' }), 403, 'AccessDenied');
  isAdminError(t, await ro('GET', '/admin/info'), 403, 'AccessDenied');
  isAdminError(t, await ro('GET', '/admin/usage'), 403, 'AccessDenied');
  t.same((await ro('GET', '/admin/bucket', { uid: 'plain' })).json(), [], 'buckets=read');
  const aw = as({ accessKeyId: 'AWKEY', secretAccessKey: 'aw-secret' });
  isAdminError(t, await aw('GET', '/admin/account', { id: 'RGW00000000000000001' }), 403, 'AccessDenied', '', 'write is not read');
  t.equal((await aw('POST', '/admin/account', { name: 'by-aw' })).status, 200);
});

t.test('user-info-without-keys: the user document without keys and swift_keys', async (t) => {
  const u = (await as({ accessKeyId: 'NKKEY', secretAccessKey: 'nk-secret' })('GET', '/admin/user', { uid: 'ro' })).json();
  t.notOk('keys' in u || 'swift_keys' in u);
  t.same(Object.keys(u).slice(6, 9), ['max_buckets', 'subusers', 'caps']);
  t.ok('keys' in (await as({ accessKeyId: 'ROKEY', secretAccessKey: 'ro-secret' })('GET', '/admin/user', { uid: 'nk' })).json(), 'users=read shows them');
});

t.test('format=xml: documents and errors in XML, with a Content-Type', async (t) => {
  const doc = await call('GET', '/admin/user', { uid: 'ro', format: 'xml' });
  t.equal(doc.contentType, 'application/xml');
  t.match(doc.body, /^<\?xml version="1\.0" encoding="UTF-8"\?><user_info><full_user_id>ro<\/full_user_id><tenant><\/tenant>/);
  t.match(doc.body, /<keys><key><user>ro<\/user><access_key>ROKEY<\/access_key><secret_key>ro-secret<\/secret_key><active>true<\/active><\/key><\/keys><swift_keys><\/swift_keys>/);
  t.match(doc.body, /<caps><cap><type>buckets<\/type><perm>read<\/perm><\/cap><cap><type>users<\/type><perm>read<\/perm><\/cap><\/caps>/);
  const err = await call('GET', '/admin/user', { uid: 'nobody', format: 'xml' });
  t.equal(err.status, 404);
  t.equal(err.contentType, 'application/xml');
  const id = err.headers.get('x-amz-request-id');
  t.equal(err.body, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUser</Code><Message></Message><RequestId>${id}</RequestId><HostId>${f.gw.env.ids.hostId}</HostId></Error>`);
  const escaped = await call('PUT', '/admin/user', { uid: 'esc', 'display-name': `é"<>&'/x`, 'generate-key': 'false', format: 'xml' });
  t.match(escaped.body, /<display_name>é&quot;&lt;&gt;&amp;&apos;\/x<\/display_name>/);
  t.equal((await call('GET', '/admin/user', { uid: 'esc' })).json<{ display_name: string }>().display_name, `é"<>&'/x`);
});

t.test('parameters are percent-decoded twice and the last repeat wins', async (t) => {
  const u = (await call('PUT', '/admin/user', { uid: 'dec', 'display-name': 'a%2541b+c', 'generate-key': 'false' })).json<{ display_name: string }>();
  t.equal(u.display_name, 'a%41b c', 'a%252541b%2Bc on the wire');
  t.equal((await call('POST', '/admin/user', { uid: 'dec', 'display-name': 'x%2' })).json<{ display_name: string }>().display_name, 'x');
  t.equal((await call('POST', '/admin/user', { uid: 'dec', 'display-name': 'q%zzy' })).json<{ display_name: string }>().display_name, 'x', 'a broken escape: empty, so unchanged');
  const url = new URL(f.gw.url);
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { Sha256 } = await import('@aws-crypto/sha256-js');
  const signed = await new SignatureV4({ credentials: admin, region: 'default', service: 's3', sha256: Sha256 }).sign({
    method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/admin/user', query: { uid: ['dec', 'nobody'] }, headers: { host: url.host },
  });
  const r = await fetch(`${f.gw.url}/admin/user?uid=dec&uid=nobody`, { headers: signed.headers });
  t.equal(r.status, 404, 'uid=nobody, the last one, was looked up');
});

t.test('GET /admin/info (info=read)', async (t) => {
  const r = await call('GET', '/admin/info');
  t.equal(r.contentType, null);
  const info = r.json<{ info: { storage_backends: Array<{ name: string; cluster_id: string }> } }>();
  t.same(Object.keys(info.info.storage_backends[0]!), ['name', 'cluster_id']);
  t.equal(info.info.storage_backends[0]!.name, 'rados');
  t.match(info.info.storage_backends[0]!.cluster_id, /^[0-9a-f-]{36}$/);
  t.same((await call('GET', '/admin/info')).json(), info, 'stable');
  t.match((await call('GET', '/admin/info', { format: 'xml' })).body, /<dummy><info><storage_backends><dummy><name>rados<\/name><cluster_id>[0-9a-f-]{36}<\/cluster_id><\/dummy><\/storage_backends><\/info><\/dummy>$/);
});

t.test('/admin/usage: the usage log is off', async (t) => {
  t.equal((await call('GET', '/admin/usage', { uid: 'ro', 'show-entries': 'true' })).body, '{"entries":[],"summary":[]}');
  t.equal((await call('GET', '/admin/usage', { format: 'xml' })).body, '<?xml version="1.0" encoding="UTF-8"?><usage><entries></entries><summary></summary></usage>');
  isAdminError(t, await call('DELETE', '/admin/usage'), 400, 'InvalidArgument');
  t.same((await call('DELETE', '/admin/usage', { 'remove-all': 'true' })).body, '');
});

t.test('/admin/metadata: sections, and a section\'s keys (with Content-Type)', async (t) => {
  const sections = await call('GET', '/admin/metadata');
  t.equal(sections.contentType, 'application/json');
  t.same(sections.json(), ['account', 'bucket', 'bucket.instance', 'group', 'otp', 'roles', 'topic', 'user']);
  const users = (await call('GET', '/admin/metadata/user')).json<string[]>();
  t.ok(users.includes('admin') && users.includes('ro'));
  const page = (await call('GET', '/admin/metadata/user', { 'max-entries': '1' })).json<{ keys: string[]; marker: string }>();
  t.same(Object.keys(page), ['keys', 'truncated', 'count', 'marker']);
  t.match(Buffer.from(page.marker, 'base64').toString(), /users\.uid::/, 'a base64 marker');
  const next = (await call('GET', '/admin/metadata/user', { 'max-entries': '1', marker: page.marker })).json<{ keys: string[] }>();
  t.same(next.keys, users.slice(1, 2));
  isAdminError(t, await as({ accessKeyId: 'ROKEY', secretAccessKey: 'ro-secret' })('GET', '/admin/metadata'), 403, 'AccessDenied');
});

t.test('ops RGW has and the reference does not reproduce: 501 NotImplemented', async (t) => {
  isAdminError(t, await call('PUT', '/admin/user', { subuser: 'ro:swift', uid: 'ro' }), 501, 'NotImplemented');
  isAdminError(t, await call('PUT', '/admin/bucket', { bucket: 'b', uid: 'ro' }), 501, 'NotImplemented', '', 'bucket link');
  isAdminError(t, await call('POST', '/admin/bucket', { bucket: 'b', uid: 'ro' }), 501, 'NotImplemented', '', 'bucket unlink');
});
