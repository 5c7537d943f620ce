// Decisions explain themselves: which policy and statement decided, and why a request was refused.
import t from 'tap';
import { decide, evaluatePolicy, parsePolicy, principalFacts, type RequestFacts } from '../../reference/policy/index.js';

const A = 'RGW11111111111111111';
const alice = principalFacts.user({ account: A, userId: 'uid-alice', displayName: 'alice' });
const facts: RequestFacts = { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt/k', principal: alice, conditions: {} };
const identity = parsePolicy(
  JSON.stringify({
    Statement: [
      { Sid: 'read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/*' },
      { Sid: 'no-secrets', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt/secret/*' },
    ],
  }),
  'identity',
);

t.test('evaluatePolicy names the deciding statements', async (t) => {
  const r = evaluatePolicy(identity, facts, 'identity:inline:read-bkt');
  t.equal(r.effect, 'Allow');
  t.match(r.because, [{ policy: 'identity:inline:read-bkt', statement: 'read', effect: 'Allow' }]);
  const d = evaluatePolicy(identity, { ...facts, resource: 'arn:aws:s3:::bkt/secret/x' }, 'identity:inline:read-bkt');
  t.equal(d.effect, 'Deny');
  t.match(d.because.at(-1), { statement: 'no-secrets', effect: 'Deny' });
  const p = evaluatePolicy(identity, { ...facts, action: 's3:PutObject' }, 'p');
  t.same(p.because, [{ policy: 'p', effect: 'Pass', reason: 'no statement applies' }]);
});

t.test('decide reports what blocked the request', async (t) => {
  const denied = decide({ facts: { ...facts, resource: 'arn:aws:s3:::bkt/secret/x' }, identityPolicies: [{ name: 'identity:inline:read-bkt', policy: identity }], resourceAccount: A });
  t.match(denied, { allowed: false, effect: 'Deny', blockedBy: 'identity:inline:read-bkt' });
  const cross = decide({ facts, identityPolicies: [], resourceAccount: 'RGW22222222222222222' });
  t.match(cross, { allowed: false, effect: 'Pass', blockedBy: 'cross-account-identity' });
  t.match(cross.because.at(-1), { effect: 'ImplicitDeny', reason: /identity side/ });
  const root = decide({ facts: { ...facts, principal: principalFacts.user({ account: A, userId: 'r', displayName: 'r', isAccountRoot: true }) }, identityPolicies: [], resourceAccount: A });
  t.match(root, { allowed: true, effect: 'Allow' });
  t.match(root.because.at(-1), { effect: 'Allow(account-root)' });
});

t.test('default scopes', async (t) => {
  const trust = parsePolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/alice` }, Action: 'sts:AssumeRole' }] }), 'trust');
  t.ok(decide({ facts: { ...facts, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/r` }, identityPolicies: [], resourcePolicy: { name: 'trust:r', policy: trust } }).allowed);
  t.notOk(decide({ facts: { ...facts, action: 'iam:ListUsers', resource: `arn:aws:iam::${A}:user/` }, identityPolicies: [] }).allowed, 'user scope: account users need a policy');
});
