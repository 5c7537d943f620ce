// AssumeRole in RGW's order (rgw_rest_sts.cc): the role is looked up from RoleArn (a malformed ARN is
// InvalidArgument, a missing role NoSuchEntity), the trust policy alone decides (AccessDenied), then the
// parameters are checked (RoleSessionName, DurationSeconds against the role's MaxSessionDuration, Policy).
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { userKey, type RoleRecord } from '../../identity/model.js';
import { findRoleByArn, roleArn, roleKey, roleScope } from '../../identity/roles.js';
import { PolicyParseError } from '../../policy/index.js';
import { issueCredentials } from './credentials.js';
import { sendSts } from './render.js';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN = /^arn:aws:iam::[^:]*:role\/.+$/;

export function sessionPolicy(ctx: RequestContext, text: string | null): string | undefined {
  if (text === null) return undefined;
  try {
    ctx.env.policies.parse(text, 'session', null);
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('MalformedPolicyDocument', err.message);
    throw err;
  }
  if (Buffer.byteLength(text) > 2048) throw new GatewayError('PackedPolicyTooLarge');
  return text;
}

export function duration(ctx: RequestContext, params: URLSearchParams, roleMax: number): number {
  const raw = params.get('DurationSeconds');
  if (raw === null || raw === '') return Math.min(3600, roleMax);
  if (!/^\d+$/.test(raw)) throw new GatewayError('InvalidArgument');
  const d = Number(raw);
  const { stsMinSessionDuration: min, stsMaxSessionDuration: max } = ctx.env.config;
  if (d < min || d > max || d > roleMax) throw new GatewayError('InvalidArgument');
  return d;
}

export function loadRoleFromArn(ctx: RequestContext, arn: string | null): RoleRecord {
  if (!arn || !ROLE_ARN.test(arn)) throw new GatewayError('InvalidArgument');
  const role = findRoleByArn(ctx.env.store, arn);
  if (!role) throw new GatewayError('NoSuchEntity');
  return role;
}

export async function assumeRole(ctx: RequestContext): Promise<void> {
  const params = ctx.params!;
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw new GatewayError('AccessDenied');
  const role = loadRoleFromArn(ctx, params.get('RoleArn'));
  const conditions: Record<string, string[]> = {};
  if (params.has('ExternalId')) conditions['sts:ExternalId'] = [params.get('ExternalId')!];
  if (params.has('RoleSessionName')) conditions['sts:RoleSessionName'] = [params.get('RoleSessionName')!];
  authorize(ctx, {
    action: 'sts:AssumeRole',
    resource: roleArn(role),
    scope: 'trust',
    resourcePolicy: { name: `trust:${role.name}`, policy: ctx.env.policies.parse(role.trustPolicy, 'trust', null) },
    conditions,
  });
  const session = params.get('RoleSessionName') ?? '';
  if (!SESSION_NAME.test(session)) throw new GatewayError('InvalidArgument');
  const seconds = duration(ctx, params, role.maxSessionDuration);
  const policy = sessionPolicy(ctx, params.get('Policy'));
  const uid = p.kind === 'role' ? p.sourceIdentity : userKey(p.user.tenant, p.user.id);
  const credentials = issueCredentials(ctx.env, { kind: 'role', uid, tenant: role.tenant, roleKey: roleKey(roleScope(role), role.name), session, policy }, seconds);
  sendSts(ctx, 'AssumeRole', {
    Credentials: credentials,
    // RGW keeps the role path in the assumed-role ARN: assumed-role/apps/shape/look for role /apps/shape.
    AssumedRoleUser: { Arn: `arn:aws:sts::${roleScope(role)}:assumed-role${role.path}${role.name}/${session}`, AssumeRoleId: `${role.id}:${session}` },
    PackedPolicySize: 0,
  });
}

export async function getSessionToken(ctx: RequestContext): Promise<void> {
  const p = ctx.principal;
  if (p.kind !== 'user') throw new GatewayError('AccessDenied');
  authorize(ctx, { action: 'sts:GetSessionToken', resource: `arn:aws:iam::${p.user.accountId ?? p.user.tenant}:user/${p.user.displayName}`, scope: 'user' });
  const raw = ctx.params!.get('DurationSeconds');
  let seconds = 3600;
  if (raw !== null && raw !== '') {
    if (!/^\d+$/.test(raw)) throw new GatewayError('InvalidArgument');
    seconds = Number(raw);
    if (seconds < ctx.env.config.stsMinSessionDuration || seconds > 129600) throw new GatewayError('InvalidArgument');
  }
  const credentials = issueCredentials(ctx.env, { kind: 'user', uid: userKey(p.user.tenant, p.user.id), tenant: p.user.tenant }, seconds);
  sendSts(ctx, 'GetSessionToken', { Credentials: credentials });
}
