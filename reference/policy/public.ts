// rgw::IAM::is_public(): a policy is public when some Allow statement names Principal "*" and its conditions
// all hold in RGW's fixed probe environment (so a condition on any other key makes it non-public).
// Used by PublicAccessBlock (BlockPublicPolicy on PutBucketPolicy, RestrictPublicBuckets on access).
import { evaluateCondition } from './conditions/index.js';
import type { Policy } from './types.js';

const PROBE_ENV: Record<string, string[]> = {
  'aws:SourceIp': ['1.1.1.1'],
  'aws:UserId': ['anonymous'],
  's3:x-amz-server-side-encryption-aws-kms-key-id': ['secret'],
};

export function isPublic(policy: Policy): boolean {
  return policy.statements.some(
    (st) =>
      st.effect === 'Allow' &&
      st.principals.some((p) => p.type === 'wildcard') &&
      st.conditions.every((c) => evaluateCondition(c, PROBE_ENV)),
  );
}
