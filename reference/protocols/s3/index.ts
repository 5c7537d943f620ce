// S3 front end: resolve bucket and key (path style, virtual-host style, `tenant:bucket`), select the operation
// from the table, run RGW's pre-checks that come before the bucket is looked at, then the handler.
// RGW's order (rgw_process.cc): the handler and op are chosen and the copy source parsed before
// authentication; s->bucket_name is set after it. So errors up to here carry no BucketName; from here on every
// error names the addressed bucket (ctx.bucket, see render-error.ts).
import type { Protocol } from '../../http/protocol.js';
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { header } from '../../http/context.js';
import { renderS3Error } from './render-error.js';
import { S3_OPERATIONS, select, type Level } from './operations.js';
import { callerTenant, type S3Request } from './request.js';
import { parseCopySource } from './copy-source.js';

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new GatewayError('InvalidURI');
  }
}

export interface ResolvedPath {
  tenant: string;
  bucketName?: string;
  key?: string;
  level: Level;
}

/**
 * Bucket and key of a request. Path style: /bucket/key; virtual-host style: the bucket is the Host's
 * subdomain under one of the gateway's DNS names. A bucket written `tenant:bucket` addresses that tenant's
 * bucket (`:bucket` the default tenant); a plain name resolves in the caller's own tenant.
 */
export function resolvePath(ctx: RequestContext): ResolvedPath {
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
  return { tenant, bucketName, key, level };
}

/** Checks RGW makes while choosing the op (RGWHandler_REST_S3::init, get_op), before any bucket lookup. */
function preChecks(ctx: RequestContext, op: string): void {
  if (op !== 'CopyObject' && op !== 'UploadPartCopy') return;
  // A copy with a body is not a copy RGW knows (RGWHandler_REST_Obj_S3::op_put): 501, no BucketName.
  const length = header(ctx.headers, 'content-length');
  if (op === 'CopyObject' && length !== undefined && length !== '0') throw new GatewayError('NotImplemented');
  parseCopySource(header(ctx.headers, 'x-amz-copy-source') ?? '');
}

export function createS3Protocol(): Protocol {
  return {
    async handle(ctx) {
      const path = resolvePath(ctx);
      ctx.object = path.key;
      const chosen = select(path.level, ctx.method, ctx.query, ctx.headers);
      if (typeof chosen !== 'string') {
        ctx.operation = chosen.name;
        if (chosen.withBucket) ctx.bucket = path.bucketName;
        throw new GatewayError(chosen.refused);
      }
      ctx.operation = chosen;
      preChecks(ctx, chosen);
      ctx.bucket = path.bucketName;
      // RGW validates the object name right after authentication, before it loads the bucket.
      if (path.key !== undefined && Buffer.byteLength(path.key) > 1024) throw new GatewayError('InvalidObjectName');
      const row = S3_OPERATIONS[chosen];
      const request: S3Request = { ctx, tenant: path.tenant, bucketName: path.bucketName, key: path.key, action: row.action };
      await row.handler(request);
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
