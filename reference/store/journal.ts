// An append-only journal of commit groups. Each record is one line: "<byte length> <crc32 hex> <json>\n", the
// JSON being the group's mutations. A record is acknowledged only after the file is fsynced; on replay, the
// first record whose length or CRC does not check out (a torn tail from a crash mid-write) ends the log and is
// cut off, so a crash can lose only writes that were never acknowledged.
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from './crc32.js';
import type { Mutation } from './store.js';

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

export function encodeRecord(mutations: Mutation[]): Buffer {
  const json = Buffer.from(JSON.stringify(mutations), 'utf8');
  return Buffer.concat([Buffer.from(`${json.length} ${hex8(crc32(json))} `, 'ascii'), json, Buffer.from('\n')]);
}

/** Decode every whole, intact record; `validBytes` is where the good prefix ends. */
export function decodeRecords(data: Buffer): { records: Mutation[][]; validBytes: number } {
  const records: Mutation[][] = [];
  let pos = 0;
  while (pos < data.length) {
    const sp1 = data.indexOf(0x20, pos);
    if (sp1 < 0 || sp1 - pos > 12) break;
    const lenText = data.subarray(pos, sp1).toString('ascii');
    if (!/^\d+$/.test(lenText)) break;
    const len = Number(lenText);
    const sp2 = sp1 + 9;
    if (data[sp2] !== 0x20) break;
    const crc = data.subarray(sp1 + 1, sp2).toString('ascii');
    const start = sp2 + 1;
    const end = start + len;
    if (end + 1 > data.length || data[end] !== 0x0a) break;
    const json = data.subarray(start, end);
    if (hex8(crc32(json)) !== crc) break;
    try {
      records.push(JSON.parse(json.toString('utf8')) as Mutation[]);
    } catch {
      break;
    }
    pos = end + 1;
  }
  return { records, validBytes: pos };
}

interface Pending {
  buf: Buffer;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: appends queued while a write is in flight (or in the same tick) share one write and one
 * fdatasync. If a write or sync fails the journal cuts itself back to its last durable length; if even that
 * fails it refuses every later append, because a record after a torn one would be dropped on replay.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private broken: unknown = null;
  private syncCount = 0;

  private constructor(
    private readonly fh: FileHandle,
    private size: number,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    const fh = await open(path, 'a');
    const { size } = await fh.stat();
    return new JournalWriter(fh, size);
  }

  get bytes(): number {
    return this.size;
  }

  /** fdatasync calls so far: fewer than appends when group commit works. */
  get syncs(): number {
    return this.syncCount;
  }

  append(mutations: Mutation[]): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
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
        await this.writeBatch(batch);
      }
      this.flushing = null;
    })();
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (this.broken) {
      for (const b of batch) b.reject(this.broken);
      return;
    }
    const buf = Buffer.concat(batch.map((b) => b.buf));
    try {
      for (let off = 0; off < buf.length; ) off += (await this.fh.write(buf, off, buf.length - off)).bytesWritten;
      await this.fh.datasync();
      this.syncCount++;
      this.size += buf.length;
      for (const b of batch) b.resolve();
    } catch (err) {
      try {
        await this.fh.truncate(this.size);
        await this.fh.datasync();
      } catch {
        this.broken = err;
      }
      for (const b of batch) b.reject(err);
    }
  }

  /** Wait until everything appended so far is durable (or refused). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.fh.close();
  }
}
