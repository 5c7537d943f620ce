// Malformed scenarios are refused before anything runs, each with file:line:column and a clear message.
import t from 'tap';
import { ScenarioLoadError, formatDiagnostic } from '../../harness/scenario/diagnostics.js';
import { loadScenarioText } from '../../harness/scenario/load.js';

const HEAD = `name: t
setup:
  accounts:
    team: { root: boss, users: [svc] }
  buckets:
    data: { owner: team/boss }
steps:
`; // steps start on line 8

interface Case {
  yaml: string;
  line: number;
  column: number;
  message: string; // a substring of the expected message
}

const CASES: Record<string, Case> = {
  'YAML syntax error': { yaml: 'name: t\nsteps:\n  - as: admin\n    s3: [ListBuckets\n', line: 5, column: 1, message: 'YAML syntax error: Flow sequence' },
  'duplicate YAML key': { yaml: 'name: t\nname: u\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 2, column: 1, message: 'Map keys must be unique' },
  'not a map': { yaml: '- a\n- b\n', line: 1, column: 1, message: 'a scenario is a YAML map' },
  'missing name': { yaml: 'steps:\n  - { as: admin, s3: ListBuckets }\n', line: 1, column: 1, message: 'missing required key "name"' },
  'no steps': { yaml: 'name: t\nsteps: []\n', line: 2, column: 8, message: 'steps: needs at least 1 item(s)' },
  'unknown top-level key': { yaml: 'name: t\nstepz: []\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 2, column: 1, message: 'unknown key "stepz" in the scenario; did you mean "steps"?' },
  'unknown step key': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    wiht: {}\n`, line: 10, column: 5, message: 'unknown key "wiht" in steps[0]; did you mean "with"?' },
  'unknown capability': { yaml: 'name: t\nrequires: [acounts]\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 2, column: 12, message: '"acounts" is not one of accounts, iam, sts' },
  'unknown S3 operation': { yaml: `${HEAD}  - as: team/svc\n    s3: PutObjekt\n`, line: 9, column: 9, message: 'unknown S3 operation "PutObjekt": @aws-sdk/client-s3 has no PutObjektCommand; did you mean "PutObject"?' },
  'unknown IAM operation': { yaml: `${HEAD}  - as: team/boss\n    iam: CreateRoel\n`, line: 9, column: 10, message: 'did you mean "CreateRole"?' },
  'unknown admin operation': { yaml: `${HEAD}  - admin: CreateKeys\n    with: { uid: svc }\n`, line: 8, column: 12, message: 'unknown Admin Ops operation "CreateKeys"; did you mean "CreateKey"?' },
  'unknown input field': { yaml: `${HEAD}  - as: team/svc\n    s3: PutObject\n    with: { Bukcet: data, Key: k }\n`, line: 10, column: 13, message: 'unknown input field "Bukcet" for S3 PutObject; did you mean "Bucket"?' },
  'unknown nested input field': {
    yaml: `${HEAD}  - as: team/svc\n    s3: DeleteObjects\n    with:\n      Bucket: data\n      Delete: { Objectz: [] }\n`,
    line: 12, column: 17, message: 'unknown input field "Objectz" for S3 DeleteObjects; did you mean "Objects"?',
  },
  'unknown admin parameter': { yaml: `${HEAD}  - admin: CreateKey\n    with: { uid: svc, acess-key: AK }\n`, line: 9, column: 23, message: 'unknown parameter "acess-key" for admin CreateKey; did you mean "access-key"?' },
  'unknown identity (user)': { yaml: `${HEAD}  - as: team/bos\n    s3: ListBuckets\n`, line: 8, column: 9, message: 'unknown identity "team/bos": account "team" has no user "bos"; did you mean "team/boss"?' },
  'unknown identity (account)': { yaml: `${HEAD}  - as: tem/svc\n    s3: ListBuckets\n`, line: 8, column: 9, message: 'unknown identity "tem/svc": no account "tem" in setup.accounts' },
  'missing as': { yaml: `${HEAD}  - s3: ListBuckets\n`, line: 8, column: 5, message: 'step 1 (S3 ListBuckets) needs "as:"' },
  'bad capture reference': { yaml: `${HEAD}  - as: team/svc\n    s3: GetObject\n    with: { Bucket: data, Key: "\${steps.nope.X}" }\n`, line: 10, column: 33, message: 'bad reference "${steps.nope.X}": no earlier step has id "nope"' },
  'reference to a later step': {
    yaml: `${HEAD}  - as: "\${steps.later.Credentials}"\n    s3: ListBuckets\n  - id: later\n    as: team/svc\n    sts: AssumeRole\n    with: { RoleArn: x, RoleSessionName: s }\n`,
    line: 8, column: 10, message: 'no earlier step has id "later"',
  },
  'unknown reference kind': { yaml: `${HEAD}  - as: team/svc\n    s3: GetObject\n    with: { Bucket: data, Key: "k-\${step.x}" }\n`, line: 10, column: 35, message: 'unknown reference "${step.x}": it must start with accounts.' },
  'unterminated reference': { yaml: `${HEAD}  - as: team/svc\n    s3: GetObject\n    with: { Bucket: data, Key: "k-\${run.id" }\n`, line: 10, column: 35, message: 'unterminated "${"' },
  'unknown attribute': { yaml: `${HEAD}  - as: team/boss\n    iam: CreateRole\n    with: { RoleName: r, AssumeRolePolicyDocument: "\${users.svc.arnn}" }\n`, line: 10, column: 53, message: 'users have no attribute "arnn"; did you mean "arn"?' },
  'undeclared user': { yaml: `${HEAD}  - as: team/boss\n    iam: GetUser\n    with: { UserName: "\${users.bob.name}" }\n`, line: 10, column: 24, message: 'no user "bob" declared in setup' },
  'two operations': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    iam: ListUsers\n`, line: 8, column: 5, message: 'step 1 names 2 operations (s3, iam)' },
  'no operation': { yaml: `${HEAD}  - as: team/svc\n    with: {}\n`, line: 8, column: 5, message: 'step 1 names no operation' },
  'bad duration': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    retry: { until: 3x }\n`, line: 10, column: 21, message: '"3x" is not a duration such as 500ms, 30s, 2m or 1h' },
  'bad regular expression': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect:\n      Owner.ID: "/[a-/"\n`, line: 11, column: 17, message: 'bad regular expression /[a-/' },
  'misspelt expect key': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect: { error: AccessDenied, statsu: 403 }\n`, line: 10, column: 36, message: '"statsu" looks like a misspelling of "status"' },
  'unknown matcher operator': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect:\n      Buckets: { lenght: 1 }\n`, line: 11, column: 18, message: 'unknown key "lenght" in steps[0].expect.Buckets; did you mean "length"?' },
  'bad field path': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect:\n      "Buckets[x]": 1\n`, line: 11, column: 7, message: 'bad field path "Buckets[x]"' },
  'duplicate step id': { yaml: `${HEAD}  - { id: a, as: team/svc, s3: ListBuckets }\n  - { id: a, as: team/svc, s3: ListBuckets }\n`, line: 9, column: 11, message: 'step id "a" is used by an earlier step' },
  'undeclared bucket created': { yaml: `${HEAD}  - as: team/svc\n    s3: CreateBucket\n    with: { Bucket: scratch }\n`, line: 10, column: 21, message: 'bucket "scratch" is not declared' },
  'wrong type': { yaml: `${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect: { status: "403" }\n`, line: 10, column: 23, message: 'steps[0].expect.status: expected a number, got the string "403"' },
  'bad bucket name': { yaml: 'name: t\nsetup:\n  buckets:\n    Backups: {}\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 4, column: 5, message: '"Backups" is not a bucket name of lowercase letters' },
  'reserved user name': { yaml: 'name: t\nsetup:\n  users:\n    admin: {}\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 4, column: 5, message: '"admin" is reserved' },
  'unknown bucket owner': { yaml: 'name: t\nsetup:\n  buckets:\n    data: { owner: nobody }\nsteps:\n  - { as: admin, s3: ListBuckets }\n', line: 4, column: 20, message: 'unknown identity "nobody"' },
};

t.ok(Object.keys(CASES).length >= 15, 'at least 15 malformed scenarios');

for (const [name, c] of Object.entries(CASES)) {
  t.test(name, async (t) => {
    const file = `${name.replace(/\W+/g, '-')}.yaml`;
    const err = t.throws(() => loadScenarioText(c.yaml, file)) as unknown;
    if (!(err instanceof ScenarioLoadError)) return t.fail(`expected ScenarioLoadError, got ${String(err)}`);
    const d = err.diagnostics.find((x) => x.message.includes(c.message));
    if (!d) return t.fail(`no diagnostic with "${c.message}"; got:\n${err.message}`);
    t.same({ file: d.pos.file, line: d.pos.line, column: d.pos.column }, { file, line: c.line, column: c.column }, 'position');
    const text = formatDiagnostic(d);
    t.match(text, new RegExp(`^${file.replace(/\./g, '\\.')}:${c.line}:${c.column}: error: `), 'file:line:col leads the message');
    t.match(text, /\n\s*\d+ \| .*\n\s+\| *\^+/, 'an excerpt with a caret');
  });
}

t.test('every problem of a file is reported, in source order', async (t) => {
  const yaml = `${HEAD}  - as: team/bos\n    s3: PutObjekt\n  - as: team/svc\n    s3: GetObject\n    with: { Bukcet: data }\n`;
  const err = t.throws(() => loadScenarioText(yaml, 'many.yaml')) as ScenarioLoadError;
  t.same(err.diagnostics.map((d) => d.pos.line), [8, 9, 12]);
});

t.test('a well-formed scenario loads', async (t) => {
  const s = loadScenarioText(`${HEAD}  - as: team/svc\n    s3: ListBuckets\n    expect: { error: AccessDenied, status: 403 }\n`, 'ok.yaml');
  t.equal(s.steps.length, 1);
  t.same(s.requires, ['accounts']);
  t.same(s.steps[0]!.pos, { file: 'ok.yaml', line: 8, column: 5 });
});
