// Exchange excerpts: bodies stream through untouched while at most EXCERPT_BYTES are kept; secrets and real
// names are cleaned when the attempt ends.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { nodeRequestHandler, readAll } from '../../harness/http-handler.js';
import { EXCERPT_BYTES, ExchangeRecorder, TRACE_HEADER } from '../../harness/run/exchange-recorder.js';
import { NameBook } from '../../harness/run/names.js';
import { Secrets } from '../../harness/redact.js';

const BIG = 'x'.repeat(100_000);

async function server() {
  const headers: http.IncomingHttpHeaders[] = [];
  const srv = http.createServer((req, res) => {
    headers.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-amz-request-id': 'tx1' });
      res.end(req.url?.includes('big') ? BIG : '<SecretAccessKey>s3cr3t-value-123</SecretAccessKey> in backups-run00001');
    });
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  return { port: (srv.address() as AddressInfo).port, headers, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

t.test('large bodies stream through; the excerpt is bounded', async (t) => {
  const s = await server();
  t.teardown(s.close);
  const rec = new ExchangeRecorder();
  const handler = rec.wrap(nodeRequestHandler());
  t.teardown(() => handler.destroy?.());
  rec.begin();
  const { response } = await handler.handle({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: s.port, path: '/big', headers: { host: 'h' } });
  const body = await readAll(response.body);
  t.equal(body.length, BIG.length, 'the caller gets the whole body');
  const { exchanges } = rec.end(new Secrets(), new NameBook('run00001'));
  t.equal(exchanges.length, 1);
  const ex = exchanges[0]!;
  t.equal(ex.response?.status, 200);
  t.equal(ex.response?.body?.text.length, EXCERPT_BYTES);
  t.same({ bytes: ex.response?.body?.bytes, truncated: ex.response?.body?.truncated }, { bytes: BIG.length, truncated: true });
  t.notOk(s.headers[0]![TRACE_HEADER], 'no trace header unless a transport asks for it');
});

t.test('excerpts are redacted and logical; the trace header is sent when enabled', async (t) => {
  const s = await server();
  t.teardown(s.close);
  const rec = new ExchangeRecorder();
  rec.traceEnabled = true;
  rec.trace = 'run00001/2/1';
  const handler = rec.wrap(nodeRequestHandler());
  t.teardown(() => handler.destroy?.());
  const names = new NameBook('run00001');
  names.name('buckets', 'backups');
  const secrets = new Secrets();
  secrets.add('s3cr3t-value-123');
  rec.begin();
  const { response } = await handler.handle({
    method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', port: s.port, path: '/backups-run00001/k',
    query: { 'secret-key': 'abc' }, headers: { host: 'h', authorization: 'AWS4-HMAC-SHA256 Credential=AK/x, SignedHeaders=host, Signature=00112233445566778899' },
    body: 'payload with s3cr3t-value-123',
  });
  await readAll(response.body);
  const { exchanges, lastBody } = rec.end(secrets, names);
  const ex = exchanges[0]!;
  t.equal(ex.request.path, '/backups/k', 'real names shown logical');
  t.same(ex.request.query, { 'secret-key': '[REDACTED]' });
  t.match(ex.request.headers.authorization, /Signature=\[REDACTED\]$/);
  t.equal(ex.request.body?.text, 'payload with [REDACTED]');
  t.equal(ex.response?.body?.text, '<SecretAccessKey>[REDACTED]</SecretAccessKey> in backups');
  t.match(lastBody, /s3cr3t/, 'the raw last body stays available to read error codes (never stored)');
  t.equal(s.headers[0]![TRACE_HEADER], 'run00001/2/1');
});
