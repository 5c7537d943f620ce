// startRecordingProxy on its own, real SDK clients through it to a reference gateway: attribution by trace
// header (which the target never sees) and by setStep; secrets in headers, presigned query strings, bodies
// cut at the limit, and secrets registered late; a target that does not answer.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, CreateBucketCommand } from '@aws-sdk/client-s3';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import t from 'tap';
import { startRecordingProxy } from '../../harness/proxy/index.js';
import { TRACE_HEADER } from '../../harness/run/exchange-recorder.js';
import { fixture } from '../fixtures/gateway.js';

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await readdir(dir)) out[f] = await readFile(join(dir, f), 'utf8');
  return out;
}

t.test('secrets never reach the files', async (t) => {
  const f = await fixture(t);
  const dir = t.testdir();
  const proxy = await startRecordingProxy({ target: f.gw.url, dir, bodyLimit: 256 });
  const via = { endpoint: proxy.url, region: f.gw.region, forcePathStyle: true, maxAttempts: 1 };
  const user = (await f.account('proxy-secrets')).root; // RGW grants GetSessionToken to account roots
  const { S3Client } = await import('@aws-sdk/client-s3');
  const { STSClient } = await import('@aws-sdk/client-sts');

  proxy.setStep('session');
  const sts = new STSClient({ ...via, credentials: user });
  const session = (await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
  sts.destroy();
  const creds = { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken! };

  proxy.setStep('objects');
  const s3 = new S3Client({ ...via, credentials: user });
  const s3s = new S3Client({ ...via, credentials: creds });
  t.teardown(() => (s3.destroy(), s3s.destroy()));
  await s3.send(new CreateBucketCommand({ Bucket: 'proxy-secrets' }));
  const registered = 'registered-secret-0123456789-abcdefghij';
  proxy.registerSecret(registered);
  // Bodies whose secrets straddle the 256-byte limit: a registered value, and a secret XML element.
  const straddling = `${'y'.repeat(240)}${registered} tail`;
  const element = `${'x'.repeat(230)}<SecretAccessKey>ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd</SecretAccessKey>`;
  await s3s.send(new PutObjectCommand({ Bucket: 'proxy-secrets', Key: 'straddling', Body: straddling }));
  await s3s.send(new PutObjectCommand({ Bucket: 'proxy-secrets', Key: 'element', Body: element }));
  t.equal(await (await s3s.send(new GetObjectCommand({ Bucket: 'proxy-secrets', Key: 'straddling' }))).Body!.transformToString(), straddling);

  proxy.setStep('presigned');
  const url = await getSignedUrl(s3s, new GetObjectCommand({ Bucket: 'proxy-secrets', Key: 'element' }), { expiresIn: 300 });
  const res = await fetch(url);
  t.equal(await res.text(), element, 'a presigned GET through the proxy works');

  // Registered after the exchange was written: close() redacts it from the file too.
  proxy.setStep('late');
  await s3.send(new PutObjectCommand({ Bucket: 'proxy-secrets', Key: 'late', Body: 'late-registered-secret-value-42' }));
  proxy.registerSecret('late-registered-secret-value-42');
  await proxy.close();

  const rec = await files(dir);
  t.same(Object.keys(rec).sort(), ['late.http', 'objects.http', 'presigned.http', 'session.http']);
  const all = Object.values(rec).join('\n');
  const secrets = [f.gw.admin.secretAccessKey, user.secretAccessKey, creds.secretAccessKey, creds.sessionToken, registered, 'late-registered-secret-value-42', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd'];
  for (const s of secrets) t.notOk(all.includes(s), `${s.slice(0, 6)}… is in no file`);
  t.notOk(all.includes(registered.slice(0, 10)), 'not even the part of a registered secret before the cut');
  t.notMatch(all, /ABCDEFGHIJ/, 'not even the part of a secret element before the cut');
  t.notMatch(all, /[0-9a-f]{64}/, 'no signature');
  t.match(rec['session.http'], /<SecretAccessKey>\[REDACTED\]<\/SecretAccessKey>\n<SessionToken>\[REDACTED\]/);
  t.match(rec['objects.http'], /x-amz-security-token: \[REDACTED\]/);
  t.match(rec['presigned.http'], /X-Amz-Credential=\[REDACTED\]&[^\n]*X-Amz-Security-Token=\[REDACTED\]&[^\n]*X-Amz-Signature=\[REDACTED\]/);
  t.match(rec['objects.http'], /\n\ny{240}\[REDACTED\] tail\n# … 284 bytes in all; the first 256 recorded\n/, 'the excerpt says it was cut');
  t.match(rec['late.http'], /\n\n\[REDACTED\]\n/);
});

t.test('the trace header attributes a request and never reaches the target', async (t) => {
  const seen: http.IncomingHttpHeaders[] = [];
  const target = http.createServer((req, res) => {
    seen.push(req.headers);
    req.resume().on('end', () => res.end('ok'));
  });
  target.listen(0, '127.0.0.1');
  await once(target, 'listening');
  t.teardown(() => target.close());
  const dir = t.testdir();
  const proxy = await startRecordingProxy({
    target: `http://127.0.0.1:${(target.address() as AddressInfo).port}`,
    dir,
    attribute: (trace, step) => ({ file: `${trace ?? step ?? 'none'}.http`, title: `trace ${trace} step ${step}` }),
  });
  proxy.setStep('fallback');
  await fetch(`${proxy.url}/a`, { headers: { [TRACE_HEADER]: 'traced' } });
  await fetch(`${proxy.url}/b`, { method: 'PUT', body: 'body' });
  await proxy.close();
  t.equal(seen.length, 2);
  t.notOk(seen.some((h) => TRACE_HEADER in h), 'the target never sees the trace header');
  const rec = await files(dir);
  t.match(rec['traced.http'], /^### trace traced step fallback\nGET \/a\n/);
  t.match(rec['fallback.http'], /^### trace undefined step fallback\nPUT \/b\ncontent-length: 4\n[\s\S]*\n\nbody\n\nHTTP\/1.1 200 OK\n/);
  t.notMatch(rec['traced.http'], /x-rgw-conformance-trace/);
});

t.test('a target that does not answer: 502 for the client, the failure in the file', async (t) => {
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const dir = t.testdir();
  const proxy = await startRecordingProxy({ target: `http://127.0.0.1:${port}`, dir });
  proxy.setStep('down');
  const res = await fetch(`${proxy.url}/x`);
  t.equal(res.status, 502);
  t.match(await res.text(), /recording proxy: .*ECONNREFUSED/);
  await proxy.close();
  t.match((await files(dir))['down.http'], /^### down\nGET \/x\n\n# no response: connect ECONNREFUSED <target>\n/);
});
