// The default store: tables in memory, blobs in a private temp directory removed on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore } from './blobs.js';
import type { ListOptions, Mutation, Store } from './store.js';
import { Tables } from './tables.js';

export class MemoryStore implements Store {
  private readonly tables = new Tables();
  private constructor(
    readonly blobs: FileBlobStore,
    private readonly dir: string,
  ) {}

  static async open(): Promise<MemoryStore> {
    const dir = await mkdtemp(join(tmpdir(), 'rgwc-'));
    const blobs = new FileBlobStore(dir, false);
    await blobs.init();
    return new MemoryStore(blobs, dir);
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
  }
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
