// GetSessionToken (rgw_rest_sts.cc RGWSTSGetSessionToken; probed on RGW 20.2.4):
// - verify_permission: sts:GetSessionToken checked like any user-level action: the account root may; account
//   users, classic users and role sessions need an identity policy allowing it; anonymous callers may not.
//   Credentials from GetSessionToken may call it again (they are the user).
// - DurationSeconds: 900 (fixed) .. rgw_sts_max_session_duration (43200), default 3600; SerialNumber and
//   TokenCode are accepted and ignored.
// - The credentials act as the user itself, with its current permissions.
import { authorize } from '../../authz/authorize.js';
import type { RequestContext } from '../../http/context.js';
import { userKey } from '../../identity/model.js';
import { GatewayError } from '../../errors.js';
import { issueCredentials } from './credentials.js';
import { sessionTokenDuration } from './params.js';
import { sendSts } from './render.js';

export async function getSessionToken(ctx: RequestContext): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw new GatewayError('AccessDenied');
  const tenant = p.kind === 'role' ? p.role.tenant : p.user.tenant;
  // RGW checks the action against arn:aws:s3::<tenant>: (an ARN no policy resource is written for).
  authorize(ctx, { action: 'sts:GetSessionToken', resource: `arn:aws:s3::${tenant}:`, scope: 'user' });
  const seconds = sessionTokenDuration(ctx, ctx.params!.get('DurationSeconds') ?? '');
  const credentials =
    p.kind === 'role'
      ? // A role session's GetSessionToken yields a token with no role in it: RGW lets it be issued, and every
        // request made with it is refused (docs/rgw-behaviour/sts.md).
        issueCredentials(ctx.env, { kind: 'role', uid: p.sourceIdentity, tenant }, seconds)
      : issueCredentials(ctx.env, { kind: 'user', uid: userKey(p.user.tenant, p.user.id), tenant }, seconds);
  sendSts(ctx, { action: 'GetSessionToken', credentials });
}
