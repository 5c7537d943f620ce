// Payload integrity for S3 bodies: a hex x-amz-content-sha256 is checked as the body streams (RGW checks it at
// the end and refuses the request with XAmzContentSHA256Mismatch); aws-chunked bodies are decoded by chunked.ts.
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { GatewayError } from '../errors.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function verifyingHash(source: Readable, expectedHex: string): Readable {
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const actual = hash.digest('hex');
      cb(actual === expectedHex.toLowerCase() ? null : new GatewayError('XAmzContentSHA256Mismatch'));
    },
  });
  source.on('error', (err) => check.destroy(err));
  return source.pipe(check);
}
