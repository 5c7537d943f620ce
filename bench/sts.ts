// STS throughput, reference gateway vs real RGW side by side:
//   AssumeRole calls per second (one SigV4-signed POST replayed by autocannon, so the client signs nothing:
//   every call still mints new credentials), and small-object GET requests per second through presigned URLs
//   with static keys vs temporary credentials (X-Amz-Security-Token: the server opens the session token,
//   reloads the role and evaluates its policy on every request). Concurrency 16 for throughput, 1 for p50/p99.
// Usage: npx tsx bench/sts.ts [--seconds N]    (RGW column only when ../shared/rgw is running)
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AdminClient } from '../harness/admin-client.js';
import { printTable } from './lib/table.js';
import { realRgw, RGW_CREDS, rgwReachable, startReferenceProcess, type Target } from './lib/targets.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' } } });
const SECONDS = Number(values.seconds);
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

interface Setup {
  user: Creds;
  roleArn: string;
  bucket: string;
  cleanup(): Promise<void>;
}

async function iamCall(t: Target, creds: Creds, params: Record<string, string>, service = 'iam'): Promise<string> {
  const res = await fetch(t.endpoint + '/', await signedForm(t, creds, params, service));
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${params.Action}: ${res.status} ${body}`);
  return body;
}

async function signedForm(t: Target, creds: Creds, params: Record<string, string>, service: string): Promise<{ method: 'POST'; headers: Record<string, string>; body: string }> {
  const url = new URL(t.endpoint);
  const body = new URLSearchParams(params).toString();
  const req = { method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/', headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' }, body };
  const signed = await new SignatureV4({ service, region: t.region, credentials: creds, sha256: Sha256 }).sign(req);
  return { method: 'POST' as const, headers: signed.headers as Record<string, string>, body };
}

/** An account of its own (so nothing shared is touched): root, a user, a bucket, and a reader role. */
async function setUp(t: Target, admin: Creds): Promise<Setup> {
  const client = new AdminClient({ endpoint: t.endpoint, region: t.region, credentials: admin });
  const name = `sts-bench-${Date.now().toString(36)}`;
  const account = (await client.send('CreateAccount', { name })).output as { id: string };
  const key = (uid: string, extra: Record<string, string | boolean>): Promise<Creds> =>
    client.send('CreateUser', { uid, 'display-name': uid, 'account-id': account.id, ...extra } as never).then((r) => {
      const k = (r.output as { keys: { access_key: string; secret_key: string }[] }).keys[0]!;
      return { accessKeyId: k.access_key, secretAccessKey: k.secret_key };
    });
  const root = await key(`${name}-root`, { 'account-root': true });
  const user = await key(`${name}-user`, {});
  const bucket = name;
  const s3 = new S3Client({ endpoint: t.endpoint, region: t.region, credentials: root, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'small', Body: Buffer.alloc(1024, 'x') }));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.id}:root` }, Action: 'sts:AssumeRole' }] });
  const read = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }] });
  await iamCall(t, root, { Action: 'CreateRole', Version: '2010-05-08', RoleName: 'bench-reader', AssumeRolePolicyDocument: trust });
  await iamCall(t, root, { Action: 'PutRolePolicy', Version: '2010-05-08', RoleName: 'bench-reader', PolicyName: 'read', PolicyDocument: read });
  // The user reads the bucket with its static keys through the same kind of identity policy.
  await iamCall(t, root, { Action: 'PutUserPolicy', Version: '2010-05-08', UserName: `${name}-user`, PolicyName: 'read', PolicyDocument: read });
  return {
    user,
    roleArn: `arn:aws:iam::${account.id}:role/bench-reader`,
    bucket,
    async cleanup() {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'small' }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
      s3.destroy();
      await iamCall(t, root, { Action: 'DeleteRolePolicy', Version: '2010-05-08', RoleName: 'bench-reader', PolicyName: 'read' });
      await iamCall(t, root, { Action: 'DeleteRole', Version: '2010-05-08', RoleName: 'bench-reader' });
      for (const uid of [`${name}-user`, `${name}-root`]) await client.send('RemoveUser', { uid, 'purge-data': true } as never);
      await client.send('DeleteAccount', { id: account.id } as never);
      client.destroy();
    },
  };
}

async function cannon(opts: autocannon.Options): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const r = await autocannon(opts);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

async function measure(t: Target, admin: Creds): Promise<Record<string, number>> {
  const s = await setUp(t, admin);
  try {
    const assume = await signedForm(t, s.user, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: s.roleArn, RoleSessionName: 'bench' }, 'sts');
    const ar16 = await cannon({ url: t.endpoint + '/', connections: 16, duration: SECONDS, ...assume });
    const ar1 = await cannon({ url: t.endpoint + '/', connections: 1, duration: Math.max(2, SECONDS / 2), ...assume });
    const body = await (await fetch(t.endpoint + '/', assume)).text();
    const tag = (n: string): string => new RegExp(`<${n}>([^<]*)</${n}>`).exec(body)![1]!;
    const temp: Creds = { accessKeyId: tag('AccessKeyId'), secretAccessKey: tag('SecretAccessKey'), sessionToken: tag('SessionToken') };
    const url = async (c: Creds): Promise<string> => {
      const s3 = new S3Client({ endpoint: t.endpoint, region: t.region, credentials: c, forcePathStyle: true });
      const u = await getSignedUrl(s3, new GetObjectCommand({ Bucket: s.bucket, Key: 'small' }), { expiresIn: 3600 });
      s3.destroy();
      return u;
    };
    const staticUrl = await url(s.user);
    const tempUrl = await url(temp);
    const st16 = await cannon({ url: staticUrl, connections: 16, duration: SECONDS });
    const tp16 = await cannon({ url: tempUrl, connections: 16, duration: SECONDS });
    const st1 = await cannon({ url: staticUrl, connections: 1, duration: Math.max(2, SECONDS / 2) });
    const tp1 = await cannon({ url: tempUrl, connections: 1, duration: Math.max(2, SECONDS / 2) });
    return {
      assumeRps: ar16.rps,
      assumeP50: ar1.p50,
      assumeP99: ar1.p99,
      staticGetRps: st16.rps,
      tempGetRps: tp16.rps,
      staticGetP50: st1.p50,
      tempGetP50: tp1.p50,
      staticGetP99: st1.p99,
      tempGetP99: tp1.p99,
      errors: ar16.errors + ar1.errors + st16.errors + tp16.errors + st1.errors + tp1.errors,
    };
  } finally {
    await s.cleanup();
  }
}

const columns: { name: string; figures: Record<string, number> }[] = [];
const ref = await startReferenceProcess();
try {
  columns.push({ name: 'reference', figures: await measure(ref, ref.credentials) });
} finally {
  await ref.close();
}
const rgw = realRgw();
if (rgw && (await rgwReachable(rgw))) {
  const admin = (JSON.parse(readFileSync(RGW_CREDS, 'utf8')) as { admin: Creds }).admin;
  columns.push({ name: 'rgw 20.2.4', figures: await measure(rgw, admin) });
}
const rows: [string, string][] = [
  ['AssumeRole calls/s (c=16)', 'assumeRps'],
  ['AssumeRole p50 ms (c=1)', 'assumeP50'],
  ['AssumeRole p99 ms (c=1)', 'assumeP99'],
  ['GET 1 KiB req/s, static keys (c=16)', 'staticGetRps'],
  ['GET 1 KiB req/s, temporary credentials (c=16)', 'tempGetRps'],
  ['GET p50 ms, static / temporary (c=1)', 'p50'],
  ['GET p99 ms, static / temporary (c=1)', 'p99'],
  ['non-2xx or errors', 'errors'],
];
printTable(
  `STS benchmark (${SECONDS} s per figure; presigned/replayed requests driven by autocannon)`,
  ['', ...columns.map((c) => c.name)],
  rows.map(([label, key]) => [
    label,
    ...columns.map((c) => (key === 'p50' || key === 'p99' ? `${c.figures[`staticGet${key.toUpperCase()}`]} / ${c.figures[`tempGet${key.toUpperCase()}`]}` : c.figures[key]!)),
  ]),
);
