// rgw-conformance compare on real runs: a run and its rerun agree (exit 0); two runs that differ list the
// scenarios whose outcome differs and those that answered differently, step by step (exit 1), in Markdown
// and HTML; bad input is refused with a clear message (exit 2).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { compareCommand } from '../../reports/compare-command.js';
import { renderJson } from '../../reports/index.js';
import { runFixtures } from './fixtures/runs.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } }, out: () => out.join(''), err: () => err.join('') };
}

const dir = t.testdir();
const [a1, a2, b] = await Promise.all([runFixtures('run-a'), runFixtures('run-a'), runFixtures('run-b')]);
const file = (name: string): string => join(dir, name);
await writeFile(file('a1.json'), renderJson(a1));
await writeFile(file('a2.json'), renderJson(a2));
await writeFile(file('b.json'), renderJson(b));

t.test('a run and its rerun agree', async (t) => {
  const c = io();
  t.equal(await compareCommand([file('a1.json'), file('a2.json')], c.io), 0, c.out());
  t.match(c.out(), /^# rgw-conformance compare: the runs agree\n[\s\S]*5 scenarios agree, 0 differ in outcome, 0 answer differently/);
});

t.test('differences, step by step, in Markdown and HTML', async (t) => {
  const c = io();
  const out = join(dir, 'cmp');
  t.equal(await compareCommand([file('a1.json'), file('b.json'), '--report', out], c.io), 1);
  const md = c.out();
  t.match(md, /^# rgw-conformance compare: 5 scenarios differ\n/);
  t.match(md, /0 scenarios agree, 4 differ in outcome, 1 answer differently with the same outcome\./);
  t.match(md, /### `reports\/deliberately-failing`: failed → passed\n\n- reason: A `step 2 \(s3 ListBuckets\) failed at [^`]*`, B `—`/);
  t.match(md, /\| step 1: s3 ListBuckets \(an account user starts with no permissions\) \| step \| step 1: s3 ListBuckets[^|]* \| step 1: iam PutUserPolicy \|/);
  t.match(md, /\| step 2 "wrongly-expected"[^|]* \| step status \| failed \| passed \|\n\|  \| outcome \| error \| success \|\n\|  \| HTTP status \| 403 \| 200 \|\n\|  \| error code \| AccessDenied \| — \|/);
  t.match(md, /### `reports\/only-in-a`: passed → absent/);
  t.match(md, /## Same outcome, different answers\n\n### `reports\/passing`: passed → passed\n\n\| step \| what \| A \| B \|\n\| --- \| --- \| --- \| --- \|\n\| step 1 "list": s3 ListObjectsV2 \| Contents\[0\]\.Key \| "a\.txt" \| "b\.txt" \|\n\|  \| Contents\[0\]\.Size \| 5 \| 6 \|\n/);
  t.equal(await readFile(join(out, 'compare.md'), 'utf8'), md.slice(0, md.indexOf('\nwrote ')));
  const html = await readFile(join(out, 'compare.html'), 'utf8');
  t.match(html, /<title>rgw-conformance compare: 5 scenarios differ<\/title>/);
  t.match(html, /<td><code>Contents\[0\]\.Key<\/code><\/td><td class="a">&quot;a\.txt&quot;<\/td><td class="b">&quot;b\.txt&quot;<\/td>/);
  t.notMatch(html, /<(link|script|img)\b/i, 'self-contained');
});

t.test('bad input: exit 2 with a clear message', async (t) => {
  await writeFile(file('not-json.json'), '{ nope');
  await writeFile(file('other.json'), JSON.stringify({ hello: 'world' }));
  await writeFile(file('v2.json'), JSON.stringify({ ...a1, schemaVersion: 2 }));
  const broken = JSON.parse(renderJson(a1));
  delete broken.scenarios[1].steps;
  await writeFile(file('broken.json'), JSON.stringify(broken));
  const cases: Array<[string[], RegExp]> = [
    [[file('a1.json')], /expected two report files, got 1\n\nusage: rgw-conformance compare/],
    [[file('a1.json'), file('missing.json')], /cannot read .*missing\.json: no such file/],
    [[file('not-json.json'), file('a1.json')], /not-json\.json is not JSON: /],
    [[file('a1.json'), file('other.json')], /other\.json is not an rgw-conformance report\.json \(no "scenarios"\)/],
    [[file('v2.json'), file('a1.json')], /v2\.json has schemaVersion 2; this rgw-conformance reads version 1/],
    [[file('a1.json'), file('broken.json')], /broken\.json does not match the report schema \(reports\/schema\/report\.schema\.json\):\n  at scenarios\.1\.steps: /],
    [['--bogus', file('a1.json'), file('b.json')], /Unknown option '--bogus'/],
  ];
  for (const [argv, message] of cases) {
    const c = io();
    t.equal(await compareCommand(argv, c.io), 2, argv.join(' '));
    t.match(c.err(), message);
    t.equal(c.out(), '');
  }
  const h = io();
  t.equal(await compareCommand(['--help'], h.io), 0);
  t.match(h.out(), /^usage: rgw-conformance compare A\.json B\.json \[--report DIR\]/);
});
