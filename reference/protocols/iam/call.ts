// One IAM call: its parameters, the caller's account (IAM exists only inside accounts: classic users get 405
// MethodNotAllowed, as RGW 20.2.4 answers), and the checks every operation shares.
import type { RequestContext } from '../../http/context.js';
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import type { AccountRecord } from '../../identity/model.js';

export interface IamCall {
  ctx: RequestContext;
  params: URLSearchParams;
  account: AccountRecord;
  now: string;
}

export function callerAccount(ctx: RequestContext): AccountRecord {
  const p = ctx.principal;
  const account = p.kind === 'anonymous' ? undefined : p.account;
  if (!account) throw new GatewayError('MethodNotAllowed');
  return account;
}

export function param(c: IamCall, name: string): string | undefined {
  return c.params.get(name) ?? undefined;
}

export function required(c: IamCall, name: string): string {
  const v = c.params.get(name);
  if (v === null || v === '') throw new GatewayError('ValidationError', `${name} is required`);
  return v;
}

/** Member lists: Name.member.1, Name.member.2, ... */
export function members(c: IamCall, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; c.params.has(`${name}.member.${i}`); i++) out.push(c.params.get(`${name}.member.${i}`)!);
  return out;
}

const NAME_RE = /^[\w+=,.@-]+$/;

export function validName(c: IamCall, field: string, max = 64): string {
  const v = required(c, field);
  if (v.length > max) throw new GatewayError('InvalidInput', `${field} too long`);
  if (!NAME_RE.test(v)) throw new GatewayError('InvalidInput', `${field} contains invalid characters`);
  return v;
}

export function validPath(c: IamCall, field = 'Path'): string {
  const v = param(c, field);
  if (v === undefined || v === '') return '/';
  if (v.length > 512 || !v.startsWith('/') || !v.endsWith('/') || !/^[\u0021-\u007e]+$/.test(v)) throw new GatewayError('InvalidInput', `${field} must begin and end with a forward slash and contain only ASCII characters`);
  return v;
}

export function check(c: IamCall, action: string, resource: string): void {
  authorize(c.ctx, { action: `iam:${action}`, resource, scope: 'user' });
}

export const arn = (account: AccountRecord, kind: string, path: string, name: string): string => `arn:aws:iam::${account.id}:${kind}${path}${name}`;

/** Marker/MaxItems paging over a sorted list. */
export function page<T>(c: IamCall, items: T[], keyOf: (t: T) => string): { items: T[]; truncated: boolean; marker?: string } {
  const marker = param(c, 'Marker');
  const maxItems = Number(param(c, 'MaxItems') ?? 100);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) throw new GatewayError('InvalidInput', 'MaxItems must be between 1 and 1000');
  const start = marker === undefined ? 0 : items.findIndex((t) => keyOf(t) > marker);
  const rest = start < 0 ? [] : items.slice(start);
  const out = rest.slice(0, maxItems);
  const truncated = rest.length > out.length;
  return { items: out, truncated, marker: truncated ? keyOf(out[out.length - 1]!) : undefined };
}
