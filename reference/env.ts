// Everything a request handler may use, built once per gateway by gateway.ts (no module-level state).
import type { Clock, OffsetClock } from './clock.js';
import type { GatewayConfig } from './config.js';
import type { RequestIds } from './http/request-id.js';
import type { DecisionLog } from './log/decisions.js';
import type { OpsLog } from './log/ops-log.js';
import type { Store } from './store/store.js';
import type { PolicyCache } from './authz/facts.js';

export interface GatewayEnv {
  config: GatewayConfig;
  store: Store;
  clock: Clock & Pick<OffsetClock, 'advance' | 'offsetSeconds'>;
  ids: RequestIds;
  decisions: DecisionLog;
  opsLog: OpsLog;
  policies: PolicyCache;
}
