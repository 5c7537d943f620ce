// DurableStore on disk: a reopen sees every committed group; a torn journal tail is dropped and the rest kept;
// compaction keeps the state; bodies no row references are removed on open; one process per directory.
import t from 'tap';
import { appendFile, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DurableStore } from '../../reference/store/durable.js';
import { DataDirLockedError } from '../../reference/store/lock.js';
import { CorruptSnapshotError } from '../../reference/store/snapshot.js';

const rows = (s: DurableStore): unknown => s.list('t');
const body = (text: string): Readable => Readable.from([Buffer.from(text)]);
const blobFiles = async (dir: string): Promise<string[]> => {
  const root = join(dir, 'blobs');
  const out: string[] = [];
  for (const sub of await readdir(root)) if (sub !== 'tmp') out.push(...(await readdir(join(root, sub))));
  return out.sort();
};

t.test('reopen replays every committed group, deletes included', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir);
  await a.commit([{ table: 't', key: 'x', value: 1 }, { table: 't', key: 'y', value: { deep: [1, 2] } }]);
  await Promise.all([a.commit([{ table: 't', key: 'z', value: 'zz' }]), a.commit([{ table: 't', key: 'x' }])]);
  await a.close();
  const b = await DurableStore.open(dir);
  t.same(rows(b), [['y', { deep: [1, 2] }], ['z', 'zz']]);
  await b.commit([{ table: 't', key: 'w', value: true }]);
  await b.close();
  const c = await DurableStore.open(dir);
  t.same(rows(c), [['w', true], ['y', { deep: [1, 2] }], ['z', 'zz']], 'state survives a second restart');
  await c.close();
});

t.test('a torn journal tail is cut off, earlier groups stay', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir);
  await a.commit([{ table: 't', key: 'kept', value: 1 }]);
  await a.close();
  // Append a record cut off in the middle, as a crash during write() leaves it (the lock is stale by now).
  await appendFile(join(dir, 'journal.log'), '57 0badc0de [{"table":"t","key":"lost","val');
  const b = await DurableStore.open(dir);
  t.same(rows(b), [['kept', 1]]);
  t.equal((await stat(join(dir, 'journal.log'))).size, 0, 'replayed into the snapshot, journal restarted');
  await b.commit([{ table: 't', key: 'after', value: 2 }]);
  await b.close();
  const c = await DurableStore.open(dir);
  t.same(rows(c), [['after', 2], ['kept', 1]], 'a write after the cut is not lost behind the torn record');
  await c.close();
});

t.test('compaction: snapshot taken, journal restarted, state the same', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir, { compactBytes: 2000 });
  for (let i = 0; i < 100; i++) await a.commit([{ table: 't', key: `k${String(i).padStart(3, '0')}`, value: 'v'.repeat(50) }]);
  await a.commit([{ table: 't', key: 'k000' }]);
  const journalSize = (await stat(join(dir, 'journal.log'))).size;
  t.ok(journalSize < 3000, `journal compacted (${journalSize} bytes)`);
  const snapshot = await readFile(join(dir, 'snapshot.jsonl'), 'utf8');
  t.match(snapshot, /^rgw-conformance snapshot v1\n/);
  await a.close();
  const b = await DurableStore.open(dir);
  t.equal(b.count('t'), 99);
  t.notOk(b.get('t', 'k000'));
  t.equal(b.get('t', 'k099'), 'v'.repeat(50));
  await b.close();
});

t.test('a damaged snapshot refuses to open rather than start from half the state', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir, { compactBytes: 100 });
  for (let i = 0; i < 5; i++) await a.commit([{ table: 't', key: `k${i}`, value: i }]);
  await a.close();
  const path = join(dir, 'snapshot.jsonl');
  await truncate(path, (await stat(path)).size - 10);
  await t.rejects(DurableStore.open(dir), CorruptSnapshotError);
});

t.test('blobs no row references are removed on open; referenced ones stay', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir);
  const kept = await a.blobs.write(body('kept'));
  const orphan = await a.blobs.write(body('never committed'));
  await a.commit([{ table: 'objects', key: 'b/kept', value: { blob: kept.id } }]);
  await a.close();
  await writeFile(join(dir, 'blobs', 'tmp', 'half-written'), 'partial');
  t.same(await blobFiles(dir), [kept.id, orphan.id].sort());
  const b = await DurableStore.open(dir);
  t.same(await blobFiles(dir), [kept.id]);
  t.same(await readdir(join(dir, 'blobs', 'tmp')), [], 'temp files of interrupted uploads are gone');
  const chunks: Buffer[] = [];
  for await (const c of b.blobs.read(kept.id)) chunks.push(c as Buffer);
  t.equal(Buffer.concat(chunks).toString(), 'kept');
  await b.close();
});

t.test('one store per directory; a dead owner’s lock is taken over', async (t) => {
  const dir = t.testdir();
  const a = await DurableStore.open(dir);
  await t.rejects(DurableStore.open(dir), DataDirLockedError);
  await a.close();
  await writeFile(join(dir, 'LOCK'), '2147483646'); // no such process
  const b = await DurableStore.open(dir);
  t.equal(await readFile(join(dir, 'LOCK'), 'utf8'), String(process.pid));
  await b.close();
});
