// S3-style error bodies, as RGW renders them: <Error><Code/><Message/>[<BucketName/>][<Key/>]<RequestId/><HostId/></Error>.
import type { RequestContext } from '../../http/context.js';
import { renderXml } from '../../http/xml.js';
import { resolveError, type ErrorTable, type GatewayError } from '../../errors.js';
import { S3_ERRORS } from './errors.js';

export function renderS3Error(ctx: RequestContext, err: GatewayError, table: ErrorTable = S3_ERRORS): void {
  const { status, code } = resolveError(err.kind, table, S3_ERRORS);
  const body: Record<string, unknown> = { Code: code, Message: err.message, ...err.fields };
  body.RequestId = ctx.requestId;
  body.HostId = ctx.env.ids.hostId;
  sendError(ctx, status, code, renderXml({ Error: body }));
}

export function sendError(ctx: RequestContext, status: number, code: string, xml: string): void {
  ctx.errorCode = code;
  const res = ctx.res;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/xml');
  if (ctx.method === 'HEAD') {
    res.setHeader('Content-Length', '0');
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(xml));
  res.end(xml);
}
