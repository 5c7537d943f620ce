// STS front end (placeholder until the STS operation table lands).
import type { FormProtocol } from '../../http/protocol.js';
import { GatewayError } from '../../errors.js';
import { renderS3Error } from '../s3/render-error.js';

export function createStsProtocol(): FormProtocol {
  return {
    hasAction: () => false,
    async handle() {
      throw new GatewayError('NotImplemented');
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
