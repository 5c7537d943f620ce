// Who may AssumeRole, as RGW 20.2.4 decides it (probed matrix in docs/rgw-behaviour/sts.md): the trust policy
// alone, for same-account and cross-account callers alike; the caller's identity policies are neither needed
// nor consulted (an explicit Deny does not stop it); "*" lets anyone in, anonymous callers included; account
// users are named by display name; aws:username is the uid; sts:ExternalId and other STS keys are never set.
import t from 'tap';
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { fixture, type Creds } from '../fixtures/gateway.js';
import { createRole, outcome, stsRaw, tempFromXml, trustPolicy } from './helpers.js';

const f = await fixture(t);
const a = await f.account('trust-a');
const b = await f.account('trust-b');
const iam = f.iam(a.root);
const userA = await f.user('usera', { accountId: a.id, displayName: 'usera-dn' });
const user2A = await f.user('user2a', { accountId: a.id });
const userB = await f.user('userb', { accountId: b.id });
const classic = await f.user('classic-trust');
const A = a.id;

const roles: Record<string, string> = {
  byUser: trustPolicy({ AWS: `arn:aws:iam::${A}:user/usera-dn` }),
  byUid: trustPolicy({ AWS: `arn:aws:iam::${A}:user/usera` }),
  star: trustPolicy('*'),
  byRoot: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }),
  byAccountId: trustPolicy({ AWS: A }),
  byUserB: trustPolicy({ AWS: `arn:aws:iam::${b.id}:user/userb` }),
  byRootB: trustPolicy({ AWS: `arn:aws:iam::${b.id}:root` }),
  byClassic: trustPolicy({ AWS: 'arn:aws:iam:::user/classic-trust' }),
  byUsername: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { StringEquals: { 'aws:username': 'usera' } } }),
  byUsernameDn: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { StringEquals: { 'aws:username': 'usera-dn' } } }),
  byExternalId: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } } }),
  bySessionName: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { StringEquals: { 'sts:RoleSessionName': 'good' } } }),
  noExternalId: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { Null: { 'sts:ExternalId': 'true' } } }),
  bySourceIp: trustPolicy({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } } }),
  byRoleArn: trustPolicy({ AWS: `arn:aws:iam::${A}:role/byRoot` }),
  bySessionArn: trustPolicy({ AWS: `arn:aws:sts::${A}:assumed-role/byRoot/chain1` }),
};
for (const [name, trust] of Object.entries(roles)) await createRole(iam, name, trust);
await createRole(iam, 'long', trustPolicy({ AWS: `arn:aws:iam::${A}:root` }), { maxSessionDuration: 7200 });

const callers = { rootA: a.root, userA, user2A, rootB: b.root, userB, classic };
const assume = async (who: Creds | null, role: string, extra: Record<string, string> = {}): Promise<string> =>
  outcome(await stsRaw(f.gw.url, who, { Action: 'AssumeRole', RoleArn: `arn:aws:iam::${A}:role/${role}`, RoleSessionName: 'good', ...extra }));

const expected: Record<string, string> = {
  // rootA userA user2A rootB userB classic
  byUser: '403 200 403 403 403 403',
  byUid: '403 403 403 403 403 403',
  star: '200 200 200 200 200 200',
  byRoot: '200 200 200 403 403 403',
  byAccountId: '200 200 200 403 403 403',
  byUserB: '403 403 403 403 200 403',
  byRootB: '403 403 403 200 200 403',
  byClassic: '403 403 403 403 403 200',
  byUsername: '403 200 403 403 403 403',
  byUsernameDn: '403 403 403 403 403 403',
  byExternalId: '403 403 403 403 403 403',
  bySessionName: '403 403 403 403 403 403',
  noExternalId: '200 200 200 403 403 403',
  bySourceIp: '200 200 200 403 403 403',
};

for (const [role, row] of Object.entries(expected)) {
  t.test(`trust ${role}: ${row}`, async (t) => {
    const got: string[] = [];
    for (const who of Object.values(callers)) got.push((await assume(who, role)).split(' ')[0]!);
    t.equal(got.join(' '), row);
  });
}

t.test('sts:ExternalId is never filled: the right ExternalId is refused too', async (t) => {
  t.equal(await assume(userA, 'byExternalId', { ExternalId: 'ext-123' }), '403 AccessDenied');
});

t.test('an explicit Deny on sts:* in the caller identity policy does not stop AssumeRole', async (t) => {
  const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:*', Resource: '*' }] });
  await iam.send(new PutUserPolicyCommand({ UserName: 'user2a', PolicyName: 'deny-sts', PolicyDocument: deny }));
  t.equal(await assume(user2A, 'byRoot'), '200');
});

t.test('anonymous callers may assume a role trusting "*" and no other', async (t) => {
  t.equal(await assume(null, 'star'), '200');
  t.equal(await assume(null, 'byRoot'), '403 AccessDenied');
  t.equal(await assume(null, 'byUser'), '403 AccessDenied');
  t.equal(await assume(null, 'star', { RoleSessionName: 'a b' }), '400 InvalidArgument');
});

t.test('role chaining: a session matches its role ARN, its account and its token user, never its assumed-role ARN', async (t) => {
  const first = await stsRaw(f.gw.url, userA, { Action: 'AssumeRole', RoleArn: `arn:aws:iam::${A}:role/byRoot`, RoleSessionName: 'chain1' });
  t.equal(first.status, 200);
  const session = tempFromXml(first.body);
  const chain = async (role: string): Promise<string> => assume(session, role, { RoleSessionName: 'chain2' }) as Promise<string>;
  t.equal(await chain('byRoleArn'), '200');
  t.equal(await chain('bySessionArn'), '403 AccessDenied');
  t.equal(await chain('byUser'), '403 AccessDenied', 'the session is not the user that assumed it');
  t.equal(await chain('byRoot'), '200');
  t.equal(await chain('byAccountId'), '200');
  t.equal(await chain('star'), '200');
  t.equal(await chain('byUsername'), '200', 'aws:username of a session is its token user');
  t.equal(await assume(session, 'long', { RoleSessionName: 'chain2', DurationSeconds: '7200' }), '200', 'no one-hour cap on chained sessions');
});

t.test('every refusal is in the decision log with the trust policy that refused it', async (t) => {
  const r = await stsRaw(f.gw.url, a.root, { Action: 'AssumeRole', RoleArn: `arn:aws:iam::${A}:role/byUser`, RoleSessionName: 'ab' });
  const d = f.gw.env.decisions.get(r.requestId!);
  t.equal(d.length, 1);
  t.equal(d[0]?.action, 'sts:AssumeRole');
  t.equal(d[0]?.allowed, false);
  t.equal(d[0]?.blockedBy, 'trust-policy');
  t.equal(d[0]?.resource, `arn:aws:iam::${A}:role/byUser`);
});
