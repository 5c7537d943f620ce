// One IAM call: the parameters, who asks (the caller's account, or for callers outside accounts their
// tenant), and RGW's input checks with RGW's messages (rgw_rest_iam.cc validate_iam_*), shared by the
// operation files. Parameters are RGW's args: absent and empty are the same.
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { getAccount } from '../../identity/accounts.js';
import type { AccountRecord, UserRecord } from '../../identity/model.js';

export interface IamCall {
  ctx: RequestContext;
  params: URLSearchParams;
  /** The caller's account (a role session's: the role's account). IAM users and groups exist only there. */
  account?: AccountRecord;
  /** The caller's tenant ('' for the default tenant). */
  tenant: string;
  /** Where the caller's roles and OIDC providers live: the account id, else the tenant. */
  scope: string;
  /** Request time, ISO 8601 with milliseconds. */
  now: string;
}

export function newCall(ctx: RequestContext): IamCall {
  const p = ctx.principal;
  const tenant = p.kind === 'user' || p.kind === 'user-session' ? p.user.tenant : p.kind === 'role' ? p.role.tenant : '';
  const accountId = p.kind === 'user' || p.kind === 'user-session' ? p.user.accountId : p.kind === 'role' ? p.role.accountId : undefined;
  const account = accountId ? getAccount(ctx.env.store, accountId) : undefined;
  return { ctx, params: ctx.params!, account, tenant, scope: account?.id ?? tenant, now: new Date(ctx.env.clock.now()).toISOString() };
}

/** The account, for operations that exist only inside accounts (checked by the pipeline first). */
export function accountOf(c: IamCall): AccountRecord {
  if (!c.account) throw new GatewayError('MethodNotAllowed');
  return c.account;
}

export const param = (c: IamCall, name: string): string => c.params.get(name) ?? '';

export function requireParam(c: IamCall, name: string): string {
  const v = param(c, name);
  if (v === '') throw new GatewayError('InvalidInput', `Missing required element ${name}`);
  return v;
}

/** `Name.member.N` values in RGW's parameter order (sorted by parameter name, as RGW's args map is). */
export function memberValues(c: IamCall, name: string): { key: string; value: string }[] {
  const prefix = `${name}.member.`;
  return [...new Set(c.params.keys())]
    .filter((k) => k.includes(prefix))
    .sort()
    .map((key) => ({ key, value: c.params.get(key) ?? '' }));
}

const WORD_NAME = /^[\w+=,.@-]+$/;
const POLICY_NAME = /^[A-Za-z0-9:=,.@-]+$/;
const PATH = /^(\/[!-~]+\/|\/)$/;

/** validate_iam_user_name / _role_name / _group_name: missing, too long, invalid characters. */
function validName(value: string, what: 'UserName' | 'RoleName' | 'GroupName', max: number): string {
  if (value === '') throw new GatewayError('InvalidInput', `Missing required element ${what}`);
  if (value.length > max) throw new GatewayError('InvalidInput', `${what} too long`);
  if (!WORD_NAME.test(value)) throw new GatewayError('InvalidInput', `${what} contains invalid characters`);
  return value;
}

export const userName = (v: string): string => validName(v, 'UserName', 64);
export const roleName = (v: string): string => validName(v, 'RoleName', 64);
export const groupName = (v: string): string => validName(v, 'GroupName', 128);

/** validate_iam_path; callers treat an empty Path as "/". */
export function iamPath(v: string): string {
  if (v.length > 512) throw new GatewayError('InvalidInput', 'Path too long');
  if (!PATH.test(v)) throw new GatewayError('InvalidInput', 'Path contains invalid characters');
  return v;
}

export function policyName(v: string): string {
  if (v === '') throw new GatewayError('InvalidInput', 'Missing required element PolicyName');
  if (v.length > 128) throw new GatewayError('InvalidInput', 'PolicyName too long');
  if (!POLICY_NAME.test(v)) throw new GatewayError('InvalidInput', 'PolicyName contains invalid characters');
  return v;
}

export function policyArn(v: string): string {
  if (v === '') throw new GatewayError('InvalidInput', 'Missing required element PolicyArn');
  if (v.length > 2048) throw new GatewayError('InvalidInput', 'PolicyArn must be at most 2048 characters long');
  if (v.length < 20) throw new GatewayError('InvalidInput', 'PolicyArn must be at least 20 characters long');
  return v;
}

/** RGW's args.get_int("MaxItems", 100): strtol with nothing after the digits; more than 1000 is refused. */
export function maxItems(c: IamCall): number {
  if (!c.params.has('MaxItems')) return 100;
  const raw = param(c, 'MaxItems');
  const n = /^\s*[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n > 1000 || n < -2147483648) throw new GatewayError('InvalidInput', 'Invalid value for MaxItems');
  return n;
}

/** The identity that signed the request, for operations whose UserName defaults to the caller. */
export function callerUser(c: IamCall): UserRecord {
  const p = c.ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') return p.user;
  throw new GatewayError('NoSuchEntity', 'No such UserName in the account');
}

/**
 * A page of an index listing. 'after' (RGW's account indexes: users, groups, roles, group members) starts
 * strictly after the marker and hands back the last key listed; 'from' (maps on the record: keys, policy
 * names, attached ARNs, a user's groups) starts at the marker and hands back the next key. A negative
 * MaxItems lists everything.
 */
export function page<T>(items: T[], keyOf: (t: T) => string, marker: string, max: number, mode: 'after' | 'from'): { items: T[]; marker?: string } {
  const start = marker === '' ? 0 : items.findIndex((t) => (mode === 'after' ? keyOf(t) > marker : keyOf(t) >= marker));
  const rest = start < 0 ? [] : items.slice(start);
  if (max === 0 && mode === 'after') return { items: [] };
  const out = max < 0 ? rest : rest.slice(0, max);
  if (out.length === rest.length) return { items: out };
  return { items: out, marker: mode === 'after' ? keyOf(out[out.length - 1]!) : keyOf(rest[out.length]!) };
}

/** <IsTruncated> and, when truncated, <Marker>. */
export function truncation(marker: string | undefined): [string, string | boolean][] {
  return marker === undefined ? [['IsTruncated', false]] : [['IsTruncated', true], ['Marker', marker]];
}
