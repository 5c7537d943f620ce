// The Admin Ops front end (/admin/...), one pipeline for every row of operations.ts, in RGW 20.2.4's order
// (probed, docs/rgw-behaviour/admin.md):
// 1. before authentication: no op for the path and method → 405 MethodNotAllowed (anonymous callers too);
//    a SigV4-signed request with a body whose payload hash is not UNSIGNED-PAYLOAD → 501 NotImplemented
//    (RGW cannot check a signed payload on admin requests; whatever the key);
// 2. authentication (auth/), then check_caps with the caller's admin caps → 403 AccessDenied (anonymous
//    callers, role sessions and users without the cap alike);
// 3. the handler; its document rendered as JSON (default) or XML (format=xml), errors as JSON/XML bodies.
import type { Protocol } from '../../http/protocol.js';
import { header, type RequestContext } from '../../http/context.js';
import { GatewayError, resolveError } from '../../errors.js';
import { hasCap } from '../../identity/caps.js';
import type { UserRecord } from '../../identity/model.js';
import { S3_ERRORS } from '../s3/errors.js';
import { AdminArgs } from './args.js';
import { ADMIN_ERRORS } from './errors.js';
import { sendDoc, sendError } from './format.js';
import { routeAdmin, type AdminOperationName } from './operations.js';
import type { AdminOperation, CapNeed } from './operation.js';

function route(ctx: RequestContext, args: AdminArgs): [AdminOperationName, AdminOperation] {
  const row = routeAdmin(ctx.method, ctx.rawPath, (p) => args.has(p));
  if (!row) throw new GatewayError('MethodNotAllowed');
  return row;
}

function checkPayload(ctx: RequestContext): void {
  const signedV4 = header(ctx.headers, 'authorization')?.startsWith('AWS4-HMAC-SHA256') ?? false;
  const hasBody = (ctx.buffered?.length ?? 0) > 0;
  if (signedV4 && hasBody && header(ctx.headers, 'x-amz-content-sha256') !== 'UNSIGNED-PAYLOAD') throw new GatewayError('NotImplemented');
}

/** RGWRESTOp::verify_permission → check_caps on the authenticated user's caps. */
function callerWithCaps(ctx: RequestContext, needs: readonly CapNeed[]): UserRecord {
  const p = ctx.principal;
  const user = p.kind === 'user' || p.kind === 'user-session' ? p.user : undefined;
  if (!user || !needs.some((n) => hasCap(user.caps, n.type, n.perm))) throw new GatewayError('AccessDenied');
  return user;
}

export function createAdminProtocol(): Protocol {
  return {
    beforeAuth(ctx) {
      const [name] = route(ctx, new AdminArgs(ctx.rawQuery));
      ctx.operation = `admin:${name}`;
      checkPayload(ctx);
    },
    async handle(ctx) {
      const args = new AdminArgs(ctx.rawQuery);
      const [, op] = route(ctx, args);
      const caller = callerWithCaps(ctx, op.caps);
      const result = await op.handler({ ctx, args, store: ctx.env.store, now: new Date(ctx.env.clock.now()).toISOString(), caller });
      if (result !== 'sent') sendDoc(ctx, result);
    },
    renderError(ctx, err) {
      const { status, code } = resolveError(err.kind, ADMIN_ERRORS, S3_ERRORS);
      ctx.errorCode = code;
      sendError(ctx, status, code, err.message);
    },
  };
}
