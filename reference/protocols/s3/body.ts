// Small XML/JSON bodies of S3 control operations (CreateBucket configuration, Delete, CompleteMultipartUpload,
// ACLs, policies, versioning), read whole up to rgw_max_put_param_size (1 MiB). RGW's
// rgw_rest_read_all_input answers a longer body with ERANGE, which S3 renders 416 InvalidRange (probed).
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';

const LIMIT = 1024 * 1024;

export async function readSmallBody(ctx: RequestContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.body() as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT) throw new GatewayError('InvalidRange');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text; undefined when it is not valid UTF-8. */
export function utf8(body: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}
