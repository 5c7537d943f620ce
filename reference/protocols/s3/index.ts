// S3 front end: resolve bucket and key (path style, virtual-host style, `tenant:bucket`), select the operation
// from the table and run it.
import type { Protocol } from '../../http/protocol.js';
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { renderS3Error } from './render-error.js';
import { S3_OPERATIONS, select, type Level } from './operations.js';
import { callerTenant, type S3Request } from './request.js';

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new GatewayError('InvalidURI');
  }
}

export function resolveS3Request(ctx: RequestContext): { request: S3Request; level: Level } {
  let bucketPart: string | undefined;
  let keyPart: string | undefined;
  if (ctx.hostBucket) {
    bucketPart = ctx.hostBucket;
    keyPart = ctx.rawPath.length > 1 ? ctx.rawPath.slice(1) : undefined;
  } else {
    const path = ctx.rawPath.slice(1);
    const slash = path.indexOf('/');
    bucketPart = slash < 0 ? path : path.slice(0, slash);
    keyPart = slash < 0 ? undefined : path.slice(slash + 1);
    if (!bucketPart) bucketPart = undefined;
  }
  let tenant = callerTenant(ctx);
  let bucketName = bucketPart === undefined ? undefined : decode(bucketPart);
  if (bucketName !== undefined) {
    const colon = bucketName.indexOf(':');
    if (colon >= 0) {
      tenant = bucketName.slice(0, colon);
      bucketName = bucketName.slice(colon + 1);
    }
  }
  const key = keyPart === undefined || keyPart === '' ? undefined : decode(keyPart);
  const level: Level = bucketName === undefined ? 'service' : key === undefined ? 'bucket' : 'object';
  return { request: { ctx, tenant, bucketName, key }, level };
}

export function createS3Protocol(): Protocol {
  return {
    async handle(ctx) {
      const { request, level } = resolveS3Request(ctx);
      ctx.bucket = request.bucketName;
      ctx.object = request.key;
      const name = select(level, ctx.method, ctx.query, ctx.headers);
      if (name === 'NotImplemented' || name === 'MethodNotAllowed') {
        ctx.operation = name;
        throw new GatewayError(name);
      }
      ctx.operation = name;
      await S3_OPERATIONS[name].handler(request);
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
