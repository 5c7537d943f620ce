// Small-object GET/PUT throughput and latency, reference gateway vs real RGW, side by side.
//   presigned URLs driven by autocannon (concurrency 16 → requests/s; concurrency 1 → latency p50/p99),
//   the same operations through the real AWS SDK v3 client, the gateway's start-up time, and its RSS growth
//   during a 1 GiB streamed upload.
// Usage: npx tsx bench/s3-throughput.ts [--seconds N]   (RGW column only when ../shared/rgw is running)
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import autocannon from 'autocannon';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { printTable } from './lib/table.js';
import { realRgw, rgwReachable, rssKiB, startReferenceProcess, type Target } from './lib/targets.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, 'skip-1gib': { type: 'boolean' } } });
const SECONDS = Number(values.seconds);
const BODY = Buffer.alloc(1024, 'x');

function client(t: Target): S3Client {
  return new S3Client({ endpoint: t.endpoint, region: t.region, credentials: t.credentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
}

async function cannon(url: string, connections: number, method: 'GET' | 'PUT', seconds: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections, duration: seconds, method, body: method === 'PUT' ? BODY : undefined });
  const non2xx = r.non2xx + r.errors;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: non2xx };
}

async function sdkLoop(fn: () => Promise<unknown>, concurrency: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn();
        n++;
      }
    }),
  );
  return n / seconds;
}

interface Figures {
  [k: string]: number;
}

async function measure(t: Target): Promise<Figures> {
  const s3 = client(t);
  const bucket = `bench-${Date.now().toString(36)}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'small', Body: BODY }));
  const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'small' }), { expiresIn: 3600 });
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'small-put' }), { expiresIn: 3600 });
  const f: Figures = {};
  const g16 = await cannon(getUrl, 16, 'GET', SECONDS);
  const g1 = await cannon(getUrl, 1, 'GET', Math.max(3, SECONDS / 2));
  const p16 = await cannon(putUrl, 16, 'PUT', SECONDS);
  const p1 = await cannon(putUrl, 1, 'PUT', Math.max(3, SECONDS / 2));
  Object.assign(f, { getRps: g16.rps, getP50: g1.p50, getP99: g1.p99, putRps: p16.rps, putP50: p1.p50, putP99: p1.p99, errors: g16.errors + g1.errors + p16.errors + p1.errors });
  f.sdkGetRps = await sdkLoop(async () => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'small' }))).Body!.transformToByteArray(), 16, SECONDS / 2);
  f.sdkPutRps = await sdkLoop(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sdk-put', Body: BODY })), 16, SECONDS / 2);
  for (const Key of ['small', 'small-put', 'sdk-put']) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  s3.destroy();
  return f;
}

/** Stream 1 GiB through a presigned PUT and sample the gateway's RSS meanwhile. */
async function rssDuringUpload(t: Target & { pid?: number }): Promise<{ baseMiB: number; peakMiB: number; seconds: number }> {
  const s3 = client(t);
  const bucket = `bench-big-${Date.now().toString(36)}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'big' }), { expiresIn: 3600 }));
  const total = 1024 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const base = rssKiB(t.pid!);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rssKiB(t.pid!))), 50);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': String(total) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT 1 GiB: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    let sent = 0;
    Readable.from(
      (function* () {
        while (sent < total) {
          sent += chunk.length;
          yield chunk;
        }
      })(),
    ).pipe(req);
  });
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'big' }));
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  s3.destroy();
  return { baseMiB: base / 1024, peakMiB: peak / 1024, seconds };
}

async function main(): Promise<void> {
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) {
    const g = await startReferenceProcess();
    startups.push(g.startupMs);
    await g.close();
  }
  const ref = await startReferenceProcess();
  const results: Record<string, Figures> = {};
  try {
    results.reference = await measure(ref);
    if (!values['skip-1gib']) {
      const r = await rssDuringUpload(ref);
      printTable('Reference gateway: RSS during a 1 GiB streamed upload (presigned PUT)', ['RSS before MiB', 'RSS peak MiB', 'growth MiB', 'seconds', 'MiB/s'], [
        [r.baseMiB, r.peakMiB, r.peakMiB - r.baseMiB, r.seconds, 1024 / r.seconds],
      ]);
    }
  } finally {
    await ref.close();
  }
  const rgw = realRgw();
  if (rgw && (await rgwReachable(rgw))) results.rgw = await measure(rgw);
  else console.log('\n(real RGW not running: start ../shared/rgw/start.sh for the side-by-side column)');
  const names = Object.keys(results);
  const row = (label: string, key: string): (string | number)[] => [label, ...names.map((n) => results[n]![key]!)];
  printTable(`Small objects (1 KiB), ${SECONDS} s per figure`, ['figure', ...names], [
    row('presigned GET req/s (c=16)', 'getRps'),
    row('presigned GET p50 ms (c=1)', 'getP50'),
    row('presigned GET p99 ms (c=1)', 'getP99'),
    row('presigned PUT req/s (c=16)', 'putRps'),
    row('presigned PUT p50 ms (c=1)', 'putP50'),
    row('presigned PUT p99 ms (c=1)', 'putP99'),
    row('SDK GetObject req/s (c=16)', 'sdkGetRps'),
    row('SDK PutObject req/s (c=16)', 'sdkPutRps'),
    row('non-2xx / errors', 'errors'),
  ]);
  startups.sort((a, b) => a - b);
  printTable('Reference gateway start-up (spawn → "listening on" line), 5 runs', ['min ms', 'median ms', 'max ms'], [[startups[0]!, startups[2]!, startups[4]!]]);
}

await main();
