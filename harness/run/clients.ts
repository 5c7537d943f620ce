// SDK clients per (service, identity), made once per scenario: path-style S3, IAM and STS on the target's one
// endpoint, the SDK's own retries off (the runner owns retry-until), the recorder around the request handler,
// and the target clock's offset for signing. Anonymous requests are signed with throwaway keys whose signature
// is then removed, which works the same in every SDK version.
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { AdminClient } from '../admin-client.js';
import { nodeRequestHandler, type RequestHandlerLike } from '../http-handler.js';
import type { SdkService } from '../operations.js';
import type { Credentials } from '../targets/target.js';
import type { ScenarioContext } from './context.js';
import type { Identity } from './identity.js';

interface Sendable {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
  config: { systemClockOffset?: number; requestHandler?: unknown };
  middlewareStack: {
    addRelativeTo(
      middleware: (next: (args: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => Promise<unknown>,
      options: { relation: 'before' | 'after'; toMiddleware: string; name: string; override?: boolean },
    ): void;
  };
}

const AUTH_HEADERS = /^(authorization|x-amz-date|x-amz-security-token)$/i;

export class ClientPool {
  private readonly sdk = new Map<string, Sendable>();
  private readonly admins = new Map<string, AdminClient>();
  /** One node:http handler (keep-alive agent) for every Admin Ops client of the scenario. */
  private adminHandler: RequestHandlerLike | undefined;

  constructor(private readonly ctx: ScenarioContext) {}

  client(service: SdkService, identity: Identity): Sendable {
    const key = `${service}\u0000${identityKey(identity)}`;
    let c = this.sdk.get(key);
    if (!c) {
      c = this.create(service, identity);
      this.sdk.set(key, c);
    }
    return c;
  }

  admin(credentials: Credentials): AdminClient {
    const key = identityKey({ kind: 'keys', label: '', credentials });
    let c = this.admins.get(key);
    if (!c) {
      c = new AdminClient({
        endpoint: this.ctx.endpoint,
        region: this.ctx.target.region,
        credentials,
        requestHandler: this.ctx.recorder.wrap((this.adminHandler ??= nodeRequestHandler())),
        clockOffsetMs: () => this.ctx.clockOffsetMs,
      });
      this.admins.set(key, c);
    }
    return c;
  }

  /** After the target clock moved: every client signs with the new offset. */
  setClockOffset(ms: number): void {
    for (const c of this.sdk.values()) c.config.systemClockOffset = ms;
  }

  destroy(): void {
    for (const c of this.sdk.values()) c.destroy();
    for (const c of this.admins.values()) c.destroy();
    this.adminHandler?.destroy?.();
    this.adminHandler = undefined;
    this.sdk.clear();
    this.admins.clear();
  }

  private create(service: SdkService, identity: Identity): Sendable {
    const credentials = identity.kind === 'anonymous' ? { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' } : identity.credentials;
    const config = {
      endpoint: this.ctx.endpoint,
      region: this.ctx.target.region,
      credentials,
      maxAttempts: 1,
      systemClockOffset: this.ctx.clockOffsetMs,
      requestHandler: { requestTimeout: 30_000, connectionTimeout: 5_000 },
    };
    const client = (
      service === 's3' ? new S3Client({ ...config, forcePathStyle: true }) : service === 'iam' ? new IAMClient(config) : new STSClient(config)
    ) as unknown as Sendable;
    // The SDK reads config.requestHandler on every send, so wrapping it here records every exchange.
    client.config.requestHandler = this.ctx.recorder.wrap(client.config.requestHandler as RequestHandlerLike);
    if (identity.kind === 'anonymous') {
      client.middlewareStack.addRelativeTo(
        (next) => async (args) => {
          const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
          for (const h of Object.keys(headers)) if (AUTH_HEADERS.test(h)) delete headers[h];
          return next(args);
        },
        { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'rgwConformanceAnonymous', override: true },
      );
    }
    return client;
  }
}

function identityKey(identity: Identity): string {
  if (identity.kind === 'anonymous') return 'anonymous';
  const c = identity.credentials;
  return `${c.accessKeyId}\u0000${c.secretAccessKey}\u0000${c.sessionToken ?? ''}`;
}
