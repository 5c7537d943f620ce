// S3 front end (placeholder until the S3 operation table lands).
import type { Protocol } from '../../http/protocol.js';
import { GatewayError } from '../../errors.js';
import { renderS3Error } from './render-error.js';

export function createS3Protocol(): Protocol {
  return {
    async handle() {
      throw new GatewayError('NotImplemented');
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
