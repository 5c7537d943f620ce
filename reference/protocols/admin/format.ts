// RGW's response formatters for the Admin Ops API (JSONFormatter / XMLFormatter, picked by `format=`),
// as RGW 20.2.4 sends them (probed, docs/rgw-behaviour/admin.md):
// - JSON (the default, and `format=json`): the root section's name is dropped, no Content-Type header;
// - XML (`format=xml`): the XML declaration, the root section as the document element, each array element
//   named after its section (a user's keys are <key>, caps <cap>, ...), booleans true/false, and
//   Content-Type: application/xml; quotes and apostrophes escaped too;
// - an operation without a body answers 200 with Content-Length: 0 and no Content-Type;
// - errors: {"Code","Message","RequestId","HostId"} (or <Error> in XML) with a Content-Type and
//   Accept-Ranges: bytes.
import type { RequestContext } from '../../http/context.js';

export type Value = string | number | boolean | Section | List;

/** An object section: fields in RGW's order. */
export interface Section {
  readonly kind: 'section';
  readonly fields: ReadonlyArray<readonly [string, Value]>;
}

/** An array section whose elements the XML formatter names `item`. */
export interface List {
  readonly kind: 'list';
  readonly item: string;
  readonly items: readonly Value[];
}

/** A response document: the root section's name and its value. */
export interface Doc {
  readonly name: string;
  readonly value: Value;
  /** Send Content-Type: application/json too (the metadata resource does; the others do not). */
  readonly contentType?: boolean;
}

export const section = (fields: Array<readonly [string, Value]>): Section => ({ kind: 'section', fields });
export const list = (item: string, items: readonly Value[]): List => ({ kind: 'list', item, items });

const isNode = (v: Value): v is Section | List => typeof v === 'object';

export function toJson(v: Value): unknown {
  if (!isNode(v)) return v;
  if (v.kind === 'list') return v.items.map(toJson);
  const out: Record<string, unknown> = {};
  for (const [k, x] of v.fields) out[k] = toJson(x);
  return out;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function xml(name: string, v: Value): string {
  if (!isNode(v)) return `<${name}>${escapeXml(String(v))}</${name}>`;
  const inner = v.kind === 'list' ? v.items.map((x) => xml(v.item, x)).join('') : v.fields.map(([k, x]) => xml(k, x)).join('');
  return `<${name}>${inner}</${name}>`;
}

export const toXml = (doc: Doc): string => '<?xml version="1.0" encoding="UTF-8"?>' + xml(doc.name, doc.value);

export const wantsXml = (ctx: RequestContext): boolean => ctx.query.get('format') === 'xml';

function send(ctx: RequestContext, status: number, body: string, contentType?: string): void {
  ctx.res.statusCode = status;
  if (contentType) ctx.res.setHeader('Content-Type', contentType);
  ctx.res.setHeader('Content-Length', Buffer.byteLength(body));
  ctx.res.end(body);
}

/** A successful answer: the document in the requested format, or an empty body. */
export function sendDoc(ctx: RequestContext, doc: Doc | undefined): void {
  if (!doc) return send(ctx, 200, '');
  if (wantsXml(ctx)) return send(ctx, 200, toXml(doc), 'application/xml');
  send(ctx, 200, JSON.stringify(toJson(doc.value)), doc.contentType ? 'application/json' : undefined);
}

/** An error body with RGW's fields. */
export function sendError(ctx: RequestContext, status: number, code: string, message: string): void {
  const fields: Array<[string, string]> = [['Code', code], ['Message', message], ['RequestId', ctx.requestId], ['HostId', ctx.env.ids.hostId]];
  ctx.res.setHeader('Accept-Ranges', 'bytes');
  if (wantsXml(ctx)) send(ctx, status, toXml({ name: 'Error', value: section(fields) }), 'application/xml');
  else send(ctx, status, JSON.stringify(Object.fromEntries(fields)), 'application/json');
}
