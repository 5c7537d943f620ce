// The ARNs RGW renders for IAM identities (rgw_rest_iam.cc iam_user_arn / iam_group_arn): users are named by
// their display name (the IAM UserName) under their account id, or under their tenant for users outside
// accounts; the account root is "<account>:root". Policy Principal matching lives in reference/policy.
import type { GroupRecord, UserRecord } from './model.js';

export function iamUserArn(u: Pick<UserRecord, 'accountId' | 'accountRoot' | 'tenant' | 'path' | 'displayName'>): string {
  if (u.accountId && u.accountRoot) return `arn:aws:iam::${u.accountId}:root`;
  return `arn:aws:iam::${u.accountId ?? u.tenant}:user${u.path || '/'}${u.displayName}`;
}

export function iamGroupArn(g: Pick<GroupRecord, 'accountId' | 'path' | 'name'>): string {
  return `arn:aws:iam::${g.accountId}:group${g.path || '/'}${g.name}`;
}

/** The resource ARN RGW checks IAM operations against: arn:aws:iam::<account>:<type><path><name>. */
export function iamResourceArn(accountOrTenant: string, type: string, pathAndName = ''): string {
  return `arn:aws:iam::${accountOrTenant}:${type}${pathAndName}`;
}
