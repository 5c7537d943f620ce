// The managed policies RGW knows, and the action table's quirks.
import t from 'tap';
import {
  ACTIONS,
  MANAGED_POLICIES,
  actionsNamedBy,
  canonicalAction,
  managedPolicyText,
  parsePolicy,
} from '../../reference/policy/index.js';

t.test('managed policies', async (t) => {
  t.same(Object.keys(MANAGED_POLICIES).sort(), [
    'AmazonS3FullAccess',
    'AmazonS3ReadOnlyAccess',
    'AmazonSNSFullAccess',
    'AmazonSNSReadOnlyAccess',
    'IAMFullAccess',
    'IAMReadOnlyAccess',
  ]);
  for (const [name, text] of Object.entries(MANAGED_POLICIES)) {
    t.doesNotThrow(() => parsePolicy(text, 'identity'), name);
  }
  t.equal(managedPolicyText('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'), MANAGED_POLICIES.AmazonS3ReadOnlyAccess);
  t.equal(managedPolicyText('arn:aws:iam::aws:policy/AdministratorAccess'), undefined);
  t.equal(managedPolicyText('arn:aws:iam::aws:policy/amazons3readonlyaccess'), undefined, 'exact match');
  const ro = parsePolicy(MANAGED_POLICIES.AmazonS3ReadOnlyAccess!, 'identity').statements[0]!;
  t.ok(ro.actions.has('s3:DescribeJob') && ro.actions.has('s3:ListAllMyBuckets') && !ro.actions.has('s3:PutObject'));
});

t.test('actions', async (t) => {
  t.equal(ACTIONS.length, new Set(ACTIONS).size, 'no duplicates');
  t.equal(canonicalAction('S3:GETOBJECT'), 's3:GetObject');
  t.equal(canonicalAction('iam:RemoveClientIdFromOIDCProvider'), 'iam:RemoveClientIdFromOIDCProvider');
  t.equal(canonicalAction('s3:Nope'), undefined);
  t.equal(actionsNamedBy('iam:RemoveClientIdFromOIDCProvider').size, 0, 'the correct spelling is not a valid policy action');
  t.same([...actionsNamedBy('iam:RemoveCientIdFromOIDCProvider')], ['iam:RemoveClientIdFromOIDCProvider']);
  t.equal(actionsNamedBy('*anything').size, ACTIONS.length, "a leading '*' means every action");
  t.equal(actionsNamedBy('sts:*').size, 4);
  t.ok(actionsNamedBy('organizations:List*').has('organizations:ListRoots'));
});
