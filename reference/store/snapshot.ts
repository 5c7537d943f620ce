// The snapshot: every row as one JSON line, between a header line and an "end <rows>" footer. It is written
// to a temp file, fsynced, renamed over the old one and the directory fsynced, so a crash leaves either the
// old or the new snapshot, never a mix; the footer catches anything else (a copy cut short, a damaged disk)
// instead of silently starting from half the state. Lines, not one JSON document, so size is not bounded by
// the largest string V8 can hold.
import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Mutation } from './store.js';
import { fsyncDir } from './fsync.js';

const HEADER = 'rgw-conformance snapshot v1';
const FLUSH_AT = 1024 * 1024;

export async function writeSnapshot(path: string, rows: Iterable<Mutation>): Promise<void> {
  const tmp = join(dirname(path), 'snapshot.tmp');
  const fh = await open(tmp, 'w');
  try {
    let pending: string[] = [`${HEADER}\n`];
    let pendingBytes = 0;
    let count = 0;
    const flush = async (): Promise<void> => {
      const buf = Buffer.from(pending.join(''), 'utf8');
      for (let off = 0; off < buf.length; ) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
      pending = [];
      pendingBytes = 0;
    };
    for (const row of rows) {
      const line = `${JSON.stringify(row)}\n`;
      pending.push(line);
      pendingBytes += line.length;
      count++;
      if (pendingBytes >= FLUSH_AT) await flush();
    }
    pending.push(`end ${count}\n`);
    await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}

export class CorruptSnapshotError extends Error {
  override name = 'CorruptSnapshotError';
}

/** Feed every row of the snapshot to `apply`; throws CorruptSnapshotError unless the file is whole. */
export async function readSnapshot(path: string, apply: (row: Mutation) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let first = true;
  let count = 0;
  let ended = false;
  for await (const line of lines) {
    if (first) {
      if (line !== HEADER) throw new CorruptSnapshotError(`${path}: not a snapshot`);
      first = false;
    } else if (ended) {
      throw new CorruptSnapshotError(`${path}: data after the end line`);
    } else if (line.startsWith('end ')) {
      if (Number(line.slice(4)) !== count) throw new CorruptSnapshotError(`${path}: ${count} rows, footer says ${line.slice(4)}`);
      ended = true;
    } else {
      let row: Mutation;
      try {
        row = JSON.parse(line) as Mutation;
      } catch {
        throw new CorruptSnapshotError(`${path}: unreadable row after ${count} rows`);
      }
      apply(row);
      count++;
    }
  }
  if (!ended) throw new CorruptSnapshotError(`${path}: cut short after ${count} rows`);
}
