// Buffer a small request body (form parameters, Admin Ops, reference endpoints) up to a limit. Over the limit
// the body is still read to its end, so the answer reaches a client that is still sending (stopping early
// would reset the connection under it); the caller decides what an oversized body means.
import type { IncomingMessage } from 'node:http';

/** The body, or undefined when it is larger than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.once('error', reject);
  });
}
