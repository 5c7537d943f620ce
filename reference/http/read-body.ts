// Buffer a small request body with a hard limit (RGW refuses larger parameter bodies).
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../errors.js';

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new GatewayError('EntityTooLarge');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
