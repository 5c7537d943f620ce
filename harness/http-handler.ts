// The request-handler shape smithy clients use (HttpHandler.handle), kept structural so the Admin Ops client
// and the SDK clients share one recording wrapper (run/exchange-recorder.ts) without importing smithy internals.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';

export type QueryBag = Record<string, string | string[] | null>;

export interface RawRequest {
  method: string;
  protocol: string; // 'http:' | 'https:'
  hostname: string;
  port?: number;
  path: string;
  query?: QueryBag;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown; // a Readable for node handlers
}

export interface RequestHandlerLike {
  handle(request: RawRequest, options?: unknown): Promise<{ response: RawResponse }>;
  destroy?(): void;
}

/** Encode a query string the way SigV4 canonicalises it (RFC 3986 unreserved characters only). */
export function encodeQuery(query: QueryBag | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === null) parts.push(rfc3986(k));
    else for (const one of Array.isArray(v) ? v : [v]) parts.push(`${rfc3986(k)}=${rfc3986(one)}`);
  }
  return parts.join('&');
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A minimal node:http(s) handler with keep-alive, for clients that are not SDK clients. */
export function nodeRequestHandler(opts: { timeoutMs?: number } = {}): RequestHandlerLike {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    handle(request) {
      const secure = request.protocol === 'https:';
      const qs = encodeQuery(request.query);
      return new Promise((resolve, reject) => {
        const req = (secure ? https : http).request(
          {
            method: request.method,
            hostname: request.hostname,
            port: request.port,
            path: qs ? `${request.path}?${qs}` : request.path,
            headers: request.headers,
            agent: secure ? agents.https : agents.http,
            timeout: opts.timeoutMs ?? 30_000,
          },
          (res) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
            resolve({ response: { statusCode: res.statusCode ?? 0, headers, body: res as Readable } });
          },
        );
        req.on('timeout', () => req.destroy(new Error(`request timed out after ${opts.timeoutMs ?? 30_000} ms`)));
        req.on('error', reject);
        const body = request.body;
        if (body === undefined || body === null) req.end();
        else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
        else reject(new Error('nodeRequestHandler sends string or byte bodies only'));
      });
    },
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export async function readAll(body: unknown, limit = 16 * 1024 * 1024): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    n += b.length;
    if (n > limit) throw new Error(`response body larger than ${limit} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
