// The durable store (--data-dir): tables in memory, made durable by a snapshot plus an append-only journal of
// commit groups (journal.ts), and object bodies as fsynced files (blobs.ts). On open: load the snapshot,
// replay the journal's intact prefix (cutting off a torn tail), compact into a new snapshot, and delete blob
// files that no row references (bodies written by requests that died before their commit was acknowledged).
import { mkdir, open, readdir, readFile, rename, rm, truncate } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileBlobStore } from './blobs.js';
import { decodeRecords, JournalWriter } from './journal.js';
import type { ListOptions, Mutation, Store } from './store.js';
import { Tables } from './tables.js';

const COMPACT_BYTES = 32 * 1024 * 1024;

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  await fh.sync();
  await fh.close();
}

export class DurableStore implements Store {
  private compacting: Promise<void> | null = null;

  private constructor(
    private readonly dir: string,
    private readonly tables: Tables,
    readonly blobs: FileBlobStore,
    private journal: JournalWriter,
  ) {}

  static async open(dir: string): Promise<DurableStore> {
    await mkdir(dir, { recursive: true });
    const tables = new Tables();
    const snapshot = join(dir, 'snapshot.json');
    if (existsSync(snapshot)) tables.apply(JSON.parse(await readFile(snapshot, 'utf8')) as Mutation[]);
    const journalPath = join(dir, 'journal.log');
    if (existsSync(journalPath)) {
      const data = await readFile(journalPath);
      const { records, validBytes } = decodeRecords(data);
      for (const r of records) tables.apply(r);
      if (validBytes < data.length) await truncate(journalPath, validBytes);
    }
    const blobs = new FileBlobStore(join(dir, 'blobs'), true);
    await blobs.init();
    await writeSnapshot(dir, tables);
    if (existsSync(journalPath)) await truncate(journalPath, 0);
    const store = new DurableStore(dir, tables, blobs, await JournalWriter.open(journalPath));
    await store.removeOrphanBlobs();
    return store;
  }

  private async removeOrphanBlobs(): Promise<void> {
    const used = new Set<string>();
    for (const m of this.tables.entries()) {
      const blob = (m.value as { blob?: unknown } | undefined)?.blob;
      if (typeof blob === 'string') used.add(blob);
    }
    const root = join(this.dir, 'blobs');
    for (const sub of await readdir(root)) {
      if (sub === 'tmp') continue;
      for (const f of await readdir(join(root, sub))) if (!used.has(f)) await rm(join(root, sub, f), { force: true });
    }
  }

  get<T>(table: string, key: string): T | undefined {
    return this.tables.get<T>(table, key);
  }
  list<T>(table: string, options?: ListOptions): Array<[string, T]> {
    return this.tables.list<T>(table, options);
  }
  count(table: string, prefix?: string): number {
    return this.tables.count(table, prefix);
  }

  async commit(mutations: Mutation[]): Promise<void> {
    this.tables.apply(mutations);
    // During a compaction the group may or may not be in the snapshot; appending it to the new journal
    // afterwards is safe because mutations are whole-value puts and deletes replayed in order.
    if (this.compacting) await this.compacting;
    await this.journal.append(mutations);
    if (this.journal.bytes > COMPACT_BYTES && !this.compacting) {
      this.compacting = this.compact().finally(() => (this.compacting = null));
    }
  }

  /** Snapshot everything applied so far, then start an empty journal. */
  private async compact(): Promise<void> {
    const old = this.journal;
    await old.drain();
    await writeSnapshot(this.dir, this.tables);
    const fresh = join(this.dir, 'journal.next');
    await (await open(fresh, 'w')).close();
    await rename(fresh, join(this.dir, 'journal.log'));
    await fsyncDir(this.dir);
    this.journal = await JournalWriter.open(join(this.dir, 'journal.log'));
    await old.close();
  }

  async close(): Promise<void> {
    if (this.compacting) await this.compacting;
    await this.journal.close();
  }
}

/** Write the snapshot to a temp file, fsync, rename over the old one, fsync the directory. */
async function writeSnapshot(dir: string, tables: Tables): Promise<void> {
  const tmp = join(dir, 'snapshot.tmp');
  const fh = await open(tmp, 'w');
  await fh.write(JSON.stringify([...tables.entries()]));
  await fh.sync();
  await fh.close();
  await rename(tmp, join(dir, 'snapshot.json'));
  await fsyncDir(dir);
}
