// A body passes through untouched while the first `keep` bytes are copied aside and the total is counted.
// Only the copy is bounded memory: a 5 GiB upload costs `keep` bytes, whatever its size.
import { Transform } from 'node:stream';

export class BodyCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes seen so far (the whole body once `ended`). */
  total = 0;
  ended = false;

  constructor(readonly keep: number) {}

  observe(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.keep) return;
    const part = chunk.subarray(0, this.keep - this.kept);
    // A copy: the chunk's buffer may be pooled and reused by the stream after this call.
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
  }

  /** The bytes kept (at most `keep`). */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A pass-through stream that feeds `capture`; pipe a body through it and read the other end. */
export function tapStream(capture: BodyCapture): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      capture.observe(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      capture.ended = true;
      cb();
    },
  });
}
