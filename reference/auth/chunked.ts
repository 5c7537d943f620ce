// aws-chunked request bodies: "<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n" ... "0[;...]\r\n", then trailer
// lines ("x-amz-checksum-crc32:...", "x-amz-trailer-signature:...") and an empty line. Data streams out as it
// arrives; any error fails the stream, so nothing gets stored. RGW 20.2.4's decoder, as probed
// (docs/rgw-behaviour/auth.md), which this reproduces:
// - x-amz-decoded-content-length is required (else InvalidArgument); exactly that many bytes make the object.
//   Without a trailer, reading stops once they are in: no zero chunk needed, anything after them ignored. Fewer: InvalidArgument when signed,
//   RequestTimeout (RGW waits for bytes that never come) when unsigned. More: XAmzContentSHA256Mismatch when
//   signed; unsigned bodies are cut at the declared length.
// - The size is the leading hex digits of the line (trailing junk ignored); none at all is InvalidArgument, as
//   is a missing CRLF after the data. Signed chunks need ";...=<64 chars>" (else InvalidArgument); unsigned
//   chunks may carry any extension.
// - A chunk's signature is checked when the next chunk starts: a bad one is 403 SignatureDoesNotMatch if more
//   data follows, 400 XAmzContentSHA256Mismatch if it was the last data chunk. The zero chunk's signature is
//   never checked. A bad x-amz-trailer-signature is SignatureDoesNotMatch.
import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import { GatewayError } from '../errors.js';
import { EMPTY_SHA256 } from './payload.js';
import { hmac, sha256Hex } from './sha256.js';

export interface ChunkSigning {
  signingKey: Uint8Array;
  scope: string;
  amzDate: string;
  seedSignature: string;
}

export interface ChunkedOptions {
  signed: boolean;
  trailer: boolean;
  decodedLength: number;
  /** Needed when signed. */
  signing?: ChunkSigning;
  /** Receives each trailer as it is read (lowercase name → value). */
  trailers: Record<string, string>;
}

const MAX_LINE = 4096;
const SIGNATURE_LENGTH = 64;
const CRLF = Buffer.from('\r\n');

/** x-amz-decoded-content-length as RGW accepts it. */
export function decodedLength(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value.trim())) throw new GatewayError('InvalidArgument');
  return Number(value.trim());
}

export function decodeChunked(options: ChunkedOptions): Transform {
  const { signed, decodedLength: total, trailers } = options;
  const signing = options.signing;
  if (signed && !signing) throw new Error('signed aws-chunked body without signing parameters');
  let buf: Buffer = Buffer.alloc(0);
  let state: 'header' | 'data' | 'data-crlf' | 'trailer' | 'done' = 'header';
  let emitted = 0;
  let remaining = 0;
  let prevSig = signing?.seedSignature ?? '';
  let chunkSig = '';
  let chunkHash: Hash | undefined;
  /** The current unsigned chunk runs past the declared length: the body ends where it reaches it. */
  let chunkCut = false;
  /** The data chunk read last, whose signature is checked when the next chunk (or the end) shows up. */
  let pending: { sig: string; hash: string } | undefined;
  let trailerSig: string | undefined;
  const trailerLines: string[] = [];

  const sign = (kind: string, hashHex: string): string =>
    hmac(signing!.signingKey, [kind, signing!.amzDate, signing!.scope, prevSig, hashHex].join('\n')).toString('hex');

  const settlePending = (moreData: boolean): void => {
    if (!pending) return;
    const expected = sign('AWS4-HMAC-SHA256-PAYLOAD', `${EMPTY_SHA256}\n${pending.hash}`);
    if (expected !== pending.sig) throw new GatewayError(moreData ? 'SignatureDoesNotMatch' : 'XAmzContentSHA256Mismatch');
    prevSig = pending.sig;
    pending = undefined;
  };

  const endTrailers = (): void => {
    state = 'done';
    if (!signed || !options.trailer) return;
    const canonical = [...trailerLines].sort().map((l) => `${l}\n`).join('');
    if (trailerSig === undefined || sign('AWS4-HMAC-SHA256-TRAILER', sha256Hex(canonical)) !== trailerSig) {
      throw new GatewayError('SignatureDoesNotMatch');
    }
  };

  const readLine = (): string | undefined => {
    const nl = buf.indexOf(CRLF);
    if (nl < 0) {
      if (buf.length > MAX_LINE) throw new GatewayError('InvalidArgument');
      return undefined;
    }
    const line = buf.subarray(0, nl).toString('latin1');
    buf = buf.subarray(nl + 2);
    return line;
  };

  const startChunk = (line: string): void => {
    const hex = /^[0-9a-fA-F]+/.exec(line);
    if (!hex) throw new GatewayError('InvalidArgument');
    const size = parseInt(hex[0], 16);
    if (signed) {
      const semi = line.indexOf(';');
      const eq = semi < 0 ? -1 : line.indexOf('=', semi);
      if (eq < 0 || line.length - eq - 1 !== SIGNATURE_LENGTH) throw new GatewayError('InvalidArgument');
      settlePending(size > 0);
      chunkSig = line.slice(eq + 1);
      chunkHash = createHash('sha256');
    }
    if (size === 0) {
      if (signed) prevSig = chunkSig; // never verified (RGW), but the trailer signature chains from it
      state = 'trailer';
      return;
    }
    if (emitted + size > total && signed) throw new GatewayError('XAmzContentSHA256Mismatch');
    chunkCut = size > total - emitted;
    remaining = Math.min(size, total - emitted);
    state = 'data';
  };

  const step = (push: (b: Buffer) => void): boolean => {
    switch (state) {
      case 'header': {
        const line = readLine();
        if (line === undefined) return false;
        startChunk(line);
        return true;
      }
      case 'data': {
        if (!buf.length) return false;
        const data = buf.subarray(0, Math.min(remaining, buf.length));
        buf = buf.subarray(data.length);
        remaining -= data.length;
        emitted += data.length;
        chunkHash?.update(data);
        push(data);
        if (remaining > 0) return true;
        if (chunkCut) state = 'done';
        else if (emitted === total && !options.trailer) {
          // RGW stops reading once the declared bytes are in (no trailer to wait for): whatever follows is
          // ignored, and the last chunk's signature is checked at the end.
          if (signed) pending = { sig: chunkSig, hash: chunkHash!.digest('hex') };
          state = 'done';
        } else state = 'data-crlf';
        return true;
      }
      case 'data-crlf': {
        if (buf.length < 2) return false;
        if (!buf.subarray(0, 2).equals(CRLF)) throw new GatewayError('InvalidArgument');
        buf = buf.subarray(2);
        if (signed) pending = { sig: chunkSig, hash: chunkHash!.digest('hex') };
        state = 'header';
        return true;
      }
      case 'trailer': {
        const line = readLine();
        if (line === undefined) return false;
        if (line === '') {
          endTrailers();
          return true;
        }
        const colon = line.indexOf(':');
        const name = (colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase();
        const value = colon < 0 ? '' : line.slice(colon + 1).trim();
        if (name === 'x-amz-trailer-signature') trailerSig = value;
        else {
          trailers[name] = value;
          trailerLines.push(`${name}:${value}`);
        }
        return true;
      }
      case 'done':
        buf = Buffer.alloc(0);
        return false;
    }
  };

  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      try {
        while (step((b) => this.push(b)));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      try {
        if (state === 'trailer') {
          if (buf.length) {
            buf = Buffer.concat([buf, CRLF]);
            while (step(() => {}));
          }
          if (state === 'trailer') endTrailers();
        }
        if (signed) settlePending(false);
        if (emitted < total) throw new GatewayError(signed ? 'InvalidArgument' : 'RequestTimeout');
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
