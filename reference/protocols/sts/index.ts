// STS front end (query protocol, POST form): dispatch through the operations table, errors through the STS
// table. RGW 20.2.4 knows AssumeRole, GetSessionToken and AssumeRoleWithWebIdentity.
import type { FormProtocol } from '../../http/protocol.js';
import { isStsAction, STS_OPERATIONS } from './operations.js';
import { renderStsError } from './render.js';

export function createStsProtocol(): FormProtocol {
  return {
    hasAction: (action) => isStsAction(action),
    async handle(ctx) {
      const action = ctx.params!.get('Action') ?? '';
      ctx.operation = `sts:${action}`;
      if (isStsAction(action)) await STS_OPERATIONS[action].handler(ctx);
    },
    renderError: (ctx, err) => renderStsError(ctx, err),
  };
}
