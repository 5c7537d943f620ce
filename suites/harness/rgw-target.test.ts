// Where the rgw target finds its endpoint and admin keys: flags, a creds file, an AWS profile, the environment,
// in that order. A small local server stands in for RGW (any HTTP answer means reachable).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import t from 'tap';
import { rgwTarget } from '../../harness/targets/rgw.js';

async function fakeRgw() {
  const srv = http.createServer((req, res) => {
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end('{"Code":"AccessDenied"}');
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

t.test('sources in order: flags, creds file, profile, environment', async (t) => {
  const rgw = await fakeRgw();
  t.teardown(rgw.close);
  const dir = t.testdir({
    'creds.json': JSON.stringify({ endpoint: rgw.url, region: 'zg1', admin: { accessKeyId: 'FILEAK', secretAccessKey: 'FILESK' } }),
    config: `[profile ops]\nendpoint_url = ${rgw.url}\nregion = zg2\n`,
    credentials: '[ops]\naws_access_key_id = PROFAK\naws_secret_access_key = PROFSK\n',
  });
  const env = { RGW_ENDPOINT: rgw.url, RGW_ADMIN_ACCESS_KEY: 'ENVAK', RGW_ADMIN_SECRET_KEY: 'ENVSK', AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };

  let target = await rgwTarget({ env });
  t.same([target.endpoint, target.region, target.admin.accessKeyId], [rgw.url, 'default', 'ENVAK'], 'environment');
  target = await rgwTarget({ env, profile: 'ops' });
  t.same([target.region, target.admin.accessKeyId], ['zg2', 'PROFAK'], 'profile over environment');
  target = await rgwTarget({ env, profile: 'ops', credsFile: join(dir, 'creds.json') });
  t.same([target.region, target.admin.accessKeyId], ['zg1', 'FILEAK'], 'creds file over profile');
  target = await rgwTarget({ env, credsFile: join(dir, 'creds.json'), accessKey: 'FLAGAK', secretKey: 'FLAGSK', region: 'r' });
  t.same([target.region, target.admin.accessKeyId], ['r', 'FLAGAK'], 'flags first');
  t.same([...target.capabilities].sort(), ['accounts', 'iam', 'quota', 'sts', 'tenants']);
  target = await rgwTarget({ env, capabilities: '+webidentity,-quota' });
  t.same([...target.capabilities].sort(), ['accounts', 'iam', 'sts', 'tenants', 'webidentity']);
});

t.test('what is missing is said, with the ways to give it', async (t) => {
  await t.rejects(rgwTarget({ env: {} }), /needs an endpoint and admin credentials: give --endpoint URL/);
  await t.rejects(rgwTarget({ env: {}, endpoint: 'http://127.0.0.1:9' }), /needs admin credentials/);
  await t.rejects(rgwTarget({ env: {}, endpoint: 'http://127.0.0.1:9', accessKey: 'a', secretKey: 'b' }), /cannot reach RGW at http:\/\/127\.0\.0\.1:9/);
  await t.rejects(rgwTarget({ env: { RGW_ENDPOINT: 'http://x', RGW_ADMIN_ACCESS_KEY: 'a', RGW_ADMIN_SECRET_KEY: 'b' }, capabilities: '+clocks' }), /unknown capability "clocks"/);
});
