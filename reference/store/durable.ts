// The durable store (--data-dir): tables in memory, made durable by a snapshot (snapshot.ts) plus an
// append-only journal of commit groups (journal.ts), and object bodies as fsynced files (blobs.ts). On open:
// load the snapshot, replay the journal's intact prefix (cutting off a torn tail), compact into a new snapshot,
// and delete blob files no row references (bodies whose request died before its commit was acknowledged).
// Design and the argument for it: README.md beside this file.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { FileBlobStore } from './blobs.js';
import { fsyncDir } from './fsync.js';
import { decodeRecords, JournalWriter } from './journal.js';
import { lockDataDir } from './lock.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import type { ListOptions, Mutation, Store } from './store.js';
import { Tables } from './tables.js';

export interface DurableOptions {
  /** Journal size that triggers a compaction into a new snapshot. */
  compactBytes?: number;
}

const COMPACT_BYTES = 32 * 1024 * 1024;

export class DurableStore implements Store {
  private compacting: Promise<void> | null = null;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly dir: string,
    private readonly tables: Tables,
    readonly blobs: FileBlobStore,
    private journal: JournalWriter,
    private readonly unlock: () => Promise<void>,
    private readonly compactBytes: number,
  ) {}

  static async open(dir: string, options: DurableOptions = {}): Promise<DurableStore> {
    await mkdir(dir, { recursive: true });
    const unlock = await lockDataDir(join(dir, 'LOCK'));
    try {
      const tables = new Tables();
      const snapshot = join(dir, 'snapshot.jsonl');
      if (existsSync(snapshot)) await readSnapshot(snapshot, (row) => tables.apply([row]));
      const journalPath = join(dir, 'journal.log');
      if (existsSync(journalPath)) {
        const data = await readFile(journalPath);
        const { records, validBytes } = decodeRecords(data);
        for (const r of records) tables.apply(r);
        // Compact now: the snapshot takes in the replayed groups, so the torn tail can go with the rest.
        if (records.length || validBytes < data.length) {
          await writeSnapshot(snapshot, tables.entries());
          await truncate(journalPath, 0);
        }
      }
      const blobs = new FileBlobStore(join(dir, 'blobs'), true);
      await blobs.init();
      const journal = await JournalWriter.open(journalPath);
      await fsyncDir(dir); // the journal file's own directory entry
      const store = new DurableStore(dir, tables, blobs, journal, unlock, options.compactBytes ?? COMPACT_BYTES);
      await store.removeOrphanBlobs();
      return store;
    } catch (err) {
      await unlock();
      throw err;
    }
  }

  /** Blob files no row points at: written by a request that died before its commit, or released but not yet deleted. */
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

  /** Journal fsyncs since the journal was last started (observability for tests and bench). */
  get journalSyncs(): number {
    return this.journal.syncs;
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
    if (this.closed) throw new Error('store is closed');
    this.tables.apply(mutations);
    // During a compaction the group may or may not be in the snapshot; appending it to the new journal
    // afterwards is safe because mutations are whole-value puts and deletes replayed in order.
    while (this.compacting) await this.compacting;
    await this.journal.append(mutations);
    if (this.journal.bytes > this.compactBytes && !this.compacting) {
      this.compacting = this.compact().finally(() => (this.compacting = null));
    }
  }

  /** Snapshot everything applied so far, then start an empty journal. */
  private async compact(): Promise<void> {
    const old = this.journal;
    await old.drain();
    await writeSnapshot(join(this.dir, 'snapshot.jsonl'), this.tables.entries());
    const fresh = join(this.dir, 'journal.next');
    await (await open(fresh, 'w')).close();
    await rename(fresh, join(this.dir, 'journal.log'));
    await fsyncDir(this.dir);
    this.journal = await JournalWriter.open(join(this.dir, 'journal.log'));
    await old.close();
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      while (this.compacting) await this.compacting;
      await this.journal.close();
      await this.unlock();
    })();
    return this.closed;
  }
}
