// STS documents as RGW renders them: the STS namespace, no XML declaration and no ResponseMetadata on
// successes; errors in the IAM-style ErrorResponse with the STS namespace.
import { XMLBuilder } from 'fast-xml-parser';
import type { RequestContext } from '../../http/context.js';
import { renderXml } from '../../http/xml.js';
import { resolveError, type GatewayError } from '../../errors.js';
import { S3_ERRORS } from '../s3/errors.js';
import { sendError } from '../s3/render-error.js';
import { STS_ERRORS } from './errors.js';

export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });

export function sendSts(ctx: RequestContext, action: string, result: Record<string, unknown>): void {
  const xml = builder.build({ [`${action}Response`]: { '@xmlns': STS_NS, [`${action}Result`]: result } });
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'text/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  ctx.res.end(xml);
}

export function renderStsError(ctx: RequestContext, err: GatewayError): void {
  const { status, code } = resolveError(err.kind, STS_ERRORS, S3_ERRORS);
  const xml = renderXml({ ErrorResponse: { '@xmlns': STS_NS, Error: { Code: code, Message: err.message, RequestId: ctx.requestId, HostId: ctx.env.ids.hostId } } });
  sendError(ctx, status, code, xml);
}
