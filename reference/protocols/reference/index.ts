// Reference-only endpoints (no RGW has them; documented in docs/reference-endpoints.md), signed by a user with
// the "admin" uid or any user holding the `users=*` cap:
//   POST /_reference/clock?advance=SECONDS   move the gateway clock forward → {"offsetSeconds": N, "now": ISO}
//   GET  /_reference/clock                   → {"offsetSeconds": N, "now": ISO}
//   GET  /_reference/decisions?request-id=ID  policy explanations of one request → {"decisions": [...]}
//   GET  /_reference/ops-log[?since=ISO&limit=N] → {"entries": [...]}
import type { RequestContext } from '../../http/context.js';
import type { Protocol } from '../../http/protocol.js';
import { GatewayError } from '../../errors.js';
import { renderS3Error } from '../s3/render-error.js';

function requireOperator(ctx: RequestContext): void {
  const p = ctx.principal;
  if (p.kind !== 'user' || !p.user.caps.some((c) => c.type === 'users' && (c.perm === '*' || c.perm === 'write'))) {
    throw new GatewayError('AccessDenied');
  }
}

function sendJson(ctx: RequestContext, value: unknown): void {
  const body = JSON.stringify(value);
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'application/json');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(body));
  ctx.res.end(body);
}

export function createReferenceProtocol(): Protocol {
  return {
    async handle(ctx) {
      requireOperator(ctx);
      const what = ctx.rawPath.slice('/_reference/'.length);
      ctx.operation = `reference:${what}`;
      const clock = ctx.env.clock;
      if (what === 'clock' && (ctx.method === 'POST' || ctx.method === 'GET')) {
        if (ctx.method === 'POST') {
          const advance = Number(ctx.query.get('advance'));
          if (!ctx.query.has('advance') || !Number.isFinite(advance) || advance < 0) throw new GatewayError('InvalidArgument', 'advance must be a non-negative number of seconds');
          clock.advance(advance);
        }
        return sendJson(ctx, { offsetSeconds: clock.offsetSeconds, now: new Date(clock.now()).toISOString() });
      }
      if (what === 'decisions' && ctx.method === 'GET') {
        const id = ctx.query.get('request-id');
        return sendJson(ctx, { decisions: id ? ctx.env.decisions.get(id) : ctx.env.decisions.recent(Number(ctx.query.get('limit') ?? 100)) });
      }
      if (what === 'ops-log' && ctx.method === 'GET') {
        const limit = ctx.query.has('limit') ? Number(ctx.query.get('limit')) : undefined;
        return sendJson(ctx, { entries: ctx.env.opsLog.list({ since: ctx.query.get('since') ?? undefined, limit }) });
      }
      throw new GatewayError('MethodNotAllowed');
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
