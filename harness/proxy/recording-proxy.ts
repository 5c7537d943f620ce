// The recording proxy: an `http-proxy` reverse proxy in front of one target that writes every exchange to
// HTTP-like text files (format.ts), redacted (redact-recording.ts) and normalised (normalise.ts).
//
// Attribution: each request may carry TRACE_HEADER, which the harness's request handler adds AFTER signing
// (so it is never a signed header) and which this proxy removes before forwarding: the target never sees it.
// `attribute(trace)` turns it into a file and a title; requests without it go to the label set by setStep().
//
// Bodies stream through: the request body is piped through a tap (http-proxy's `buffer` option) and the
// response is observed while http-proxy pipes it, so back-pressure holds end to end and at most
// bodyLimit + REDACTION_SLACK bytes per body are ever kept, however large the upload or download.
import { mkdir, open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import httpProxy from 'http-proxy';
import { Secrets } from '../redact.js';
import { TRACE_HEADER } from '../run/exchange-recorder.js';
import { BodyCapture, tapStream } from './body-tap.js';
import { formatExchange, REDACTION_SLACK, type RawExchange } from './format.js';
import { Normaliser } from './normalise.js';
import { RecordingRedactor, type SecretRegistry } from './redact-recording.js';

export const DEFAULT_BODY_LIMIT = 4096;

export interface RecordingProxyOptions {
  /** Where requests go, e.g. http://127.0.0.1:8000. */
  target: string | URL;
  /** Directory the recordings are written under (created when needed). */
  dir: string;
  /** Bytes of each request and response body written to the recording (default 4096). */
  bodyLimit?: number;
  /** The run's secret registry; a fresh one when not given. Registered values are redacted everywhere. */
  secrets?: SecretRegistry;
  /** Rewrites run-unique names into logical ones before writing (the runner's NameBook.logical). */
  rewrite?: (s: string) => string;
  /** File (relative to dir, ending in .http) and section title for an exchange; default: by step label. */
  attribute?: (trace: string | undefined, step: string | undefined) => { file: string; title: string };
  /** Interface to listen on (default 127.0.0.1); the port is always chosen by the system. */
  host?: string;
}

export interface RecordingProxy {
  /** Give this URL to the clients instead of the target's. */
  readonly url: string;
  /** Attribute requests that carry no trace header to this label (a file `<label>.http`). */
  setStep(label: string | undefined): void;
  /** Mark a secret once: it is redacted from every recording of this proxy, including files already written. */
  registerSecret(value: string): void;
  /** Files written so far, relative to dir, in the order first written. */
  files(): string[];
  /** Stop accepting requests, finish writing, and re-redact what was written with every secret now known. */
  close(): Promise<void>;
}

interface Draft extends RawExchange {
  file: string;
  done: () => void;
}

export async function startRecordingProxy(opts: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = new URL(String(opts.target));
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isInteger(bodyLimit) || bodyLimit < 0) throw new Error(`bodyLimit must be a whole number of bytes, not ${bodyLimit}`);
  const redactor = new RecordingRedactor(opts.secrets ?? new Secrets());
  const attribute = opts.attribute ?? defaultAttribution;
  const agent = target.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const proxy = httpProxy.createProxyServer({ target: target.origin, agent, xfwd: false, changeOrigin: false });
  const drafts = new WeakMap<http.IncomingMessage, Draft>();
  const inflight = new Set<Promise<void>>();
  const written: string[] = [];
  let step: string | undefined;
  let writes = Promise.resolve();
  let normaliser: Normaliser | undefined;

  proxy.on('proxyRes', (proxyRes, req) => {
    const d = drafts.get(req);
    if (!d) return;
    const body = new BodyCapture(bodyLimit + REDACTION_SLACK);
    d.response = { httpVersion: proxyRes.httpVersion, status: proxyRes.statusCode ?? 0, statusMessage: proxyRes.statusMessage ?? '', headers: proxyRes.headers, body };
    // Observed beside http-proxy's own pipe to the client; pausing for back-pressure pauses both.
    proxyRes.on('data', (chunk: Buffer) => body.observe(chunk));
    proxyRes.on('end', () => (body.ended = true));
  });

  const server = http.createServer((req, res) => {
    const header = req.headers[TRACE_HEADER];
    const trace = Array.isArray(header) ? header[0] : header;
    delete req.headers[TRACE_HEADER]; // http-proxy copies req.headers: the target never sees it
    const where = attribute(trace, step);
    const requestBody = new BodyCapture(bodyLimit + REDACTION_SLACK);
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    inflight.add(finished);
    void finished.then(() => inflight.delete(finished));
    const d: Draft = { title: where.title, file: where.file, method: req.method ?? 'GET', url: req.url ?? '/', requestHeaders: { ...req.headers }, requestBody, done };
    drafts.set(req, d);
    res.once('close', () => finish(d));
    const tap = tapStream(requestBody);
    req.on('error', (e) => tap.destroy(e));
    req.pipe(tap);
    proxy.web(req, res, { buffer: tap }, (err) => {
      d.error = (err as Error).message;
      // Mid-response the client must see the failure as a broken connection, not as a shorter body.
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`recording proxy: ${d.error}\n`);
    });
  });

  function finish(d: Draft): void {
    let text: string;
    try {
      text = formatExchange(d, { bodyLimit, redactor, normaliser: normaliser! });
    } catch (err) {
      text = `### ${d.method} (not recorded: ${(err as Error).message})\n\n`;
    }
    writes = writes.then(() => append(d.file, text)).catch((err: Error) => {
      process.emitWarning(`recording proxy: cannot write ${d.file}: ${err.message}`);
    });
    void writes.then(d.done);
  }

  // One open file per recording file: an exchange costs one write, not an open and a close.
  const handles = new Map<string, FileHandle>();
  async function append(file: string, text: string): Promise<void> {
    let h = handles.get(file);
    if (!h) {
      const path = join(opts.dir, file);
      await mkdir(dirname(path), { recursive: true });
      h = await open(path, 'w'); // the first exchange of this proxy replaces an older recording
      handles.set(file, h);
      written.push(file);
    }
    await h.write(text);
  }

  server.listen(0, opts.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  normaliser = new Normaliser({ rewrite: opts.rewrite, aliases: [[`${host}:${port}`, '<proxy>'], [target.host, '<target>']] });

  return {
    url,
    setStep(label) {
      step = label;
    },
    registerSecret(value) {
      redactor.registerSecret(value);
    },
    files: () => [...written],
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(inflight);
      await writes;
      await Promise.all([...handles.values()].map((h) => h.close()));
      handles.clear();
      proxy.close();
      agent.destroy();
      // Secrets registered after a file was written (a key captured late) are redacted from it too.
      for (const file of written) {
        const path = join(opts.dir, file);
        const before = await readFile(path, 'utf8');
        const after = normaliser!.text(redactor.text(before));
        if (after !== before) await writeFile(path, after);
      }
    },
  };
}

/** Without an attribute function: one file per step label (`setStep`) or trace value. */
function defaultAttribution(trace: string | undefined, step: string | undefined): { file: string; title: string } {
  const label = trace ?? step ?? 'unattributed';
  return { file: `${fileSafe(label)}.http`, title: label };
}

/** A file or directory name from free text: letters, digits, '.', '-' and '_' only, never '.' or '..'. */
export function fileSafe(s: string): string {
  const out = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  return out === '' || /^\.+$/.test(out) ? '_' : out;
}
