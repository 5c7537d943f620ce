// Bodies stream through the proxy: a 50 MiB upload from a real S3 client passes through a proxy running in a
// child process whose peak resident memory (VmHWM) grows by far less than the body; the object arrives whole
// and the recording keeps only the first bytes. The child runs with a 1 MiB young generation so that freed
// chunks are collected promptly: growth then measures what the proxy holds, not how lazily V8 collects.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';

const SIZE = 50 * 1024 * 1024;
const MAX_GROWTH = 20 * 1024 * 1024;

type Reply = { memory?: { peak: number; rss: number }; closed?: boolean; files?: string[] };

t.test('a 50 MiB upload streams through with bounded memory', async (t) => {
  const f = await fixture(t);
  const dir = t.testdir();
  const child = fork(new URL('./fixtures/proxy-child.ts', import.meta.url).pathname, [f.gw.url, dir], {
    execArgv: ['--import', 'tsx', '--max-semi-space-size=1'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  t.teardown(() => void child.kill());
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { url } = JSON.parse(line.toString()) as { url: string };
  const ask = async (message: 'memory' | 'close'): Promise<Reply> => {
    child.send(message);
    for (;;) {
      const [r] = (await once(child, 'message')) as [Reply];
      if ((message === 'memory' && r.memory) || (message === 'close' && r.closed)) return r;
    }
  };

  const s3 = new S3Client({ endpoint: url, region: f.gw.region, credentials: f.gw.admin, forcePathStyle: true, maxAttempts: 1 });
  t.teardown(() => s3.destroy());
  await s3.send(new CreateBucketCommand({ Bucket: 'streaming' })); // also warms the proxy's code paths
  const before = (await ask('memory')).memory!;

  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= SIZE) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  await s3.send(new PutObjectCommand({ Bucket: 'streaming', Key: 'big', Body: body, ContentLength: SIZE }));
  const after = (await ask('memory')).memory!;
  const growth = after.peak - before.peak;
  t.ok(growth < MAX_GROWTH, `peak RSS grew by ${(growth / 1048576).toFixed(1)} MiB for a 50 MiB body (bound ${MAX_GROWTH / 1048576} MiB)`);

  const head = await s3.send(new HeadObjectCommand({ Bucket: 'streaming', Key: 'big' }));
  t.equal(head.ContentLength, SIZE, 'the whole body reached the target');
  const { files } = await ask('close');
  t.same(files, ['upload.http']);
  const recorded = join(dir, 'upload.http');
  t.ok((await stat(recorded)).size < 16 * 1024, 'the recording keeps only the first bytes of the body');
  t.match(await readFile(recorded, 'utf8'), /x-amz-decoded-content-length: 52428800\n[\s\S]*# … 5\d{7} bytes in all; the first 4096 recorded/);
});
