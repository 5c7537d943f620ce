// The HTTP front end: one node:http server for S3, IAM, STS, Admin Ops and the reference-only endpoints.
// Every request runs detect → (buffer small bodies) → beforeAuth (operation selection: RGW answers a request no
// operation matches 405 before looking at its credentials) → authenticate → protocol; anything thrown becomes
// the protocol's error response, and nothing a client sends can take the server down. HTTP-level answers as
// RGW 20.2.4's beast front end gives them (probed, docs/rgw-behaviour/auth.md): a header block over 16 KiB and
// any request node's parser refuses are 400 with no body; no Host header is fine; an absolute-form target is
// served by its path; CONNECT is 405 MethodNotAllowed; an Expect header other than 100-continue is ignored.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { rgwUrlDecode } from './url.js';
import { renderXml } from './xml.js';
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
/** Beast refuses a header block of 16 KiB (14 KB passes): node counts the request line and headers the same way. */
const MAX_HEADER_BYTES = 16 * 1024;

export function createGatewayServer(env: GatewayEnv, protocols: Protocols): Server {
  const handler = (req: IncomingMessage, res: ServerResponse): void => void serve(env, protocols, req, res);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 0, requireHostHeader: false }, handler);
  server.keepAliveTimeout = 65_000;
  // node answers 417 to an Expect it does not know; RGW ignores it and serves the request.
  server.on('checkExpectation', handler);
  server.on('clientError', (_err: NodeJS.ErrnoException, socket: Socket) => {
    // Malformed HTTP never reaches a handler: 400 with no body, as beast answers, then close.
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    const now = env.clock.now();
    const requestId = env.ids.next(now);
    const xml = renderXml({ Error: { Code: 'MethodNotAllowed', Message: '', RequestId: requestId, HostId: env.ids.hostId } });
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nx-amz-request-id: ${requestId}\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(xml)}\r\nConnection: close\r\n\r\n${xml}`);
  });
  return server;
}

/** A form body's parameters, decoded as RGW decodes them: '+' is a space, an invalid escape makes the value empty. */
function formParams(body: Buffer): URLSearchParams {
  const params = new URLSearchParams();
  for (const part of body.toString('latin1').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = rgwUrlDecode(eq < 0 ? part : part.slice(0, eq), true).toString('utf8');
    params.append(name, eq < 0 ? '' : rgwUrlDecode(part.slice(eq + 1), true).toString('utf8'));
  }
  return params;
}

/** "http://host:port/path?q" → "/path?q" (RGW serves an absolute-form target by its path). */
function originForm(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? url.slice(m[0].length) || '/' : url;
}

async function serve(env: GatewayEnv, protocols: Protocols, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.httpVersion !== '1.1' && req.httpVersion !== '1.0') {
    // HTTP/0.9-style and 2.0 request lines: beast refuses them like any unparsable request.
    res.writeHead(400, { 'Content-Length': '0', Connection: 'close' }).end();
    return;
  }
  const startedAt = env.clock.now();
  const requestId = env.ids.next(startedAt);
  const url = originForm(req.url ?? '/');
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
      // A body over the limit carries no parameters for RGW: no Action, so S3's 405 below.
      ctx.buffered = (await readBody(req, MAX_PARAM_BODY)) ?? Buffer.alloc(0);
      const params = formParams(ctx.buffered);
      for (const [k, v] of ctx.query) if (!params.has(k)) params.append(k, v);
      ctx.params = params;
      const action = params.get('Action') ?? '';
      const api: Api = env.config.stsEnabled && protocols.sts.hasAction(action) ? 'sts' : protocols.iam.hasAction(action) ? 'iam' : 's3';
      ctx.api = api;
      protocol = protocols[api];
      // An Action neither knows is an S3 POST on the service, which has no operation: 405 before any auth.
      if (api === 's3') throw new GatewayError('MethodNotAllowed');
    } else if (route === 'admin' || route === 'reference') {
      ctx.api = route;
      protocol = protocols[route];
      const body = await readBody(req, MAX_PARAM_BODY);
      if (body === undefined) throw new GatewayError('InvalidArgument');
      ctx.buffered = body;
    }
    protocol.beforeAuth?.(ctx);
    await authenticate(ctx);
    await protocol.handle(ctx);
  } catch (err) {
    const gwErr = err instanceof GatewayError ? err : internalError(err, req);
    if (!res.headersSent) {
      try {
        protocol.renderError(ctx, gwErr);
      } catch (renderErr) {
        res.statusCode = 500;
        res.end();
        console.error('error while rendering an error', renderErr);
      }
    } else res.destroy();
    // Drain whatever body the client is still sending so the connection stays usable. Detach the readers first:
    // one that gave up unpipes (and pauses) the request a tick later, which would stall the socket for good.
    if (!req.readableEnded) {
      req.unpipe();
      req.resume();
    }
  } finally {
    logOp(ctx);
  }
}

function internalError(err: unknown, req: IncomingMessage): GatewayError {
  // The client went away (or cut its body short): nothing to log, and nobody may be left to answer.
  if (req.readableAborted || (err as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET') return new GatewayError('IncompleteBody');
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
