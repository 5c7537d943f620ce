// S3-style error bodies, as RGW renders them (rgw_rest.cc end_header):
//   <Error><Code/><Message/>[<BucketName/>]<RequestId/><HostId/></Error>
// BucketName is the bucket the request addressed (RGW's s->bucket_name, without its tenant), present for every
// error raised once the request is past authentication and op selection — never a Key element. Error responses
// carry Accept-Ranges: bytes, and a HEAD error announces the Content-Length of the body it does not send
// (probed on RGW 20.2.4; docs/rgw-behaviour/s3.md).
import type { RequestContext } from '../../http/context.js';
import { renderXml } from '../../http/xml.js';
import { GatewayError, resolveError, type ErrorTable } from '../../errors.js';
import { S3_ERRORS } from './errors.js';

/** An error RGW raises before it has chosen a response format: rendered as JSON {Code, Message, RequestId, HostId}. */
export class JsonError extends GatewayError {}

export function renderS3Error(ctx: RequestContext, err: GatewayError, table: ErrorTable = S3_ERRORS): void {
  const { status, code } = resolveError(err.kind, table, S3_ERRORS);
  if (err instanceof JsonError) {
    const json = JSON.stringify({ Code: code, Message: err.message, RequestId: ctx.requestId, HostId: ctx.env.ids.hostId });
    ctx.errorCode = code;
    ctx.res.statusCode = status;
    ctx.res.setHeader('Accept-Ranges', 'bytes');
    ctx.res.setHeader('Content-Type', 'application/json');
    ctx.res.setHeader('Content-Length', Buffer.byteLength(json));
    ctx.res.end(ctx.method === 'HEAD' ? undefined : json);
    return;
  }
  const { BucketName: _b, Key: _k, ...extra } = err.fields;
  const body: Record<string, unknown> = { Code: code, Message: err.message, ...extra };
  if (ctx.bucket) body.BucketName = ctx.bucket;
  body.RequestId = ctx.requestId;
  body.HostId = ctx.env.ids.hostId;
  ctx.res.setHeader('Accept-Ranges', 'bytes');
  sendError(ctx, status, code, renderXml({ Error: body }));
}

/** Shared by the XML protocols (IAM and STS render their own bodies). */
export function sendError(ctx: RequestContext, status: number, code: string, xml: string): void {
  ctx.errorCode = code;
  const res = ctx.res;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/xml');
  res.setHeader('Content-Length', Buffer.byteLength(xml));
  res.end(ctx.method === 'HEAD' ? undefined : xml);
}
