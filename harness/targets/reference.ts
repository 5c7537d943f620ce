// The `reference` target: the bundled gateway, started in this process on a free port. It supports every
// capability, including the reference-only clock and policy explanations.
import { startGateway } from '../../reference/gateway.js';
import { CAPABILITIES } from '../scenario/schema.js';
import { applyCapabilities, type Target } from './target.js';

export interface ReferenceTargetOptions {
  /** Capability adjustments, e.g. "-clock" to see how scenarios behave without it. */
  capabilities?: string;
}

export async function startReferenceTarget(options: ReferenceTargetOptions = {}): Promise<Target> {
  const capabilities = applyCapabilities(CAPABILITIES, options.capabilities);
  const gw = await startGateway({ port: 0, host: '127.0.0.1' });
  return {
    name: 'reference',
    endpoint: gw.url,
    region: gw.region,
    admin: gw.admin,
    capabilities,
    description: `reference gateway (in process, ${gw.url})`,
    close: () => gw.close(),
    isolated: () => startReferenceTarget(options),
  };
}
