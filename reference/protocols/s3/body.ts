// Small XML bodies of S3 control operations (CreateBucket configuration, Delete, CompleteMultipartUpload,
// ACLs, policies), read whole with RGW's limit on their size.
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';

const LIMIT = 1024 * 1024;

export async function readSmallBody(ctx: RequestContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.body() as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT) throw new GatewayError('EntityTooLarge');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
