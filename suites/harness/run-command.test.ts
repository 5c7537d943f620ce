// `rgw-conformance run`: usage, refusing malformed scenarios before anything runs, selection, exit codes,
// the summary naming the failing step's position, and reports written.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { runCommand } from '../../harness/cli/run.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const GOOD = `name: demo/deliberately-failing
tags: [demo]
steps:
  - name: RGW lists no buckets for anonymous, it does not deny
    as: anonymous
    s3: ListBuckets
    expect: { error: AccessDenied, status: 403 }
  - as: admin
    s3: ListBuckets
`;

t.test('--help prints usage and exits 0', async (t) => {
  const c = io();
  t.equal(await runCommand(['--help'], c.io), 0);
  t.match(c.out(), /usage: rgw-conformance run/);
  t.match(c.out(), /--target reference\|rgw/);
});

t.test('usage errors exit 2', async (t) => {
  for (const argv of [['--jobs', '0'], ['--target', 'aws'], ['--bogus'], ['--grep', '(']]) {
    const c = io();
    t.equal(await runCommand(argv, c.io), 2, argv.join(' '));
    t.match(c.err(), /rgw-conformance run: /);
  }
});

t.test('a malformed scenario refuses the whole run with positions', async (t) => {
  const dir = t.testdir({
    'good.yaml': GOOD,
    'bad.yaml': 'name: bad\nsteps:\n  - as: admin\n    s3: ListBuckitz\n',
  });
  const c = io();
  t.equal(await runCommand([dir], c.io), 2);
  t.match(c.err(), /bad\.yaml:4:9: error: unknown S3 operation "ListBuckitz".*did you mean "ListBuckets"\?/);
  t.match(c.err(), /nothing was run/);
  t.equal(c.out(), '', 'no scenario ran');
});

t.test('--list and --check select without running', async (t) => {
  const dir = t.testdir({
    'a.yaml': GOOD,
    'b.yaml': 'name: other/b\ntags: [x]\nsteps:\n  - { as: admin, s3: ListBuckets }\n',
  });
  let c = io();
  t.equal(await runCommand(['--list', '--tags', 'demo', dir], c.io), 0);
  t.match(c.out(), /demo\/deliberately-failing/);
  t.notMatch(c.out(), /other\/b/);
  c = io();
  t.equal(await runCommand(['--list', '--grep', '^other/', dir], c.io), 0);
  t.match(c.out(), /other\/b/);
  t.notMatch(c.out(), /deliberately/);
  c = io();
  t.equal(await runCommand(['--list', '--tags', '!demo', dir], c.io), 0);
  t.notMatch(c.out(), /deliberately/);
  c = io();
  t.equal(await runCommand(['--check', dir], c.io), 0);
  t.match(c.out(), /2 scenario\(s\) checked, no problems/);
  c = io();
  t.equal(await runCommand(['--grep', 'nothing-matches', dir], c.io), 2);
});

t.test('an unreachable RGW is a clear error', async (t) => {
  const c = io();
  const code = await runCommand(['--target', 'rgw', '--endpoint', 'http://127.0.0.1:9', '--admin-access-key', 'a', '--admin-secret-key', 'b', '--check'], c.io);
  t.equal(code, 0, '--check does not need the target');
  const file = join(t.testdir({ 'a.yaml': GOOD }), 'a.yaml');
  const c2 = io();
  t.equal(await runCommand(['--target', 'rgw', '--endpoint', 'http://127.0.0.1:9', '--admin-access-key', 'a', '--admin-secret-key', 'b', file], c2.io), 2);
  t.match(c2.err(), /cannot reach RGW at http:\/\/127\.0\.0\.1:9/);
});

t.test('a failing scenario: exit 1, the summary names the step and its position, reports are written', async (t) => {
  const dir = t.testdir({ 'demo.yaml': GOOD, reports: {} });
  const file = join(dir, 'demo.yaml');
  const c = io();
  const code = await runCommand([file, '--report', join(dir, 'reports')], c.io);
  t.equal(code, 1);
  t.match(c.out(), /FAIL\s+demo\/deliberately-failing\s+0\/2/);
  t.match(c.out(), /demo\.yaml:7:22: expected error "AccessDenied", got /, 'file:line:col of the failing check');
  t.match(c.out(), /step 1 "RGW lists no buckets for anonymous, it does not deny": s3 ListBuckets as anonymous/);
  t.match(c.out(), /1 scenario: 0 passed, 1 failed, 0 errors, 0 skipped/);
  t.match(c.err(), /\[1\/1\] FAIL  demo\/deliberately-failing/, 'plain progress lines when not a terminal');
  t.ok((await readdir(join(dir, 'reports'))).length > 0, 'reports written');
});

t.test('skipped scenarios do not pass a run unless allowed', async (t) => {
  const dir = t.testdir({});
  const file = join(dir, 's.yaml');
  await writeFile(file, 'name: needs-webidentity\nrequires: [webidentity]\nsteps:\n  - { as: admin, s3: ListBuckets }\n');
  let c = io();
  t.equal(await runCommand(['--capabilities=-webidentity', file], c.io), 1);
  t.match(c.out(), /skip\s+needs-webidentity/);
  t.match(c.out(), /target reference does not support: webidentity/);
  c = io();
  t.equal(await runCommand(['--capabilities=-webidentity', '--allow-skipped', file], c.io), 0);
});
