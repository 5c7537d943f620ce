// IAM documents as RGW 20.2.4 writes them. RGW is not uniform (probed, docs/rgw-behaviour/iam.md): user and
// group operations print the XML declaration and the IAM namespace; inline user policies and OIDC providers
// the namespace only; roles neither (except the managed-policy calls); ResponseMetadata comes after the
// result, before it, inside it (UpdateRole) or not at all (ListUsers, ListAccessKeys, ListGroups).
// Element order matters and some documents repeat names out of order (ListRoleTags), so documents are built
// as ordered nodes rather than objects.
import type { RequestContext } from '../../http/context.js';
import { GatewayError, resolveError } from '../../errors.js';
import { S3_ERRORS } from '../s3/errors.js';
import { sendError } from '../s3/render-error.js';
import { IAM_ERRORS } from './errors.js';

export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element: name and text, or name and children, in document order. */
export type XNode = [name: string, content: string | number | boolean | XNode[]];

export interface Shape {
  /** Print the <?xml ...?> declaration. */
  decl: boolean;
  /** Put xmlns on the root element. */
  ns: boolean;
  /** Where ResponseMetadata goes relative to the result element. */
  meta: 'after' | 'before' | 'inside' | 'none';
  /** Root element, when RGW does not call it <Action>Response. */
  root?: string;
  /** Result element, when RGW does not call it <Action>Result. */
  result?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (s: string): string => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

export function xml(node: XNode, attrs = ''): string {
  const [name, content] = node;
  const inner = Array.isArray(content) ? content.map((n) => xml(n)).join('') : escape(String(content));
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** `<Name><member>..</member>...</Name>` */
export const members = (name: string, items: XNode[][] | string[]): XNode => [
  name,
  (items as Array<XNode[] | string>).map((i): XNode => ['member', i]),
];

/** The response document for an operation: result children (or none) placed as the shape says. */
export function responseXml(ctx: RequestContext, action: string, shape: Shape, result: XNode[] | undefined): string {
  const meta: XNode = ['ResponseMetadata', [['RequestId', ctx.requestId]]];
  const res: XNode | undefined = result === undefined && shape.meta !== 'inside' ? undefined : [shape.result ?? `${action}Result`, shape.meta === 'inside' ? [meta] : result ?? []];
  const children: XNode[] = [];
  if (shape.meta === 'before') children.push(meta);
  if (res) children.push(res);
  if (shape.meta === 'after') children.push(meta);
  const body = xml([shape.root ?? `${action}Response`, children], shape.ns ? ` xmlns="${IAM_NS}"` : '');
  return shape.decl ? DECLARATION + body : body;
}

export function sendIam(ctx: RequestContext, action: string, shape: Shape, result: XNode[] | undefined): void {
  const doc = responseXml(ctx, action, shape, result);
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(doc));
  ctx.res.end(doc);
}

/** <?xml?><ErrorResponse xmlns=IAM><Error><Code/><Message/><RequestId/><HostId/></Error></ErrorResponse> */
export function renderIamError(ctx: RequestContext, err: GatewayError): void {
  const { status, code } = resolveError(err.kind, IAM_ERRORS, S3_ERRORS);
  const body: XNode = ['Error', [['Code', code], ['Message', err.message], ['RequestId', ctx.requestId], ['HostId', ctx.env.ids.hostId]]];
  sendError(ctx, status, code, DECLARATION + xml(['ErrorResponse', [body]], ` xmlns="${IAM_NS}"`));
}

/** Dates: users, groups and keys print microseconds (…:40.758910Z); roles and OIDC providers milliseconds. */
export const microDate = (iso: string): string => iso.replace(/\.(\d{3})Z$/, '.$1000Z');
export const milliDate = (iso: string): string => iso;
