// One gateway per data directory: two writers appending to one journal would corrupt it. The lock is a file
// holding the owner's pid; a lock left by a process that no longer runs (kill -9) is taken over.
import { open, readFile, unlink, writeFile } from 'node:fs/promises';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(path: string): Promise<() => Promise<void>> {
  try {
    const fh = await open(path, 'wx');
    await fh.writeFile(String(process.pid));
    await fh.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
      throw new DataDirLockedError(`data directory is in use by process ${holder} (${path})`);
    }
    await writeFile(path, String(process.pid));
  }
  return () => unlink(path).catch(() => {});
}
