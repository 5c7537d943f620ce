// kill -9 during a stream of concurrent writes, twice: after each restart every acknowledged PUT is there byte
// for byte (or a later version of the same key, itself intact), every acknowledged DELETE stays deleted,
// every acknowledged user exists, and nothing listed is unreadable or corrupt.
import t, { type Test } from 'tap';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AdminClient } from '../../harness/admin-client.js';
import type { Creds } from '../fixtures/gateway.js';
import { startCliGateway, type Running } from '../cli/spawn.js';

const ADMIN = { accessKeyId: 'CRASHADMINKEY0000001', secretAccessKey: 'crash-admin-secret-0000000000000000000001' };
const BUCKET = 'crash';
const WORKERS = 12;

/** The body of version v of a key: self-describing, so a read shows which version it is and whether it is whole. */
function content(key: string, v: number): Buffer {
  const seed = createHash('sha256').update(`${key}#${v}`).digest();
  const size = v % 7 === 0 ? 600_000 : seed.readUInt32BE(0) % 20_000;
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = seed[i % 32]! ^ (i >> 5);
  return Buffer.concat([Buffer.from(`${key}#${v}#`), body]);
}

interface Ledger {
  acked: Map<string, number>; // key → highest acknowledged version
  deleted: Set<string>;
  users: string[];
}

async function storm(gw: Running, creds: Creds, ledger: Ledger, round: number, ackTarget: number): Promise<void> {
  const c = new S3Client({ endpoint: gw.url, region: 'default', forcePathStyle: true, credentials: creds, maxAttempts: 1 });
  const admin = new AdminClient({ endpoint: gw.url, credentials: ADMIN });
  let acks = 0;
  let stop = false;
  const next = new Map<string, number>();
  const worker = async (w: number): Promise<void> => {
    for (let j = 0; !stop; j++) {
      try {
        if (j % 9 === 4) {
          const key = `r${round}/w${w}/del${j}`;
          await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'doomed' }));
          await c.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
          if (!stop) ledger.deleted.add(key);
        } else if (j % 13 === 6) {
          const uid = `crash-r${round}-w${w}-u${j}`;
          await admin.send('CreateUser', { uid, 'display-name': uid });
          if (!stop) ledger.users.push(uid);
        } else {
          const key = `w${w}/k${j % 6}`; // keys are rewritten across rounds, so versions must only grow
          const v = (next.get(key) ?? (ledger.acked.get(key) ?? 0) + 1000 * round) + 1;
          next.set(key, v);
          const body = content(key, v);
          const stream = j % 2 === 0;
          await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: stream ? Readable.from([body]) : body, ContentLength: body.length }));
          if (!stop) ledger.acked.set(key, Math.max(ledger.acked.get(key) ?? 0, v));
        }
        if (!stop && ++acks >= ackTarget) stop = true;
      } catch {
        if (!stop) throw new Error('a write failed before the crash');
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  while (!stop) await new Promise((r) => setTimeout(r, 5));
  gw.child.kill('SIGKILL'); // mid-stream: other workers still have requests in flight
  await Promise.allSettled(workers);
  await gw.exited;
  c.destroy();
  admin.destroy();
}

async function verify(t: Test, gw: Running, creds: Creds, ledger: Ledger): Promise<void> {
  const c = new S3Client({ endpoint: gw.url, region: 'default', forcePathStyle: true, credentials: creds, maxAttempts: 1 });
  const admin = new AdminClient({ endpoint: gw.url, credentials: ADMIN });
  let bad = 0;
  const check = async (key: string, minVersion: number): Promise<void> => {
    const got = Buffer.from(await (await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());
    const m = /^([^#]+)#(\d+)#/.exec(got.subarray(0, 64).toString('latin1'));
    const v = m ? Number(m[2]) : -1;
    if (m?.[1] !== key || v < minVersion || !got.equals(content(key, v))) {
      bad++;
      t.fail(`${key}: want version >= ${minVersion} intact, got ${m ? `version ${v}` : 'garbage'} (${got.length} bytes)`);
    }
  };
  await Promise.all([...ledger.acked].map(([key, v]) => check(key, v)));
  const listed = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 1000 }));
  const keys = (listed.Contents ?? []).map((o) => o.Key!);
  for (const key of keys.filter((k) => !k.includes('/del') && !ledger.acked.has(k))) await check(key, 0); // unacknowledged but present: whole
  const resurrected = [...ledger.deleted].filter((k) => keys.includes(k));
  t.same(resurrected, [], 'acknowledged deletes stay deleted');
  t.equal(bad, 0, `${ledger.acked.size} acknowledged keys intact`);
  const missing: string[] = [];
  for (const uid of ledger.users) await admin.send('GetUserInfo', { uid }).catch(() => missing.push(uid));
  t.same(missing, [], `${ledger.users.length} acknowledged users exist`);
  c.destroy();
  admin.destroy();
}

t.test('kill -9 during concurrent PUTs loses no acknowledged write', async (t) => {
  const dir = t.testdir();
  const args = ['--port', '0', '--data-dir', dir, '--admin-access-key', ADMIN.accessKeyId, '--admin-secret-key', ADMIN.secretAccessKey];
  let gw = await startCliGateway(args);
  const admin = new AdminClient({ endpoint: gw.url, credentials: ADMIN });
  const out = (await admin.send('CreateUser', { uid: 'crash-writer', 'display-name': 'crash-writer' })).output as { keys: { access_key: string; secret_key: string }[] };
  admin.destroy();
  const creds = { accessKeyId: out.keys[0]!.access_key, secretAccessKey: out.keys[0]!.secret_key };
  const c = new S3Client({ endpoint: gw.url, region: 'default', forcePathStyle: true, credentials: creds, maxAttempts: 1 });
  await c.send(new CreateBucketCommand({ Bucket: BUCKET }));
  c.destroy();
  const ledger: Ledger = { acked: new Map(), deleted: new Set(), users: [] };
  for (const round of [1, 2]) {
    await storm(gw, creds, ledger, round, 120);
    gw = await startCliGateway(args);
    await t.test(`after crash ${round}`, (t) => verify(t, gw, creds, ledger));
  }
  await gw.stop();
});
