// The journal's record format: whole records replay, a torn or damaged tail ends the log exactly where the last
// intact record ends, and group commit shares fsyncs.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecords, encodeRecord, JournalWriter } from '../../reference/store/journal.js';
import type { Mutation } from '../../reference/store/store.js';

const group = (i: number): Mutation[] => [
  { table: 'objects', key: `k${i}`, value: { n: i, text: 'ünïcødé ✓ \n "quoted"' } },
  { table: 'buckets', key: `b${i % 3}` },
];

t.test('records round-trip', async (t) => {
  const data = Buffer.concat([0, 1, 2].map((i) => encodeRecord(group(i))));
  const { records, validBytes } = decodeRecords(data);
  t.same(records, [0, 1, 2].map(group));
  t.equal(validBytes, data.length);
});

t.test('a tail torn at any byte drops only the torn record', async (t) => {
  const whole = Buffer.concat([encodeRecord(group(0)), encodeRecord(group(1))]);
  const firstEnd = encodeRecord(group(0)).length;
  for (let cut = firstEnd; cut < whole.length; cut++) {
    const { records, validBytes } = decodeRecords(whole.subarray(0, cut));
    if (records.length !== 1 || validBytes !== firstEnd) return t.fail(`cut at ${cut}: ${records.length} records, ${validBytes} bytes`);
  }
  t.pass('every cut keeps exactly the first record');
});

t.test('a flipped byte in a record ends the log there', async (t) => {
  const recs = [0, 1, 2].map((i) => encodeRecord(group(i)));
  const data = Buffer.concat(recs);
  const at = recs[0]!.length + 30; // inside the second record's JSON
  data[at] = data[at]! ^ 0x01;
  const { records, validBytes } = decodeRecords(data);
  t.same(records, [group(0)]);
  t.equal(validBytes, recs[0]!.length);
  t.same(decodeRecords(Buffer.from('garbage\n')).records, [], 'garbage is no record');
});

t.test('group commit: concurrent appends share fsyncs and all land in order', async (t) => {
  const path = join(t.testdir(), 'journal.log');
  const w = await JournalWriter.open(path);
  await Promise.all(Array.from({ length: 200 }, (_, i) => w.append(group(i))));
  t.ok(w.syncs < 20, `200 appends took ${w.syncs} fsyncs`);
  await w.append(group(200));
  await w.close();
  const { records } = decodeRecords(await readFile(path));
  t.same(records, Array.from({ length: 201 }, (_, i) => group(i)));
});
