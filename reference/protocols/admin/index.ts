// Admin Ops front end (placeholder until the Admin Ops operation table lands).
import type { Protocol } from '../../http/protocol.js';
import { GatewayError } from '../../errors.js';
import { renderS3Error } from '../s3/render-error.js';

export function createAdminProtocol(): Protocol {
  return {
    async handle() {
      throw new GatewayError('NotImplemented');
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
