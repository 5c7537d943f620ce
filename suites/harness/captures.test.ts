// `${...}` references: parsing, resolution against what a run created, inputs as sent (real bucket names,
// policies as JSON), identities from captured credentials, and logical names in what is recorded.
import t from 'tap';
import { resolveValue, ResolveError } from '../../harness/run/captures.js';
import { ScenarioContext } from '../../harness/run/context.js';
import { credentialsFrom, resolveIdentity } from '../../harness/run/identity.js';
import { prepareInput } from '../../harness/run/inputs.js';
import { NameBook } from '../../harness/run/names.js';
import { loadScenarioText } from '../../harness/scenario/load.js';
import { parseTemplate, TemplateError } from '../../harness/scenario/template.js';
import type { Target } from '../../harness/targets/target.js';

const YAML = `name: captures
setup:
  accounts:
    team: { root: boss, users: [svc] }
  buckets:
    backups: { owner: team/boss }
    backups-old: {}
steps:
  - id: role
    as: team/boss
    iam: CreateRole
    with:
      RoleName: reader
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "\${users.svc.arn}" } }]
  - id: assume
    as: team/svc
    sts: AssumeRole
    with: { RoleArn: "\${steps.role.Role.Arn}", RoleSessionName: "s-\${run.id}" }
  - as: \${steps.assume.Credentials}
    s3: CopyObject
    with: { Bucket: backups, Key: copy, CopySource: "backups/db.dump" }
  - as: team/boss
    s3: PutBucketPolicy
    with:
      Bucket: backups
      Policy:
        Statement:
          - { Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: ["arn:aws:s3:::backups/*", "arn:aws:s3:::backups-old"] }
  - admin: GetUserInfo
    with: { uid: svc }
`;

// A target nothing is sent to: these tests resolve values, they make no request.
const target: Target = {
  name: 'test',
  endpoint: 'http://127.0.0.1:9',
  region: 'default',
  admin: { accessKeyId: 'ADMINKEY', secretAccessKey: 'admin-secret-0123456789' },
  capabilities: new Set(),
  description: 'no target',
  close: async () => {},
};

function context(): ScenarioContext {
  const scenario = loadScenarioText(YAML, 'captures.yaml');
  const ctx = new ScenarioContext(target, scenario, 'run00001');
  ctx.accounts.set('team', { logical: 'team', id: 'RGW00000000000000042', name: ctx.names.name('accounts', 'team'), root: 'boss' });
  const user = (logical: string, root: boolean) => ({
    logical,
    uid: ctx.names.name('users', logical),
    displayName: logical,
    account: 'team',
    accountId: 'RGW00000000000000042',
    tenant: '',
    root,
    arn: root ? 'arn:aws:iam::RGW00000000000000042:root' : `arn:aws:iam::RGW00000000000000042:user/${logical}`,
    credentials: { accessKeyId: `AK${logical.toUpperCase()}`, secretAccessKey: `secret-of-${logical}-0123456789` },
  });
  ctx.users.set('boss', user('boss', true));
  ctx.users.set('svc', user('svc', false));
  ctx.stepOutputs.set('role', { Role: { RoleName: 'reader', Arn: 'arn:aws:iam::RGW00000000000000042:role/reader' } });
  ctx.stepOutputs.set('assume', { Credentials: { AccessKeyId: 'TEMPKEY', SecretAccessKey: 'temp-secret-0123456789', SessionToken: 'token-0123456789' } });
  return ctx;
}

t.test('parseTemplate splits literals and references', async (t) => {
  t.same(parseTemplate('plain'), [{ literal: 'plain' }]);
  const parts = parseTemplate('arn:${users.svc.arn}/x-${run.id}');
  t.same(parts.map((p) => ('literal' in p ? p.literal : `<${p.ref.kind}:${p.ref.name}:${p.ref.path}>`)), ['arn:', '<users:svc:arn>', '/x-', '<run:id:>']);
  t.same(parseTemplate('$${not a ref}'), [{ literal: '${not a ref}' }], '$${ is a literal ${');
  const steps = parseTemplate('${steps.keys[0].access_key}')[0]!;
  t.same('ref' in steps && steps.ref, { kind: 'steps', name: 'keys', path: '[0].access_key', raw: 'steps.keys[0].access_key', offset: 0 });
  t.throws(() => parseTemplate('x ${run.id'), TemplateError);
  t.throws(() => parseTemplate('${nope.x}'), /unknown reference/);
  t.throws(() => parseTemplate('${users.svc}'), /expected \$\{users\.svc\.ATTR\}/);
});

t.test('references resolve to what the run created', async (t) => {
  const ctx = context();
  t.equal(resolveValue('${accounts.team.id}', ctx), 'RGW00000000000000042');
  t.equal(resolveValue('${accounts.team.name}', ctx), 'team-run00001');
  t.equal(resolveValue('${accounts.team.arn}', ctx), 'arn:aws:iam::RGW00000000000000042:root');
  t.equal(resolveValue('${users.svc.arn}', ctx), 'arn:aws:iam::RGW00000000000000042:user/svc');
  t.equal(resolveValue('${users.svc.uid}', ctx), 'svc-run00001');
  t.equal(resolveValue('${users.svc.account}', ctx), 'RGW00000000000000042');
  t.equal(resolveValue('${buckets.backups.name}', ctx), 'backups-run00001');
  t.equal(resolveValue('${buckets.backups.arn}/*', ctx), 'arn:aws:s3:::backups-run00001/*');
  t.equal(resolveValue('s-${run.id}', ctx), 's-run00001');
  t.same(resolveValue('${steps.assume.Credentials}', ctx), { AccessKeyId: 'TEMPKEY', SecretAccessKey: 'temp-secret-0123456789', SessionToken: 'token-0123456789' }, 'a whole reference keeps its type');
  t.equal(resolveValue('key=${steps.assume.Credentials.AccessKeyId}', ctx), 'key=TEMPKEY');
  t.same(resolveValue({ a: ['${run.id}', 3, { b: '${users.boss.arn}' }] }, ctx), { a: ['run00001', 3, { b: 'arn:aws:iam::RGW00000000000000042:root' }] });
});

t.test('unresolvable references break the step with a reason', async (t) => {
  const ctx = context();
  t.throws(() => resolveValue('${steps.missing.X}', ctx), ResolveError);
  t.throws(() => resolveValue('${steps.role.Role.Nope}', ctx), /has no Role\.Nope/);
  t.throws(() => resolveValue('${roles.reader.arn}', ctx), /role reader was not created/);
  ctx.roles.set('reader', { name: 'reader', arn: 'arn:aws:iam::RGW00000000000000042:role/reader' });
  t.equal(resolveValue('${roles.reader.arn}', ctx), 'arn:aws:iam::RGW00000000000000042:role/reader');
});

t.test('inputs as sent: real bucket names, policies as JSON', async (t) => {
  const ctx = context();
  const [role, assume, copy, policy, admin] = ctx.scenario.steps;
  const roleIn = prepareInput(role!, ctx);
  t.type(roleIn.AssumeRolePolicyDocument, 'string', 'a policy written as a map is sent as JSON');
  t.same(JSON.parse(roleIn.AssumeRolePolicyDocument as string), {
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::RGW00000000000000042:user/svc' } }],
  });
  t.same(prepareInput(assume!, ctx), { RoleArn: 'arn:aws:iam::RGW00000000000000042:role/reader', RoleSessionName: 's-run00001' });
  t.same(prepareInput(copy!, ctx), { Bucket: 'backups-run00001', Key: 'copy', CopySource: 'backups-run00001/db.dump' });
  const p = JSON.parse(prepareInput(policy!, ctx).Policy as string) as { Statement: Array<{ Resource: string[] }> };
  t.same(p.Statement[0]!.Resource, ['arn:aws:s3:::backups-run00001/*', 'arn:aws:s3:::backups-old-run00001'], 'bucket ARNs in policies name the real buckets');
  t.same(prepareInput(admin!, ctx), { uid: 'svc-run00001' }, 'an admin uid naming a setup user is its real id');
});

t.test('identities', async (t) => {
  const ctx = context();
  const steps = ctx.scenario.steps;
  t.same(resolveIdentity('team/svc', ctx), { kind: 'keys', label: 'team/svc', credentials: { accessKeyId: 'AKSVC', secretAccessKey: 'secret-of-svc-0123456789' } });
  t.same(resolveIdentity('anonymous', ctx), { kind: 'anonymous', label: 'anonymous' });
  t.equal(resolveIdentity('admin', ctx).kind, 'keys');
  const temp = resolveIdentity(steps[2]!.as, ctx);
  t.same(temp.kind === 'keys' && temp.credentials, { accessKeyId: 'TEMPKEY', secretAccessKey: 'temp-secret-0123456789', sessionToken: 'token-0123456789' });
  t.throws(() => resolveIdentity('${steps.role.Role}', ctx), /does not hold credentials/);
  t.same(credentialsFrom({ access_key: 'A', secret_key: 'S', user: 'u' }), { accessKeyId: 'A', secretAccessKey: 'S' }, 'Admin Ops key shape');
  t.same(credentialsFrom({ AccessKeyId: 'A', SecretAccessKey: 'S', UserName: 'u', Status: 'Active' }), { accessKeyId: 'A', secretAccessKey: 'S' }, 'IAM AccessKey shape');
  t.equal(credentialsFrom({ AccessKeyId: 'A' }), undefined);
});

t.test('logical names make results stable across runs', async (t) => {
  const names = new NameBook('abc12345');
  const real = names.name('buckets', 'backups');
  names.name('buckets', 'backups-old');
  t.equal(real, 'backups-abc12345');
  t.equal(names.logical('arn:aws:s3:::backups-abc12345/x and backups-old-abc12345'), 'arn:aws:s3:::backups/x and backups-old');
  t.equal(names.logical('tmp-abc12345'), 'tmp-${run.id}', 'other run-specific names keep a stable placeholder');
  t.same(names.logicalValue({ 'backups-abc12345': ['backups-abc12345'] }), { backups: ['backups'] });
});
