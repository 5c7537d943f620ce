// aws-chunked request bodies (x-amz-content-sha256: STREAMING-*): each chunk is "<hex size>[;chunk-signature=
// <sig>]\r\n<data>\r\n", ending with a zero-size chunk and optional trailers. Signed variants chain every chunk's
// signature to the previous one, starting from the request's seed signature. Data streams out as it arrives;
// a bad chunk signature or framing fails the stream, so nothing is stored.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { GatewayError } from '../errors.js';
import { EMPTY_SHA256 } from './payload.js';
import { hmac } from './sha256.js';

export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

export function isChunked(contentSha256: string): boolean {
  return contentSha256 === STREAMING_SIGNED || contentSha256 === STREAMING_SIGNED_TRAILER || contentSha256 === STREAMING_UNSIGNED_TRAILER;
}

export interface ChunkSigning {
  signingKey: Uint8Array;
  scope: string;
  amzDate: string;
  seedSignature: string;
}

const MAX_HEADER_LINE = 4096;

export function decodeChunked(source: Readable, mode: string, signing: ChunkSigning): Readable {
  const signed = mode !== STREAMING_UNSIGNED_TRAILER;
  let buf: Buffer = Buffer.alloc(0);
  let state: 'header' | 'data' | 'data-crlf' | 'trailer' | 'done' = 'header';
  let remaining = 0;
  let chunkSig = '';
  let prevSig = signing.seedSignature;
  let chunkHash = createHash('sha256');

  const verifyChunk = (): void => {
    if (!signed) return;
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', signing.amzDate, signing.scope, prevSig, EMPTY_SHA256, chunkHash.digest('hex')].join('\n');
    const expected = hmac(signing.signingKey, stringToSign).toString('hex');
    const a = Buffer.from(expected);
    const b = Buffer.from(chunkSig);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new GatewayError('SignatureDoesNotMatch');
    prevSig = chunkSig;
  };

  const decoder = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      try {
        for (;;) {
          if (state === 'header') {
            const nl = buf.indexOf('\r\n');
            if (nl < 0) {
              if (buf.length > MAX_HEADER_LINE) throw new GatewayError('IncompleteBody');
              break;
            }
            const line = buf.subarray(0, nl).toString('latin1');
            buf = buf.subarray(nl + 2);
            const [sizeHex, ...exts] = line.split(';');
            if (!/^[0-9a-fA-F]+$/.test(sizeHex ?? '')) throw new GatewayError('IncompleteBody');
            remaining = parseInt(sizeHex!, 16);
            const sigExt = exts.find((e) => e.startsWith('chunk-signature='));
            chunkSig = sigExt ? sigExt.slice('chunk-signature='.length) : '';
            if (signed && !chunkSig) throw new GatewayError('SignatureDoesNotMatch');
            chunkHash = createHash('sha256');
            if (remaining === 0) {
              verifyChunk();
              state = 'trailer';
              continue;
            }
            state = 'data';
          } else if (state === 'data') {
            if (!buf.length) break;
            const take = Math.min(remaining, buf.length);
            const data = buf.subarray(0, take);
            buf = buf.subarray(take);
            remaining -= take;
            if (signed) chunkHash.update(data);
            this.push(data);
            if (remaining === 0) state = 'data-crlf';
          } else if (state === 'data-crlf') {
            if (buf.length < 2) break;
            if (buf[0] !== 13 || buf[1] !== 10) throw new GatewayError('IncompleteBody');
            buf = buf.subarray(2);
            verifyChunk();
            state = 'header';
          } else if (state === 'trailer') {
            // Trailing headers (x-amz-checksum-*, x-amz-trailer-signature) end with an empty line.
            const nl = buf.indexOf('\r\n');
            if (nl < 0) break;
            const line = buf.subarray(0, nl);
            buf = buf.subarray(nl + 2);
            if (line.length === 0) state = 'done';
          } else {
            buf = Buffer.alloc(0);
            break;
          }
        }
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      // A body may end right after the zero chunk's header line with no trailer terminator.
      cb(state === 'done' || (state === 'trailer' && buf.length === 0) ? null : new GatewayError('IncompleteBody'));
    },
  });
  source.on('error', (err) => decoder.destroy(err));
  return source.pipe(decoder);
}
