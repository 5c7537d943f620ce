// S3 flexible checksums on upload, as RGW 20 checks them: only when the request names its algorithm
// (x-amz-sdk-checksum-algorithm or x-amz-checksum-algorithm, any case; an unknown name is InvalidArgument) and a
// value for that algorithm arrives, in an x-amz-checksum-<alg> header or in the aws-chunked trailer. A value that
// does not match the body (or is not even base64) is 400 BadDigest. A checksum header without an algorithm
// header is stored but never checked (all verified on RGW 20.2.4, docs/rgw-behaviour/auth.md).
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Transform } from 'node:stream';
import { header } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { crc32, crc32c, crc64nvme, type Digest } from './crc.js';

const hashDigest = (name: string) => (): Digest => {
  const h = createHash(name);
  return { update: (d) => void h.update(d), digest: () => h.digest() };
};

export const CHECKSUM_ALGORITHMS = {
  crc32,
  crc32c,
  crc64nvme,
  sha1: hashDigest('sha1'),
  sha256: hashDigest('sha256'),
} satisfies Record<string, () => Digest>;

export type ChecksumAlgorithm = keyof typeof CHECKSUM_ALGORITHMS;

export interface ChecksumPlan {
  algorithm: ChecksumAlgorithm;
  /** The x-amz-checksum-<alg> header, when the value is not in the trailer. */
  expected?: string;
}

function isAlgorithm(name: string): name is ChecksumAlgorithm {
  return Object.hasOwn(CHECKSUM_ALGORITHMS, name);
}

/** What to check for this request, or undefined when it names no algorithm. */
export function checksumPlan(headers: IncomingHttpHeaders): ChecksumPlan | undefined {
  const named = header(headers, 'x-amz-sdk-checksum-algorithm') ?? header(headers, 'x-amz-checksum-algorithm');
  if (named === undefined) return undefined;
  const algorithm = named.trim().toLowerCase();
  if (!isAlgorithm(algorithm)) throw new GatewayError('InvalidArgument');
  return { algorithm, expected: header(headers, `x-amz-checksum-${algorithm}`) };
}

/**
 * Pass the body through, computing the checksum; at the end compare it with the header value or, failing that,
 * the trailer value `trailers()` reports once the aws-chunked decoder has read it.
 */
export function checksumVerifier(plan: ChecksumPlan, trailers: () => Record<string, string>): Transform {
  const digest = CHECKSUM_ALGORITHMS[plan.algorithm]();
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      digest.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const expected = plan.expected ?? trailers()[`x-amz-checksum-${plan.algorithm}`];
      if (expected === undefined) return cb();
      cb(expected.trim() === digest.digest().toString('base64') ? null : new GatewayError('BadDigest'));
    },
  });
}
