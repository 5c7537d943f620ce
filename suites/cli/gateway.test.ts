// The gateway command's contract (other tools depend on it exactly): one "listening on http://HOST:PORT" line
// once requests are accepted, generated admin keys printed (given ones not), clean exit on SIGTERM and SIGINT.
import t from 'tap';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AdminClient } from '../../harness/admin-client.js';
import { startCliGateway } from './spawn.js';

const s3 = (url: string, c: { accessKeyId: string; secretAccessKey: string }): S3Client =>
  new S3Client({ endpoint: url, region: 'default', forcePathStyle: true, credentials: c, maxAttempts: 1 });

t.test('generated admin keys: printed, and they work', async (t) => {
  const gw = await startCliGateway(['--port', '0']);
  t.teardown(() => gw.stop());
  t.match(gw.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const ak = gw.lines.map((l) => /^admin access key: (\S+)$/.exec(l)?.[1]).find(Boolean);
  const sk = gw.lines.map((l) => /^admin secret key: (\S+)$/.exec(l)?.[1]).find(Boolean);
  t.ok(ak && sk, 'both keys printed before the listening line');
  t.equal(gw.lines.filter((l) => l.startsWith('listening on ')).length, 1, 'one listening line');
  const admin = new AdminClient({ endpoint: gw.url, credentials: { accessKeyId: ak!, secretAccessKey: sk! } });
  const info = await admin.send('GetUserInfo', { uid: 'admin' });
  t.match(info.output, { user_id: 'admin', caps: [{ type: 'accounts', perm: '*' }] });
  admin.destroy();
  t.same(await gw.stop('SIGTERM'), { code: 0, signal: null }, 'SIGTERM: clean exit 0');
});

t.test('given admin keys and host: not printed, used as given; SIGINT stops cleanly', async (t) => {
  const keys = { accessKeyId: 'CLITESTADMINKEY00001', secretAccessKey: 'cli-test-admin-secret-000000000000000001' };
  const gw = await startCliGateway(['--port', '0', '--host', '127.0.0.1', '--admin-access-key', keys.accessKeyId, '--admin-secret-key', keys.secretAccessKey]);
  t.teardown(() => gw.stop());
  t.same(gw.lines.filter((l) => l.startsWith('admin ')), [], 'nothing printed about keys');
  t.notMatch(gw.lines.join('\n'), keys.secretAccessKey, 'the secret never reaches stdout');
  const out = await s3(gw.url, keys).send(new ListBucketsCommand({}));
  t.equal(out.$metadata.httpStatusCode, 200);
  t.same(await gw.stop('SIGINT'), { code: 0, signal: null }, 'SIGINT: clean exit 0');
});

t.test('--port 0 gives each gateway its own free port', async (t) => {
  const [a, b] = await Promise.all([startCliGateway(['--port', '0']), startCliGateway(['--port', '0'])]);
  t.teardown(async () => void (await Promise.all([a!.stop(), b!.stop()])));
  t.not(new URL(a!.url).port, new URL(b!.url).port);
});
