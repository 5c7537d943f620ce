// IAM XML responses as RGW 20.2.4 renders them. RGW is inconsistent per operation — some documents carry the
// XML declaration and the IAM namespace, role documents carry neither, some put ResponseMetadata before the
// result and a few omit it — and the reference reproduces each (probed; docs/rgw-behaviour/iam.md).
import type { RequestContext } from '../../http/context.js';
import { XMLBuilder } from 'fast-xml-parser';
import { renderXml } from '../../http/xml.js';
import { GatewayError, resolveError } from '../../errors.js';
import { S3_ERRORS } from '../s3/errors.js';
import { sendError } from '../s3/render-error.js';
import { IAM_ERRORS } from './errors.js';

export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface Shape {
  /** <?xml ...?> declaration */
  decl: boolean;
  /** xmlns on the root */
  ns: boolean;
  /** ResponseMetadata: after the result, before it, or absent */
  meta: 'after' | 'before' | 'none';
  /** Root element name when RGW does not use <Action>Response (DeleteUserPolicy → DeleteUserPoliciesResponse). */
  root?: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true });

export function sendIam(ctx: RequestContext, action: string, shape: Shape, result?: Record<string, unknown>): void {
  const meta = { ResponseMetadata: { RequestId: ctx.requestId } };
  const inner: Record<string, unknown> = shape.ns ? { '@xmlns': IAM_NS } : {};
  const res = result === undefined ? {} : { [`${action}Result`]: result };
  Object.assign(inner, shape.meta === 'before' ? { ...meta, ...res } : shape.meta === 'after' ? { ...res, ...meta } : res);
  const doc = { [shape.root ?? `${action}Response`]: inner };
  const xml = shape.decl ? renderXml(doc) : builder.build(doc);
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'text/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  ctx.res.end(xml);
}

/** IAM errors: <ErrorResponse xmlns=IAM><Error><Code/><Message/><RequestId/><HostId/></Error></ErrorResponse>. */
export function renderIamError(ctx: RequestContext, err: GatewayError, ns = IAM_NS): void {
  const { status, code } = resolveError(err.kind, IAM_ERRORS, S3_ERRORS);
  const xml = renderXml({ ErrorResponse: { '@xmlns': ns, Error: { Code: code, Message: err.message, RequestId: ctx.requestId, HostId: ctx.env.ids.hostId } } });
  sendError(ctx, status, code, xml);
}

/** RGW prints IAM user/group dates with microseconds, role dates with milliseconds. */
export const micro = (iso: string): string => iso.replace(/\.(\d{3})Z$/, '.$1000Z');
