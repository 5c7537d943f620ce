// The store is a set of sorted key/value tables plus a blob store for object bodies. Mutations are applied to
// memory synchronously (so a request that checks a quota and then writes cannot race another request) and
// `commit` resolves once they are durable; a write is acknowledged only after that.
import type { Readable } from 'node:stream';

export interface Mutation {
  table: string;
  key: string;
  /** undefined deletes the key */
  value?: unknown;
}

export interface ListOptions {
  prefix?: string;
  /** start strictly after this key */
  after?: string;
  limit?: number;
}

export interface BlobInfo {
  id: string;
  size: number;
  md5: string; // hex
}

export interface BlobStore {
  /** Streams `body` to a new blob; never buffers it whole. Rejects (and leaves nothing) if the stream errors. */
  write(body: Readable): Promise<BlobInfo>;
  /** Inclusive byte range, as in HTTP Range. */
  read(id: string, range?: { start: number; end: number }): Readable;
  /** Concatenate blobs into a new one (multipart completion). */
  concat(ids: string[]): Promise<BlobInfo>;
  delete(id: string): Promise<void>;
}

export interface Store {
  get<T>(table: string, key: string): T | undefined;
  /** Sorted by key (UTF-16 order of the key strings). */
  list<T>(table: string, options?: ListOptions): Array<[string, T]>;
  count(table: string, prefix?: string): number;
  /** Applies now, atomically as a group; resolves when durable. */
  commit(mutations: Mutation[]): Promise<void>;
  readonly blobs: BlobStore;
  close(): Promise<void>;
}
