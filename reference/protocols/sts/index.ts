// STS front end (query protocol). RGW 20.2.4's STS knows AssumeRole, GetSessionToken and
// AssumeRoleWithWebIdentity; other actions (GetCallerIdentity included) fall through to S3 → 405.
import type { FormProtocol } from '../../http/protocol.js';
import type { RequestContext } from '../../http/context.js';
import { assumeRole, getSessionToken } from './assume-role.js';
import { assumeRoleWithWebIdentity } from './web-identity.js';
import { renderStsError } from './render.js';

export const STS_OPERATIONS = {
  AssumeRole: assumeRole,
  GetSessionToken: getSessionToken,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
} satisfies Record<string, (ctx: RequestContext) => Promise<void>>;

const isStsAction = (a: string): a is keyof typeof STS_OPERATIONS => Object.hasOwn(STS_OPERATIONS, a);

export function createStsProtocol(): FormProtocol {
  return {
    hasAction: (action) => isStsAction(action),
    async handle(ctx) {
      const action = ctx.params!.get('Action')!;
      ctx.operation = `sts:${action}`;
      if (isStsAction(action)) await STS_OPERATIONS[action](ctx);
    },
    renderError: (ctx, err) => renderStsError(ctx, err),
  };
}
