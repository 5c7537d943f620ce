// `run --record`: one scenario run twice through the recording transport against the reference gateway.
// Every secret the runs used is absent from every file; the two recordings are byte-identical (volatile
// values normalised); files are named per step.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import t from 'tap';
import { createRecordingTransport } from '../../harness/proxy/index.js';
import type { ScenarioContext } from '../../harness/run/context.js';
import { runScenarios } from '../../harness/run/runner.js';
import type { Transport } from '../../harness/run/scenario.js';
import { loadScenarioFile } from '../../harness/scenario/load.js';
import { startReferenceTarget } from '../../harness/targets/reference.js';
import { explainResult } from '../harness/explain-result.js';

const SCENARIO = new URL('./fixtures/recorded.yaml', import.meta.url).pathname;

async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

/** Every secret value a scenario context knew: admin and user keys, and secret fields of step outputs. */
function secretsOf(ctx: ScenarioContext): string[] {
  const found = [ctx.target.admin.secretAccessKey];
  for (const u of ctx.users.values()) found.push(u.credentials.secretAccessKey);
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && /^(SecretAccessKey|SessionToken|secret_key)$/.test(k)) found.push(x);
      else walk(x);
    }
  };
  for (const o of ctx.stepOutputs.values()) walk(o);
  return found;
}

t.test('recordings: per step, no secret, identical across runs', async (t) => {
  const target = await startReferenceTarget();
  t.teardown(() => target.close());
  const scenario = await loadScenarioFile(SCENARIO);
  const root = t.testdir({ a: {}, b: {} });
  const dirs = [join(root, 'a'), join(root, 'b')];
  const contexts: ScenarioContext[] = [];
  for (const dir of dirs) {
    const inner = createRecordingTransport({ dir });
    // Keep each run's context: it holds every secret the run used, to scan the files for.
    const transport: Transport = { open: (info) => (contexts.push(info.ctx), inner.open(info)) };
    const run = await runScenarios([scenario], target, { transport });
    t.equal(run.scenarios[0]!.status, 'passed', explainResult(run.scenarios[0]!));
  }

  const [a, b] = await Promise.all(dirs.map(tree));
  t.same([...a.keys()].sort(), [
    'proxy/recorded/00-setup.http', 'proxy/recorded/01-key.http', 'proxy/recorded/02-iamkey.http', 'proxy/recorded/03-role.http',
    'proxy/recorded/04-iam-PutRolePolicy.http', 'proxy/recorded/05-assume.http', 'proxy/recorded/06-s3-GetObject.http',
    'proxy/recorded/07-s3-PutObject.http', 'proxy/recorded/08-upload.http', 'proxy/recorded/09-s3-AbortMultipartUpload.http',
    'proxy/recorded/10-teardown.http',
  ]);
  // Admin Ops lists a user's keys sorted by the (random) key id, so which placeholder number lands first in a key
  // list differs between runs; everything else must be identical byte for byte.
  const keysUnnumbered = (s: string | undefined): string | undefined => s?.replace(/<access-key-\d+>/g, '<access-key>');
  for (const [file, text] of a) t.equal(keysUnnumbered(b.get(file)), keysUnnumbered(text), `${file} is identical in both runs`);

  const secrets = contexts.flatMap(secretsOf);
  t.ok(secrets.length >= 12, `${secrets.length} secrets known (admin, users, keys, STS credentials)`);
  const all = [...a.values(), ...b.values()].join('\n');
  for (const s of secrets) t.notOk(all.includes(s), `secret ${s.slice(0, 4)}… is in no file`);
  t.notMatch(all, /[0-9a-f]{64}/, 'no signature or payload hash');
  t.notMatch(all, /RGW\d{17}/, 'account ids are placeholders');
  for (const ctx of contexts) t.notOk(all.includes(ctx.runId), 'run-unique names are logical');

  // What the reader sees instead.
  const assume = a.get('proxy/recorded/05-assume.http')!;
  t.match(assume, /^### step 5 "assume": sts AssumeRole as team\/svc \(attempt 1\)\nPOST \/\n/);
  t.match(assume, /RoleArn=arn:aws:iam::<account-id-1>:role\/reader/);
  t.match(assume, /<SecretAccessKey>\[REDACTED\]<\/SecretAccessKey>\n<SessionToken>\[REDACTED\]<\/SessionToken>/);
  t.match(assume, /<Expiration><date><\/Expiration>/);
  t.match(a.get('proxy/recorded/01-key.http')!, /"secret_key": "\[REDACTED\]"/);
  t.match(a.get('proxy/recorded/02-iamkey.http')!, /<SecretAccessKey>\[REDACTED\]/);
  t.match(a.get('proxy/recorded/06-s3-GetObject.http')!, /x-amz-security-token: \[REDACTED\]\n[\s\S]*\n\nhello\n/);
  t.match(a.get('proxy/recorded/09-s3-AbortMultipartUpload.http')!, /uploadId=<upload-id-1>/);
  t.match(a.get('proxy/recorded/00-setup.http')!, /authorization: AWS4-HMAC-SHA256 Credential=<access-key-1>\/<date>\/default\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=\[REDACTED\]/);
});
