// JSON responses of the Admin Ops API (an empty body for operations RGW answers without one).
import type { RequestContext } from '../../http/context.js';

export function sendJson(ctx: RequestContext, value: unknown, status = 200): void {
  ctx.res.statusCode = status;
  if (value === undefined) {
    ctx.res.setHeader('Content-Length', '0');
    ctx.res.end();
    return;
  }
  const body = JSON.stringify(value);
  ctx.res.setHeader('Content-Type', 'application/json');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(body));
  ctx.res.end(body);
}
