// Admin Ops front end: /admin/<resource> + method + sub-resource select a row; the caller's caps authorise it
// (RGW's check_caps: GET needs read, anything else write; "*" grants both); errors are JSON bodies.
import type { Protocol } from '../../http/protocol.js';
import type { RequestContext } from '../../http/context.js';
import { GatewayError, resolveError } from '../../errors.js';
import { S3_ERRORS } from '../s3/errors.js';
import { ADMIN_ERRORS } from './errors.js';
import * as accounts from './accounts.js';
import * as buckets from './buckets.js';
import * as users from './users.js';
import { sendJson } from './send.js';

interface AdminOperation {
  resource: string;
  method: string;
  subresource?: string;
  cap: string;
  handler: (ctx: RequestContext) => Promise<void>;
}

export const ADMIN_OPERATIONS = {
  CreateAccount: { resource: 'account', method: 'POST', cap: 'accounts', handler: accounts.createAccount },
  GetAccount: { resource: 'account', method: 'GET', cap: 'accounts', handler: accounts.getAccountInfo },
  SetAccountQuota: { resource: 'account', method: 'PUT', subresource: 'quota', cap: 'accounts', handler: accounts.setAccountQuota },
  ModifyAccount: { resource: 'account', method: 'PUT', cap: 'accounts', handler: accounts.modifyAccount },
  DeleteAccount: { resource: 'account', method: 'DELETE', cap: 'accounts', handler: accounts.removeAccount },
  GetUserQuota: { resource: 'user', method: 'GET', subresource: 'quota', cap: 'users', handler: users.getUserQuota },
  ListUsers: { resource: 'user', method: 'GET', subresource: 'list', cap: 'users', handler: users.listUsers },
  GetUserInfo: { resource: 'user', method: 'GET', cap: 'users', handler: users.getUserInfo },
  CreateKey: { resource: 'user', method: 'PUT', subresource: 'key', cap: 'users', handler: users.createKey },
  AddUserCapability: { resource: 'user', method: 'PUT', subresource: 'caps', cap: 'users', handler: (ctx) => users.addCaps(ctx, false) },
  SetUserQuota: { resource: 'user', method: 'PUT', subresource: 'quota', cap: 'users', handler: users.setUserQuota },
  CreateUser: { resource: 'user', method: 'PUT', cap: 'users', handler: users.createUser },
  ModifyUser: { resource: 'user', method: 'POST', cap: 'users', handler: users.modifyUser },
  RemoveKey: { resource: 'user', method: 'DELETE', subresource: 'key', cap: 'users', handler: users.removeKey },
  RemoveUserCapability: { resource: 'user', method: 'DELETE', subresource: 'caps', cap: 'users', handler: (ctx) => users.addCaps(ctx, true) },
  RemoveUser: { resource: 'user', method: 'DELETE', cap: 'users', handler: users.removeUser },
  GetBucketInfo: { resource: 'bucket', method: 'GET', cap: 'buckets', handler: buckets.getBucketInfo },
  SetBucketQuota: { resource: 'bucket', method: 'PUT', subresource: 'quota', cap: 'buckets', handler: buckets.setBucketQuota },
  RemoveBucket: { resource: 'bucket', method: 'DELETE', cap: 'buckets', handler: buckets.removeBucket },
  GetInfo: { resource: 'info', method: 'GET', cap: 'info', handler: async (ctx) => sendJson(ctx, { info: { storage_backends: [{ name: 'rados', cluster_id: 'reference' }] } }) },
} satisfies Record<string, AdminOperation>;

const ROWS = Object.entries(ADMIN_OPERATIONS) as [string, AdminOperation][];

function checkCaps(ctx: RequestContext, cap: string, method: string): void {
  const p = ctx.principal;
  if (p.kind !== 'user') throw new GatewayError('AccessDenied');
  const need = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const c = p.user.caps.find((x) => x.type === cap);
  if (!c || !(c.perm === '*' || c.perm === need || c.perm.split(',').map((s) => s.trim()).includes(need))) throw new GatewayError('AccessDenied');
}

export function createAdminProtocol(): Protocol {
  return {
    async handle(ctx) {
      const resource = ctx.rawPath.replace(/^\/admin\/?/, '').replace(/\/$/, '');
      const candidates = ROWS.filter(([, op]) => op.resource === resource && op.method === ctx.method);
      if (!candidates.length) throw new GatewayError('MethodNotAllowed');
      const row = candidates.find(([, op]) => op.subresource && ctx.query.has(op.subresource)) ?? candidates.find(([, op]) => !op.subresource);
      if (!row) throw new GatewayError('MethodNotAllowed');
      const [name, op] = row;
      ctx.operation = `admin:${name}`;
      checkCaps(ctx, op.cap, ctx.method);
      await op.handler(ctx);
    },
    renderError(ctx, err) {
      const { status, code } = resolveError(err.kind, ADMIN_ERRORS, S3_ERRORS);
      ctx.errorCode = code;
      sendJson(ctx, { Code: code, Message: err.message, RequestId: ctx.requestId, HostId: ctx.env.ids.hostId }, status);
    },
  };
}
