// Records what the real RGW answers to every malformed case into malformed.rgw.json, the expectations of
// malformed.test.ts. Run it against a live RGW (see ../shared/rgw/README.md):
//   node --import tsx suites/http/record-malformed.ts --write [/tmp/rgw/creds.json]
// It uses the creds file's classic user (bucket http-malformed), account root (IAM/STS cases) and admin user.
// Without --write it does nothing, so a test runner that picks up every file here cannot re-record by accident.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call } from '../auth/raw.js';
import { CASES, healthy, type Target } from './malformed-cases.js';

const args = process.argv.slice(2);
if (!args.includes('--write')) {
  process.stdout.write('usage: node --import tsx suites/http/record-malformed.ts --write [creds.json]\n');
  process.exit(0);
}

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}
const creds = JSON.parse(readFileSync(args.find((a) => a !== '--write') ?? '/tmp/rgw/creds.json', 'utf8')) as { endpoint: string; classic: Keys; root: Keys; admin: Keys; cephVersion: string };
const key = (k: Keys): Keys => ({ accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey });
const bucket = 'http-malformed';
const user = key(creds.classic);
await call(creds.endpoint, user, { method: 'PUT', path: `/${bucket}` });
await call(creds.endpoint, user, { method: 'PUT', path: `/${bucket}/obj`, body: 'hello' });
const upload = await call(creds.endpoint, user, { method: 'POST', path: `/${bucket}/mp`, query: { uploads: '' } });
const target: Target = { endpoint: creds.endpoint, creds: user, bucket, uploadId: /<UploadId>([^<]+)/.exec(upload.body)![1]!, accountRoot: key(creds.root), admin: key(creds.admin) };

const answers: Record<string, string> = {};
for (const c of CASES) {
  answers[c.name] = await c.run(target);
  process.stdout.write(`${c.name.padEnd(60)} ${answers[c.name]}\n`);
}
const health = await healthy(target);
if (health !== '200') throw new Error(`RGW unhealthy after the run: ${health}`);
const out = fileURLToPath(new URL('./malformed.rgw.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ recorded: new Date().toISOString().slice(0, 10), rgw: creds.cephVersion, answers }, null, 1)}\n`);
process.stdout.write(`${CASES.length} answers → ${out}\n`);
