// startGateway(): the one place that wires the parts of the reference gateway together.
import type { AddressInfo } from 'node:net';
import { OffsetClock, type Clock } from './clock.js';
import { DEFAULTS, validateStsKey, type GatewayConfig } from './config.js';
import type { GatewayEnv } from './env.js';
import { RequestIds } from './http/request-id.js';
import { createGatewayServer } from './http/server.js';
import { ensureAdminUser } from './identity/bootstrap.js';
import { newSecretKey } from './identity/generate.js';
import { DecisionLog } from './log/decisions.js';
import { PolicyCache } from './authz/facts.js';
import { OpsLog } from './log/ops-log.js';
import { createAdminProtocol } from './protocols/admin/index.js';
import { createIamProtocol } from './protocols/iam/index.js';
import { createReferenceProtocol } from './protocols/reference/index.js';
import { createS3Protocol } from './protocols/s3/index.js';
import { createStsProtocol } from './protocols/sts/index.js';
import { openStore } from './store/open.js';

export interface GatewayOptions extends Partial<Omit<GatewayConfig, 'admin'>> {
  admin?: { accessKeyId: string; secretAccessKey: string };
  /** The clock the gateway reads (tests inject one); wrapped so it can be advanced. */
  clock?: Clock;
}

export interface Gateway {
  url: string;
  host: string;
  port: number;
  region: string;
  admin: { accessKeyId: string; secretAccessKey: string };
  stsKey: string;
  env: GatewayEnv;
  /** Move the gateway clock forward (reference-only; also POST /_reference/clock?advance=N). */
  advanceClock(seconds: number): void;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const stsKey = options.stsKey ?? newSecretKey().slice(0, 16);
  validateStsKey(stsKey);
  const clock = new OffsetClock(options.clock);
  const store = await openStore(options.dataDir);
  try {
    const admin = await ensureAdminUser(store, options.admin, new Date(clock.now()));
    const config: GatewayConfig = {
      host: options.host ?? DEFAULTS.host,
      port: options.port ?? DEFAULTS.port,
      dataDir: options.dataDir,
      stsKey,
      stsEnabled: options.stsEnabled ?? DEFAULTS.stsEnabled,
      stsMinSessionDuration: options.stsMinSessionDuration ?? DEFAULTS.stsMinSessionDuration,
      stsMaxSessionDuration: options.stsMaxSessionDuration ?? DEFAULTS.stsMaxSessionDuration,
      dnsNames: options.dnsNames ?? [...DEFAULTS.dnsNames],
      zonegroup: options.zonegroup ?? DEFAULTS.zonegroup,
      admin,
      maxClockSkewSeconds: options.maxClockSkewSeconds ?? DEFAULTS.maxClockSkewSeconds,
      maxPutSize: options.maxPutSize ?? DEFAULTS.maxPutSize,
      oidcCaCerts: options.oidcCaCerts ?? [],
    };
    const env: GatewayEnv = { config, store, clock, ids: new RequestIds(), decisions: new DecisionLog(), opsLog: new OpsLog(), policies: new PolicyCache() };
    const server = createGatewayServer(env, {
      s3: createS3Protocol(),
      iam: createIamProtocol(),
      sts: createStsProtocol(),
      admin: createAdminProtocol(),
      reference: createReferenceProtocol(),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closed: Promise<void> | undefined;
    return {
      url: `http://${urlHost}:${port}`,
      host: config.host,
      port,
      region: config.zonegroup,
      admin,
      stsKey,
      env,
      advanceClock: (seconds) => clock.advance(seconds),
      close() {
        closed ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await store.close();
        })();
        return closed;
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
