// Golden documents: the same Admin Ops calls made on RGW 20.2.4 (recorded in golden/rgw-20.2.4.json, values
// normalised) replayed on the reference gateway; status, Content-Type and body must match byte for byte
// after the same normalisation (ids, keys, dates, request ids).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { fixture } from '../fixtures/gateway.js';
import { adminRaw } from './raw.js';

interface Golden {
  status: number;
  contentType: string | null;
  body: string;
}
const GOLDEN = (JSON.parse(readFileSync(new URL('./golden/rgw-20.2.4.json', import.meta.url), 'utf8')) as { documents: Record<string, Golden> }).documents;

const RUN = 'gold';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.\d+\.\d+)?/g;
const normalise = (body: string): string =>
  body
    .replaceAll(RUN, 'RUN')
    .replaceAll(RUN.toUpperCase(), 'RUN')
    .replace(/tx[0-9a-f]{21}-[0-9a-f]{10}-[0-9a-z]+-default/g, 'REQUEST-ID')
    .replace(/"HostId":"[^"]*"/g, '"HostId":"HOST-ID"')
    .replace(/<HostId>[^<]*<\/HostId>/g, '<HostId>HOST-ID</HostId>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/g, '2026-01-01T00:00:00.000000Z')
    .replace(/RGW\d{17}/g, 'RGW00000000000000000')
    .replace(/("access_key":")[A-Z0-9]{20}"/g, '$1ACCESSKEY"')
    .replace(/("secret_key":")[A-Za-z0-9]{40}"/g, '$1SECRET"')
    .replace(/"ver":"[^"]*"/g, '"ver":"VER"')
    .replace(UUID, '00000000-0000-0000-0000-000000000000');

const f = await fixture(t);
const call = (method: string, path: string, query: Record<string, string>) => adminRaw(f.gw.url, method, path, query, { creds: f.gw.admin });

t.test('the reference answers as RGW 20.2.4 did', async (t) => {
  async function check(name: string, method: string, path: string, query: Record<string, string>, fix: (body: string) => string = (b) => b): Promise<string> {
    const r = await call(method, path, query);
    const want = GOLDEN[name]!;
    t.equal(r.status, want.status, `${name}: status`);
    t.equal(r.contentType, want.contentType, `${name}: Content-Type`);
    t.equal(fix(normalise(r.body)), normalise(want.body), `${name}: body`);
    return r.body;
  }

  const acct = (JSON.parse(await check('CreateAccount', 'POST', '/admin/account', { name: `${RUN}-acct` })) as { id: string }).id;
  await check('CreateUser', 'PUT', '/admin/user', { uid: `${RUN}-u`, 'display-name': 'Gold', email: `${RUN}@example.com`, 'access-key': `${RUN.toUpperCase()}KEY`, 'secret-key': 'gold-secret' });
  await check('CreateRootUser', 'PUT', '/admin/user', { uid: `${RUN}-root`, 'display-name': `${RUN}-root`, 'account-id': acct, 'account-root': 'true', 'access-key': `${RUN.toUpperCase()}ROOT`, 'secret-key': 'root-secret' });
  await check('CreateKey', 'PUT', '/admin/user', { key: '', uid: `${RUN}-u`, 'access-key': `${RUN.toUpperCase()}KEY2`, 'secret-key': 'second' });
  await check('AddUserCapability', 'PUT', '/admin/user', { caps: '', uid: `${RUN}-u`, 'user-caps': 'usage=read;buckets=*' });
  await check('GetUserQuota', 'GET', '/admin/user', { quota: '', uid: `${RUN}-u` });
  await check('GetUserQuotaUser', 'GET', '/admin/user', { quota: '', uid: `${RUN}-u`, 'quota-type': 'user' });
  await check('SetUserQuota', 'PUT', '/admin/user', { quota: '', uid: `${RUN}-u`, 'quota-type': 'user', 'max-objects': '5', enabled: 'true' });
  await check('SetAccountQuota', 'PUT', '/admin/account', { quota: '', id: acct, 'quota-type': 'account', 'max-size': '1000', enabled: 'true' });
  const s3 = f.s3({ accessKeyId: `${RUN.toUpperCase()}KEY`, secretAccessKey: 'gold-secret' });
  await s3.send(new CreateBucketCommand({ Bucket: `${RUN}-bkt` }));
  await s3.send(new PutObjectCommand({ Bucket: `${RUN}-bkt`, Key: 'k', Body: 'hello' }));
  await check('GetUserInfoStats', 'GET', '/admin/user', { uid: `${RUN}-u`, stats: 'true', sync: 'true' });
  await check('GetBucketInfo', 'GET', '/admin/bucket', { bucket: `${RUN}-bkt` });
  await check('ListUserBuckets', 'GET', '/admin/bucket', { uid: `${RUN}-u` });
  await check('GetUserInfoXml', 'GET', '/admin/user', { uid: `${RUN}-u`, format: 'xml' });
  await check('NoSuchUser', 'GET', '/admin/user', { uid: `${RUN}-nobody` });
  await check('NoSuchUserXml', 'GET', '/admin/user', { uid: `${RUN}-nobody`, format: 'xml' });
  await check('AccountNotEmpty', 'DELETE', '/admin/account', { id: acct });
  await check('ListUsersPage', 'GET', '/admin/user', { list: '', 'max-entries': '1' }, (b) => b.replace(/"keys":\["[^"]*"\]/, '"keys":["UID"]').replace(/"marker":"[^"]*"/, '"marker":"MARKER"'));
  await check('GetInfo', 'GET', '/admin/info', {});
  await check('GetUsage', 'GET', '/admin/usage', {});
});
