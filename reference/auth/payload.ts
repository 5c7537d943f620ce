// What x-amz-content-sha256 promises about the body, and the check that holds the client to it. RGW 20.2.4
// (probed, docs/rgw-behaviour/auth.md):
// - UNSIGNED-PAYLOAD: nothing to check. So is the header's absence on S3 and Admin Ops requests (RGW then puts
//   UNSIGNED-PAYLOAD in the canonical request); IAM and STS requests without it sign the body's hash.
// - STREAMING-UNSIGNED-PAYLOAD (no -TRAILER) is taken as unsigned and NOT decoded: the aws-chunked framing is
//   stored as the object's data.
// - STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] and STREAMING-UNSIGNED-PAYLOAD-TRAILER: aws-chunked (chunked.ts).
// - STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD[-TRAILER] (SigV4a): 400 InvalidArgument.
// - Anything else is compared, as a string, with the lowercase hex SHA-256 of the body; a mismatch (uppercase
//   hex, garbage) is 400 XAmzContentSHA256Mismatch, immediately when there is no body (before any bucket or key
//   lookup), at the end of the body otherwise (so a PUT into a missing bucket is NoSuchBucket first).
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { GatewayError } from '../errors.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
const STREAMING_UNSIGNED_RAW = 'STREAMING-UNSIGNED-PAYLOAD';

export type PayloadMode =
  | { kind: 'unsigned' }
  | { kind: 'hash'; expected: string }
  | { kind: 'chunked'; signed: boolean; trailer: boolean };

export function payloadMode(declared: string | undefined): PayloadMode {
  if (declared === undefined || declared === UNSIGNED_PAYLOAD || declared === STREAMING_UNSIGNED_RAW) return { kind: 'unsigned' };
  if (declared === STREAMING_SIGNED) return { kind: 'chunked', signed: true, trailer: false };
  if (declared === STREAMING_SIGNED_TRAILER) return { kind: 'chunked', signed: true, trailer: true };
  if (declared === STREAMING_UNSIGNED_TRAILER) return { kind: 'chunked', signed: false, trailer: true };
  if (declared.startsWith('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD')) throw new GatewayError('InvalidArgument');
  return { kind: 'hash', expected: declared };
}

/** Check a body that is already in hand (or absent: the empty body). */
export function checkPayload(mode: PayloadMode, body: Buffer | undefined): void {
  if (mode.kind === 'unsigned') return;
  const actual = body?.length ? createHash('sha256').update(body).digest('hex') : EMPTY_SHA256;
  if (mode.kind === 'chunked' || mode.expected !== actual) throw new GatewayError('XAmzContentSHA256Mismatch');
}

/** Pass a streamed body through, failing it at the end if its SHA-256 is not the declared one. */
export function verifyingHash(expected: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      cb(hash.digest('hex') === expected ? null : new GatewayError('XAmzContentSHA256Mismatch'));
    },
  });
}
