// Keeps an excerpt of every HTTP exchange a step makes, by wrapping the clients' request handler: request line,
// headers, the first bytes of each body. Bodies stream through (a tap copies at most EXCERPT_BYTES), so large
// objects are never held in memory. Excerpts are redacted and made logical when the attempt ends.
import { Readable, Transform } from 'node:stream';
import type { RawRequest, RequestHandlerLike } from '../http-handler.js';
import type { BodyExcerpt, HttpExchange } from '../result.js';
import type { Secrets } from '../redact.js';
import type { NameBook } from './names.js';

export const EXCERPT_BYTES = 8 * 1024;

/** Header carrying scenario/step/attempt to a recording proxy (added after signing; RGW ignores it). */
export const TRACE_HEADER = 'x-rgw-conformance-trace';

interface Capture {
  chunks: Buffer[];
  kept: number;
  total: number;
  done: boolean;
}

interface Draft {
  request: RawRequest;
  requestBody?: BodyExcerpt;
  started: number;
  ended?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: Capture;
  error?: string;
}

export class ExchangeRecorder {
  private drafts: Draft[] | undefined;
  /** Set by the step runner: identifies the current attempt to a recording proxy. */
  trace: string | undefined;
  /** Send the trace header (only when a transport such as the recording proxy is in between). */
  traceEnabled = false;

  /** Start collecting exchanges (one attempt). */
  begin(): void {
    this.drafts = [];
  }

  /** Stop collecting; returns the redacted, logical excerpts and the raw text of the last response body. */
  end(secrets: Secrets, names: NameBook): { exchanges: HttpExchange[]; lastBody?: string } {
    const drafts = this.drafts ?? [];
    this.drafts = undefined;
    const clean = (s: string): string => names.logical(secrets.text(s));
    const exchanges = drafts.map((d): HttpExchange => {
      const ex: HttpExchange = {
        request: {
          method: d.request.method,
          path: clean(d.request.path),
          query: names.logicalValue(secrets.query(d.request.query)) as Record<string, string | string[]>,
          headers: names.logicalValue(secrets.headers(d.request.headers)) as Record<string, string>,
        },
        durationMs: Math.round((d.ended ?? Date.now()) - d.started),
      };
      if (d.requestBody) ex.request.body = { ...d.requestBody, text: clean(d.requestBody.text) };
      if (d.status !== undefined) {
        ex.response = { status: d.status, headers: names.logicalValue(secrets.headers(d.headers ?? {})) as Record<string, string> };
        if (d.body) ex.response.body = excerptOf(d.body, clean);
      }
      if (d.error) ex.error = clean(d.error);
      return ex;
    });
    const last = drafts.at(-1)?.body;
    return { exchanges, lastBody: last ? Buffer.concat(last.chunks).toString('utf8') : undefined };
  }

  wrap<H extends RequestHandlerLike>(inner: H): H {
    const wrapper = Object.create(inner) as H;
    wrapper.handle = async (request, options) => {
      if (this.traceEnabled && this.trace) request.headers[TRACE_HEADER] = this.trace;
      const draft: Draft = { request: snapshot(request), requestBody: requestExcerpt(request.body), started: Date.now() };
      this.drafts?.push(draft);
      try {
        const out = await inner.handle(request, options);
        draft.status = out.response.statusCode;
        draft.headers = { ...out.response.headers };
        const body = out.response.body;
        if (body instanceof Readable) {
          const capture: Capture = { chunks: [], kept: 0, total: 0, done: false };
          draft.body = capture;
          out.response.body = tap(body, capture, () => (draft.ended = Date.now()));
        } else {
          draft.ended = Date.now();
          if (body !== undefined) draft.body = { chunks: [Buffer.from(body as Uint8Array)], kept: 0, total: 0, done: true };
        }
        return out;
      } catch (err) {
        draft.ended = Date.now();
        draft.error = (err as Error).message;
        throw err;
      }
    };
    return wrapper;
  }
}

function snapshot(r: RawRequest): RawRequest {
  return { ...r, headers: { ...r.headers }, query: r.query ? { ...r.query } : undefined, body: undefined };
}

function requestExcerpt(body: unknown): BodyExcerpt | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const buf = Buffer.from(body);
    return { ...textOf(buf.subarray(0, EXCERPT_BYTES)), bytes: buf.length, truncated: buf.length > EXCERPT_BYTES };
  }
  return { text: '<stream>', truncated: true };
}

function tap(body: Readable, capture: Capture, onEnd: () => void): Readable {
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      capture.total += chunk.length;
      if (capture.kept < EXCERPT_BYTES) {
        const part = chunk.subarray(0, EXCERPT_BYTES - capture.kept);
        capture.chunks.push(Buffer.from(part));
        capture.kept += part.length;
      }
      cb(null, chunk);
    },
    flush(cb) {
      capture.done = true;
      onEnd();
      cb();
    },
  });
  body.on('error', (e) => t.destroy(e));
  return body.pipe(t);
}

function excerptOf(c: Capture, clean: (s: string) => string): BodyExcerpt {
  const buf = Buffer.concat(c.chunks);
  const total = c.total || buf.length;
  const { text } = textOf(buf);
  return { text: clean(text), bytes: c.done ? total : undefined, truncated: !c.done || total > buf.length };
}

function textOf(buf: Buffer): { text: string } {
  const text = buf.toString('utf8');
  // Binary bodies (invalid UTF-8 or control bytes) are described, not dumped.
  if (text.includes('\uFFFD') || /[\x00-\x08\x0E-\x1F]/.test(text)) return { text: `<${buf.length} bytes binary>` };
  return { text };
}
