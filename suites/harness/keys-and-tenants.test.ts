// Two setup/identity forms: credentials given field by field (`as: { AccessKeyId, SecretAccessKey,
// SessionToken? }`, for temporary keys without their token or a key with a wrong secret) and classic users
// in a tenant (`users: { tina: { tenant: acme } }`, real tenant acme_<run id>).
import t from 'tap';
import { adminUid, ScenarioContext } from '../../harness/run/context.js';
import { keysIdentity } from '../../harness/run/identity.js';
import { prepareInput } from '../../harness/run/inputs.js';
import { NameBook } from '../../harness/run/names.js';
import { runScenarios } from '../../harness/run/runner.js';
import { formatDiagnostic, ScenarioLoadError } from '../../harness/scenario/diagnostics.js';
import { loadScenarioText } from '../../harness/scenario/load.js';
import { startReferenceTarget } from '../../harness/targets/reference.js';
import type { Target } from '../../harness/targets/target.js';
import { explainResult } from './explain-result.js';

const YAML = `name: keys
setup:
  accounts:
    team: { root: boss }
  users:
    tina: { tenant: acme, display-name: Tina }
steps:
  - as: { AccessKeyId: "\${users.boss.accessKeyId}", SecretAccessKey: "\${users.boss.secretAccessKey}" }
    s3: ListBuckets
  - name: a wrong secret
    as: { AccessKeyId: "\${users.boss.accessKeyId}", SecretAccessKey: wrong-secret-wrong-secret-wrong-secret12 }
    s3: ListBuckets
    expect: { status: 403, error: "/.+/" }
  - id: info
    admin: GetUserInfo
    with: { uid: tina }
    expect: { tenant: acme, user_id: tina }
  - as: tina
    s3: ListBuckets
`;

const noTarget: Target = {
  name: 'test',
  endpoint: 'http://127.0.0.1:9',
  region: 'default',
  admin: { accessKeyId: 'ADMINKEY', secretAccessKey: 'admin-secret-0123456789' },
  capabilities: new Set(),
  description: 'no target',
  close: async () => {},
};

function loadError(yaml: string): string[] {
  try {
    loadScenarioText(yaml, 'bad.yaml');
  } catch (e) {
    if (e instanceof ScenarioLoadError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

t.test('credentials given field by field load as keys, labelled without secrets', async (t) => {
  const s = loadScenarioText(YAML, 'keys.yaml');
  t.same(s.steps[0]!.keys, { AccessKeyId: '${users.boss.accessKeyId}', SecretAccessKey: '${users.boss.secretAccessKey}' });
  t.equal(s.steps[0]!.as, '{AccessKeyId: ${users.boss.accessKeyId}, SecretAccessKey, no SessionToken}');
  t.notMatch(s.steps[1]!.as, /wrong-secret/, 'a literal secret is not in the label');
  t.equal(s.steps[2]!.keys, undefined);
});

t.test('references in keys are checked, and the map is strict', async (t) => {
  const head = 'name: t\nsetup:\n  accounts:\n    team: { root: boss }\nsteps:\n';
  const bad = loadError(`${head}  - as: { AccessKeyId: "\${steps.nope.Credentials.AccessKeyId}", SecretAccessKey: x }\n    s3: ListBuckets\n`);
  t.equal(bad.length, 1);
  t.match(bad[0], /^bad\.yaml:6:25: error: bad reference "\$\{steps\.nope\.Credentials\.AccessKeyId\}": no earlier step has id "nope"/);
  const unknown = loadError(`${head}  - as: { AccessKeyId: a, SecretAccessKey: b, Token: c }\n    s3: ListBuckets\n`);
  t.match(unknown.join('\n'), /bad\.yaml:6:\d+: error: .*Token/);
});

t.test('keys resolve references; SessionToken only when given', async (t) => {
  const ctx = new ScenarioContext(noTarget, loadScenarioText(YAML, 'keys.yaml'), 'run00001');
  ctx.stepOutputs.set('assume', { Credentials: { AccessKeyId: 'TEMPKEY', SecretAccessKey: 'temp-secret', SessionToken: 'token' } });
  const without = keysIdentity('l', { AccessKeyId: '${steps.assume.Credentials.AccessKeyId}', SecretAccessKey: '${steps.assume.Credentials.SecretAccessKey}' }, ctx);
  t.same(without, { kind: 'keys', label: 'l', credentials: { accessKeyId: 'TEMPKEY', secretAccessKey: 'temp-secret' } });
  const tampered = keysIdentity('l', { AccessKeyId: 'TEMPKEY', SecretAccessKey: 'x', SessionToken: '${steps.assume.Credentials.SessionToken}x' }, ctx);
  t.same(tampered.kind === 'keys' && tampered.credentials.sessionToken, 'tokenx');
  t.throws(() => keysIdentity('l', { AccessKeyId: '${steps.assume.Credentials}', SecretAccessKey: 'x' }, ctx), /as\.AccessKeyId is not a string/);
});

t.test('tenants: real names with "_", Admin Ops uids tenant$uid, and only for classic users', async (t) => {
  const names = new NameBook('run00001');
  t.equal(names.name('tenants', 'acme'), 'acme_run00001');
  names.name('users', 'tina');
  t.equal(names.logical('acme_run00001$tina-run00001'), 'acme$tina', 'tenant and uid shown by logical names');
  t.equal(adminUid({ uid: 'tina-r', tenant: 'acme_r' }), 'acme_r$tina-r');
  t.equal(adminUid({ uid: 'bob-r', tenant: '' }), 'bob-r');

  const ctx = new ScenarioContext(noTarget, loadScenarioText(YAML, 'keys.yaml'), 'run00001');
  ctx.users.set('tina', {
    logical: 'tina', uid: 'tina-run00001', displayName: 'Tina', tenant: 'acme_run00001', root: false,
    arn: 'arn:aws:iam::acme_run00001:user/tina-run00001', credentials: { accessKeyId: 'K', secretAccessKey: 'S' },
  });
  t.same(prepareInput(ctx.scenario.steps[2]!, ctx), { uid: 'acme_run00001$tina-run00001' }, 'admin uid of a tenanted setup user');

  const refused = loadError('name: t\nsetup:\n  accounts:\n    team: { root: boss, users: { svc: { tenant: acme } } }\nsteps:\n  - { as: team/svc, s3: ListBuckets }\n');
  t.match(refused.join('\n'), /bad\.yaml:4:49: error: account users live in their account's tenant; tenant is for classic users/);
  t.match(loadError('name: t\nsetup:\n  users:\n    tina: { tenant: a-b }\nsteps:\n  - { as: tina, s3: ListBuckets }\n').join('\n'), /letters, digits and "_"/);
});

t.test('on the reference gateway: keys sign requests, tenant users are created in their tenant', async (t) => {
  const target = await startReferenceTarget();
  t.teardown(() => target.close());
  const run = await runScenarios([loadScenarioText(YAML, 'keys.yaml')], target, { jobs: 1 });
  const s = run.scenarios[0]!;
  t.equal(s.status, 'passed', explainResult(s));
  t.notMatch(JSON.stringify(run), /wrong-secret-wrong/, 'a secret given in as: never reaches the result');
});
