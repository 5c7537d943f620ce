// An append-only journal of commit groups. Each record is one line: "<byte length> <crc32 hex> <json>\n", the
// JSON being the group's mutations. A record is acknowledged only after the file is fsynced; on replay, the
// first record whose length or CRC does not check out (a torn tail from a crash mid-write) ends the log and is
// cut off, so a crash can lose only writes that were never acknowledged.
import { crc32 } from 'node:zlib';
import { open, type FileHandle } from 'node:fs/promises';
import type { Mutation } from './store.js';

export function encodeRecord(mutations: Mutation[]): Buffer {
  const json = Buffer.from(JSON.stringify(mutations), 'utf8');
  return Buffer.concat([Buffer.from(`${json.length} ${crc32(json).toString(16).padStart(8, '0')} `, 'ascii'), json, Buffer.from('\n')]);
}

/** Decode every whole, intact record; `validBytes` is where the good prefix ends. */
export function decodeRecords(data: Buffer): { records: Mutation[][]; validBytes: number } {
  const records: Mutation[][] = [];
  let pos = 0;
  while (pos < data.length) {
    const sp1 = data.indexOf(0x20, pos);
    if (sp1 < 0 || sp1 - pos > 12) break;
    const len = Number(data.subarray(pos, sp1).toString('ascii'));
    const sp2 = sp1 + 9;
    if (!Number.isInteger(len) || len < 0 || data[sp2] !== 0x20) break;
    const crc = data.subarray(sp1 + 1, sp2).toString('ascii');
    const start = sp2 + 1;
    const end = start + len;
    if (end + 1 > data.length || data[end] !== 0x0a) break;
    const json = data.subarray(start, end);
    if (crc32(json).toString(16).padStart(8, '0') !== crc) break;
    try {
      records.push(JSON.parse(json.toString('utf8')) as Mutation[]);
    } catch {
      break;
    }
    pos = end + 1;
  }
  return { records, validBytes: pos };
}

/** Group commit: appends queued in the same tick share one write and one fsync. */
export class JournalWriter {
  private queue: { buf: Buffer; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private size: number;

  private constructor(
    private fh: FileHandle,
    initialSize: number,
  ) {
    this.size = initialSize;
  }

  static async open(path: string): Promise<JournalWriter> {
    const fh = await open(path, 'a');
    const { size } = await fh.stat();
    return new JournalWriter(fh, size);
  }

  get bytes(): number {
    return this.size;
  }

  append(mutations: Mutation[]): Promise<void> {
    const buf = encodeRecord(mutations);
    const done = new Promise<void>((resolve, reject) => this.queue.push({ buf, resolve, reject }));
    this.schedule();
    return done;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      await new Promise((r) => setImmediate(r));
      while (this.queue.length) {
        const batch = this.queue;
        this.queue = [];
        try {
          const buf = Buffer.concat(batch.map((b) => b.buf));
          await this.fh.write(buf);
          await this.fh.datasync();
          this.size += buf.length;
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
      this.flushing = null;
    })();
  }

  /** Wait until everything appended so far is durable. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.fh.close();
  }
}
