// The HTTP front end: one node:http server for S3, IAM, STS, Admin Ops and the reference-only endpoints.
// Every request runs detect → (buffer small bodies) → authenticate → protocol; anything thrown becomes the
// protocol's error response, and nothing a client sends can take the server down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate } from '../auth/authenticate.js';
import { ANONYMOUS } from '../auth/principal.js';
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import type { Api, RequestContext } from './context.js';
import { hostBucket, routeOf } from './detect.js';
import type { FormProtocol, Protocol } from './protocol.js';
import { readBody } from './read-body.js';

export interface Protocols {
  s3: Protocol;
  iam: FormProtocol;
  sts: FormProtocol;
  admin: Protocol;
  reference: Protocol;
}

/** RGW's rgw_max_put_param_size: the most a form/JSON body may hold. */
const MAX_PARAM_BODY = 1024 * 1024;

export function createGatewayServer(env: GatewayEnv, protocols: Protocols): Server {
  const server = createServer({ maxHeaderSize: 64 * 1024, requestTimeout: 0 }, (req, res) => {
    void serve(env, protocols, req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Malformed HTTP never reaches a handler: answer 400 as RGW's beast front end does, then close.
    if (socket.writable && !socket.destroyed) {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    } else socket.destroy();
  });
  return server;
}

async function serve(env: GatewayEnv, protocols: Protocols, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = env.clock.now();
  const requestId = env.ids.next(startedAt);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = (q < 0 ? url : url.slice(0, q)) || '/';
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const ctx: RequestContext = {
    env,
    req,
    res,
    requestId,
    startedAt,
    method: req.method ?? 'GET',
    rawPath,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    api: 's3',
    principal: ANONYMOUS,
    body: () => req,
  };
  res.setHeader('x-amz-request-id', requestId);
  // The gateway's clock, not the host's: SDKs correct their skew from Date, so a moved clock keeps signing valid.
  res.setHeader('Date', new Date(startedAt).toUTCString());
  let protocol: Protocol = protocols.s3;
  try {
    ctx.hostBucket = hostBucket(req.headers, env.config.dnsNames);
    const route = routeOf(ctx.method, rawPath, ctx.query, req.headers);
    if (route === 'form') {
      ctx.buffered = await readBody(req, MAX_PARAM_BODY);
      const params = new URLSearchParams(ctx.buffered.toString('utf8'));
      for (const [k, v] of ctx.query) if (!params.has(k)) params.append(k, v);
      ctx.params = params;
      const action = params.get('Action') ?? '';
      const api: Api = env.config.stsEnabled && protocols.sts.hasAction(action) ? 'sts' : protocols.iam.hasAction(action) ? 'iam' : 's3';
      ctx.api = api;
      protocol = protocols[api];
    } else if (route === 'admin' || route === 'reference') {
      ctx.api = route;
      protocol = protocols[route];
      ctx.buffered = await readBody(req, MAX_PARAM_BODY);
    }
    await authenticate(ctx);
    await protocol.handle(ctx);
  } catch (err) {
    const gwErr = err instanceof GatewayError ? err : internalError(err);
    if (!res.headersSent) {
      try {
        protocol.renderError(ctx, gwErr);
      } catch (renderErr) {
        res.statusCode = 500;
        res.end();
        console.error('error while rendering an error', renderErr);
      }
    } else res.destroy();
    // Drain whatever body the client is still sending so the connection stays usable.
    if (!req.readableEnded) req.resume();
  } finally {
    logOp(ctx);
  }
}

function internalError(err: unknown): GatewayError {
  // A bug, not a client error: keep serving, log it, answer like RGW's unmapped errors.
  console.error('internal error:', err);
  return new GatewayError('InternalError');
}

function logOp(ctx: RequestContext): void {
  const finish = (): void => {
    const p = ctx.principal;
    const user = p.kind === 'user' || p.kind === 'user-session' ? p.user : undefined;
    ctx.env.opsLog.add({
      time: new Date(ctx.startedAt).toISOString(),
      requestId: ctx.requestId,
      api: ctx.api,
      operation: ctx.operation ?? 'unknown',
      method: ctx.method,
      uri: ctx.rawPath,
      bucket: ctx.bucket,
      object: ctx.object,
      status: ctx.res.statusCode,
      errorCode: ctx.errorCode,
      user: user ? (user.tenant ? `${user.tenant}$${user.id}` : user.id) : undefined,
      account: p.kind === 'anonymous' ? undefined : p.account?.id,
      role: p.kind === 'role' ? p.role.name : undefined,
      session: p.kind === 'role' ? p.sessionName : undefined,
      accessKey: p.kind === 'anonymous' ? undefined : p.accessKey,
      tempCredentials: p.kind === 'role' || p.kind === 'user-session',
      durationMs: ctx.env.clock.now() - ctx.startedAt,
    });
  };
  if (ctx.res.writableFinished) finish();
  else ctx.res.once('finish', finish).once('close', () => ctx.res.writableFinished || finish());
}
