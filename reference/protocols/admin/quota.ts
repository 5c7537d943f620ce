// /admin/user?quota: GET shows a user's quotas, PUT sets one (quota-type=user|bucket) from the query or a
// JSON body, or both from a JSON body (no quota-type). RGW 20.2.4 (rgw_rest_user.cc RGWOp_Quota_Info/Set,
// probed): no uid, or a quota-type other than user/bucket, is InvalidArgument before the user is looked
// up; setting both quotas needs a body; PUT answers nothing. The parameter rules live in quota/params.ts,
// the body rules in quota-body.ts.
import { GatewayError } from '../../errors.js';
import { userMutations } from '../../identity/users.js';
import { userQuotaFromParams } from '../../quota/params.js';
import { section } from './format.js';
import { bodyOf, type AdminCall, type AdminResult } from './operation.js';
import { quotaFromBody, userQuotasFromBody } from './quota-body.js';
import { quotaSection } from './render.js';
import { existingUser } from './users.js';

function quotaType(c: AdminCall): '' | 'user' | 'bucket' {
  if (!c.args.str('uid')) throw new GatewayError('InvalidArgument');
  const t = c.args.str('quota-type');
  if (t !== '' && t !== 'user' && t !== 'bucket') throw new GatewayError('InvalidArgument');
  return t;
}

export async function getUserQuota(c: AdminCall): Promise<AdminResult> {
  const type = quotaType(c);
  const { user } = existingUser(c);
  if (type === 'user') return { name: 'user_quota', value: quotaSection(user.userQuota) };
  if (type === 'bucket') return { name: 'bucket_quota', value: quotaSection(user.bucketQuota) };
  return { name: 'quota', value: section([['bucket_quota', quotaSection(user.bucketQuota)], ['user_quota', quotaSection(user.userQuota)]]) };
}

export async function setUserQuota(c: AdminCall): Promise<AdminResult> {
  const type = quotaType(c);
  const body = bodyOf(c);
  if (!body && type === '') throw new GatewayError('InvalidArgument');
  const { user } = existingUser(c);
  const after = { ...user };
  if (type === '') Object.assign(after, userQuotasFromBody(body!));
  else {
    const field = type === 'user' ? 'userQuota' : 'bucketQuota';
    after[field] = body ? quotaFromBody(body) : userQuotaFromParams((n) => (c.args.has(n) ? c.args.str(n) : undefined), user[field]);
  }
  await c.store.commit(userMutations(user, after));
  return undefined;
}
