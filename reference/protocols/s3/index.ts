// S3 front end: resolve bucket and key (path style, virtual-host style, `tenant:bucket`), select the operation
// from the table, run RGW's pre-checks that come before the bucket is looked at, then the handler.
// RGW's order (rgw_process.cc): the handler and op are chosen and the copy source parsed before
// authentication; s->bucket_name is set after it. So errors up to here carry no BucketName; from here on every
// error names the addressed bucket (ctx.bucket, see render-error.ts).
import type { Protocol } from '../../http/protocol.js';
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { header } from '../../http/context.js';
import { JsonError, renderS3Error } from './render-error.js';
import { S3_OPERATIONS, select, type Level } from './operations.js';
import { callerTenant, type S3Request } from './request.js';
import { parseCopySource } from './copy-source.js';
import { utf8 } from './body.js';

/**
 * RGW's url_decode of the request path: %XX sequences become bytes; a sequence cut short by the end of the
 * path ends the decoding; an invalid one empties the whole path (so the request becomes ListBuckets).
 */
function rgwUrlDecode(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x25) {
      out.push(...Buffer.from(s[i]!, 'utf8'));
      continue;
    }
    if (s.length - i < 3) break;
    const hex = s.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return Buffer.alloc(0);
    out.push(parseInt(hex, 16));
    i += 2;
  }
  return Buffer.from(out);
}

/** A key RGW cannot take (detected after authentication; the key is checked before the bucket is loaded). */
type KeyProblem = 'invalid-utf8' | 'nul' | undefined;

export interface ResolvedPath {
  tenant: string;
  bucketName?: string;
  key?: string;
  level: Level;
  keyProblem?: KeyProblem;
}

/**
 * Bucket and key of a request. Path style: /bucket/key; virtual-host style: the bucket is the Host's
 * subdomain under one of the gateway's DNS names. A bucket written `tenant:bucket` addresses that tenant's
 * bucket (`:bucket` the default tenant); a plain name resolves in the caller's own tenant.
 */
export function resolvePath(ctx: RequestContext): ResolvedPath {
  // A request-target that is not a path (OPTIONS *) addresses no bucket.
  if (!ctx.rawPath.startsWith('/')) return { tenant: callerTenant(ctx), level: 'service' };
  const decoded = rgwUrlDecode(ctx.rawPath);
  let bucketBytes: Buffer | undefined;
  let keyBytes: Buffer | undefined;
  if (ctx.hostBucket) {
    bucketBytes = Buffer.from(ctx.hostBucket);
    keyBytes = decoded.length > 1 ? decoded.subarray(1) : undefined;
  } else {
    const path = decoded.subarray(decoded[0] === 0x2f ? 1 : 0);
    const slash = path.indexOf(0x2f);
    bucketBytes = slash < 0 ? path : path.subarray(0, slash);
    keyBytes = slash < 0 ? undefined : path.subarray(slash + 1);
    if (!bucketBytes.length) bucketBytes = undefined;
  }
  let tenant = callerTenant(ctx);
  let bucketName = bucketBytes?.toString('utf8');
  if (bucketName !== undefined) {
    const colon = bucketName.indexOf(':');
    if (colon >= 0) {
      tenant = bucketName.slice(0, colon);
      bucketName = bucketName.slice(colon + 1);
    }
  }
  let key: string | undefined;
  let keyProblem: KeyProblem;
  if (keyBytes?.length) {
    key = utf8(keyBytes);
    if (key === undefined) {
      keyProblem = 'invalid-utf8';
      key = keyBytes.toString('latin1');
    } else if (key.includes('\0')) keyProblem = 'nul';
  }
  const level: Level = bucketName === undefined ? 'service' : key === undefined ? 'bucket' : 'object';
  return { tenant, bucketName, key, level, keyProblem };
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
      // A NUL in the key stops RGW before it has even chosen its response format: JSON, no BucketName.
      if (path.keyProblem === 'nul') throw new JsonError('InvalidRequest');
      preChecks(ctx, chosen);
      ctx.bucket = path.bucketName;
      // RGW validates the object name right after authentication, before it loads the bucket.
      if (path.keyProblem === 'invalid-utf8' || (path.key !== undefined && Buffer.byteLength(path.key) > 1024)) throw new GatewayError('InvalidObjectName');
      const row = S3_OPERATIONS[chosen];
      const request: S3Request = { ctx, tenant: path.tenant, bucketName: path.bucketName, key: path.key, action: row.action };
      await row.handler(request);
    },
    renderError: (ctx, err) => renderS3Error(ctx, err),
  };
}
