// Object bodies live in files, even for the in-memory store, so a 1 GiB upload is never held in memory.
// Writes go to a temp name and are renamed into place; with `durable` the file and directory are fsynced first.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fsyncDir } from './fsync.js';
import type { BlobInfo, BlobStore } from './store.js';

export class FileBlobStore implements BlobStore {
  constructor(
    private readonly dir: string,
    private readonly durable: boolean,
  ) {}

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    await rm(join(this.dir, 'tmp'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
  }

  private path(id: string): string {
    return join(this.dir, id.slice(0, 2), id);
  }

  async write(body: Readable): Promise<BlobInfo> {
    const id = randomUUID().replace(/-/g, '');
    const tmp = join(this.dir, 'tmp', id);
    const md5 = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        md5.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
      await this.place(tmp, id);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    return { id, size, md5: md5.digest('hex') };
  }

  private async place(tmp: string, id: string): Promise<void> {
    const final = this.path(id);
    const sub = join(this.dir, id.slice(0, 2));
    const created = await mkdir(sub, { recursive: true });
    if (this.durable) {
      const fh = await open(tmp, 'r');
      await fh.sync();
      await fh.close();
      if (created) await fsyncDir(this.dir); // a new fan-out directory is itself an entry to make durable
    }
    await rename(tmp, final);
    if (this.durable) await fsyncDir(sub);
  }

  read(id: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.path(id), range ? { start: range.start, end: range.end } : {});
  }

  async concat(ids: string[]): Promise<BlobInfo> {
    const id = randomUUID().replace(/-/g, '');
    const tmp = join(this.dir, 'tmp', id);
    const md5 = createHash('md5');
    let size = 0;
    const out = createWriteStream(tmp);
    try {
      for (const part of ids) {
        const meter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            md5.update(chunk);
            size += chunk.length;
            cb(null, chunk);
          },
        });
        await pipeline(this.read(part), meter, out, { end: false });
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      await this.place(tmp, id);
    } catch (err) {
      out.destroy();
      await unlink(tmp).catch(() => {});
      throw err;
    }
    return { id, size, md5: md5.digest('hex') };
  }

  async delete(id: string): Promise<void> {
    await unlink(this.path(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
