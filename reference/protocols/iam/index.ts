// IAM front end (query protocol: Action=...&Version=2010-05-08, form POST, SigV4 service "iam"). One
// pipeline runs every row of the operation table in RGW's order: callers outside accounts are refused
// (405) where RGW refuses them, then prepare (inputs, lookups), verify permission (identity policies, the
// account root, admin caps), execute, render.
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import type { FormProtocol } from '../../http/protocol.js';
import { newCall } from './call.js';
import { IAM_OPERATIONS, isIamAction } from './operations.js';
import { renderIamError, sendIam } from './render.js';

export function createIamProtocol(): FormProtocol {
  return {
    hasAction: isIamAction,
    async handle(ctx) {
      const action = ctx.params?.get('Action') ?? '';
      ctx.operation = `iam:${action}`;
      if (!isIamAction(action)) throw new GatewayError('MethodNotAllowed');
      const row = IAM_OPERATIONS[action];
      const c = newCall(ctx);
      if (row.callers === 'account' && !c.account) throw new GatewayError('MethodNotAllowed', row.notInAccount ?? '');
      const target = row.prepare(c);
      const resource = row.resource(c, target);
      authorize(ctx, { action: row.action, resource: resource ?? `arn:aws:iam::${c.scope}:`, scope: 'user', policiesApply: resource !== null, caps: row.cap });
      sendIam(ctx, action, row.shape, await row.execute(c, target));
    },
    renderError: (ctx, err) => renderIamError(ctx, err),
  };
}
