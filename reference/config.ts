// Gateway configuration: the CLI flags and startGateway() options, named after RGW's options where one exists.
export interface GatewayConfig {
  host: string;
  port: number;
  /** --data-dir: durable state; in memory when absent. */
  dataDir?: string;
  /** rgw_sts_key: exactly 16 characters; encrypts session tokens. */
  stsKey: string;
  /** rgw_s3_auth_use_sts */
  stsEnabled: boolean;
  /** rgw_sts_min_session_duration / rgw_sts_max_session_duration (seconds) */
  stsMinSessionDuration: number;
  stsMaxSessionDuration: number;
  /** rgw_dns_name: enables virtual-host-style addressing for <bucket>.<name> */
  dnsNames: string[];
  /** The zonegroup's api name, used as the region in ARNs and Location (RGW: "default"). */
  zonegroup: string;
  admin: { accessKeyId: string; secretAccessKey: string };
  /** Allowed clock skew for SigV4 (RGW: 15 minutes). */
  maxClockSkewSeconds: number;
  /** rgw_max_put_size (5 GiB) */
  maxPutSize: number;
  /** CAs trusted for OIDC issuers besides Node's store and NODE_EXTRA_CA_CERTS (PEM texts; e.g. the bundled IdP's). */
  oidcCaCerts?: string[];
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8000,
  stsEnabled: true,
  stsMinSessionDuration: 900,
  stsMaxSessionDuration: 43200,
  dnsNames: ['localhost'],
  zonegroup: 'default',
  maxClockSkewSeconds: 15 * 60,
  maxPutSize: 5 * 1024 * 1024 * 1024,
} as const;

export function validateStsKey(key: string): void {
  if (key.length !== 16) throw new Error(`--sts-key must be exactly 16 characters (rgw_sts_key), got ${key.length}`);
}
