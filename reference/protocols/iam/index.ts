// IAM front end (query protocol): Action → operation table; the caller must belong to an account.
import type { FormProtocol } from '../../http/protocol.js';
import { callerAccount } from './call.js';
import { IAM_OPERATIONS, isIamAction } from './operations.js';
import { renderIamError } from './render.js';

export function createIamProtocol(): FormProtocol {
  return {
    hasAction: isIamAction,
    async handle(ctx) {
      const action = ctx.params!.get('Action')!;
      ctx.operation = `iam:${action}`;
      if (!isIamAction(action)) return;
      const account = callerAccount(ctx);
      await IAM_OPERATIONS[action]({ ctx, params: ctx.params!, account, now: new Date(ctx.env.clock.now()).toISOString() });
    },
    renderError: (ctx, err) => renderIamError(ctx, err),
  };
}
