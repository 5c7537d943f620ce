// Response helpers: XML documents with RGW's S3 namespace, empty successes, and header formatting.
import type { RequestContext } from '../../http/context.js';
import { renderXml } from '../../http/xml.js';

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function sendXml(ctx: RequestContext, root: string, body: Record<string, unknown>, status = 200): void {
  const xml = renderXml({ [root]: { '@xmlns': S3_NS, ...body } });
  ctx.res.statusCode = status;
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  ctx.res.end(xml);
}

export function sendEmpty(ctx: RequestContext, status = 200, headers: Record<string, string> = {}): void {
  ctx.res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) ctx.res.setHeader(k, v);
  ctx.res.setHeader('Content-Length', '0');
  ctx.res.end();
}

/** RFC 1123 dates, as Last-Modified. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();

/** ISO 8601 with milliseconds, as RGW renders LastModified in listings. */
export const isoDate = (iso: string): string => new Date(iso).toISOString();
