// Shared by the S3 suites: a gateway on port 0 torn down with the test file, real SDK clients for it, one
// assertion for an error's status and code, raw SigV4-signed requests for what the SDK hides (exact bodies,
// headers, malformed input), and a middleware that captures a response's headers.
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { Test } from 'tap';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { startGateway, type Gateway, type GatewayOptions } from '../../reference/gateway.js';
import type { TestCreds } from '../fixtures/users.js';

export interface S3Fixture {
  gw: Gateway;
  s3(c: TestCreds, extra?: Partial<S3ClientConfig>): S3Client;
}

export async function s3Fixture(t: Test, options: GatewayOptions = {}): Promise<S3Fixture> {
  const gw = await startGateway({ port: 0, ...options });
  const clients: S3Client[] = [];
  t.teardown(async () => {
    for (const c of clients) c.destroy();
    await gw.close();
  });
  return {
    gw,
    s3(c, extra = {}) {
      const client = new S3Client({
        endpoint: gw.url,
        region: 'default',
        forcePathStyle: true,
        maxAttempts: 1,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(c ? { credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey } } : {}),
        ...extra,
      });
      clients.push(client);
      return client;
    },
  };
}

/** Assert that a promise rejects with this HTTP status and error code (the SDK's `name`). */
export async function rejects(t: Test, p: Promise<unknown>, status: number, code: string, message?: string): Promise<void> {
  try {
    await p;
    t.fail(`expected ${status} ${code}, got success`);
  } catch (err) {
    const e = err as { $metadata?: { httpStatusCode?: number }; name?: string; message?: string };
    t.equal(e.$metadata?.httpStatusCode, status, `status ${status}`);
    t.equal(e.name, code, `code ${code}`);
    if (message !== undefined) t.equal(e.message, message, 'message');
  }
}

export interface RawRequest {
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Host header to send instead of the gateway's (virtual-host style). */
  host?: string;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A SigV4-signed request (anonymous when creds is undefined); the path is sent as given (already encoded). */
export async function raw(gw: Gateway, creds: TestCreds | undefined, r: RawRequest): Promise<RawResponse> {
  const url = new URL(gw.url);
  const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body);
  const host = r.host ? `${r.host}:${url.port}` : url.host;
  let request = new HttpRequest({
    method: r.method ?? 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: r.path,
    query: r.query ?? {},
    headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(body?.length ?? 0), ...(r.headers ?? {}) },
    ...(body ? { body } : {}),
  });
  if (creds) {
    const signer = new SignatureV4({ credentials: creds, region: 'default', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false });
    request = (await signer.sign(request)) as HttpRequest;
  }
  const qs = Object.entries(request.query)
    .map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`))
    .join('&');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: request.method, path: r.path + (qs ? '?' + qs : ''), headers: request.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Headers of the last response the client received (for headers the SDK does not surface). */
export function captureHeaders(client: S3Client): () => Record<string, string> {
  let last: Record<string, string> = {};
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      last = ((out.response as { headers?: Record<string, string> }).headers ?? {}) as Record<string, string>;
      return out;
    },
    { step: 'deserialize', name: 'captureHeaders' },
  );
  return () => last;
}

/** An error body with its request ids blanked, for comparing shapes. */
export const errorShape = (xml: string): string => xml.replace(/<RequestId>[^<]*<\/RequestId>/, '<RequestId/>').replace(/<HostId>[^<]*<\/HostId>/, '<HostId/>');
