// One request as it moves through the layers: detected API, decoded path and query, the principal the
// auth layer resolved, and a body reader that verifies the payload as SigV4 requires.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Principal } from '../auth/principal.js';
import type { GatewayEnv } from '../env.js';

export type Api = 's3' | 'iam' | 'sts' | 'admin' | 'reference';

export interface RequestContext {
  env: GatewayEnv;
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  startedAt: number;
  method: string;
  /** Path as sent (percent-encoded), without the query. */
  rawPath: string;
  /** Raw query string without '?'. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  api: Api;
  /** IAM/STS parameters (form body merged over the query), when api is iam or sts. */
  params?: URLSearchParams;
  /** The whole body, for APIs whose bodies are small (IAM, STS, Admin Ops, reference). */
  buffered?: Buffer;
  /** Virtual-host-style bucket taken from the Host header, if any. */
  hostBucket?: string;
  principal: Principal;
  /** Temporary-credential session token presented with the request, if any. */
  sessionToken?: string;
  /** The request body as the client meant it: aws-chunked decoded, payload hash verified at the end. */
  body(): Readable;
  /** aws-chunked trailers (x-amz-checksum-*), lowercase names; filled in as body() is read to its end. */
  trailers?: Record<string, string>;
  /** Operation name for the ops log, set by the protocol once it knows it. */
  operation?: string;
  /** The error code sent, for the ops log. */
  errorCode?: string;
  /** Bucket / object for the ops log and error bodies. */
  bucket?: string;
  object?: string;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
