// The Admin Ops operation table: every op RGW 20.2.4 routes under /admin/ for the resources the reference
// keeps, with the cap its check_caps wants (rgw_rest_user.cc, rgw_rest_account.cc, rgw_rest_bucket.cc,
// rgw_rest_usage.cc, rgw_rest_metadata.cc, rgw_rest_info.cc). Names follow the Admin Ops documentation
// (and harness/admin-operations.ts). Within a resource and method, rows are in the order RGW's
// RGWHandler_*::op_<method> tests the sub-resources; the row without one is the fallback.
import { GatewayError } from '../../errors.js';
import * as accounts from './accounts.js';
import * as buckets from './buckets.js';
import * as keys from './keys.js';
import * as misc from './misc.js';
import * as quota from './quota.js';
import * as users from './users.js';
import { cap, type AdminCall, type AdminOperation, type AdminResult } from './operation.js';

/** Ops RGW has that the reference does not reproduce (subusers, bucket link/unlink, ...): 501 NotImplemented. */
const notImplemented = async (_c: AdminCall): Promise<AdminResult> => {
  throw new GatewayError('NotImplemented');
};

export const ADMIN_OPERATIONS = {
  // /admin/user
  GetUserQuota: { resource: 'user', method: 'GET', subresource: 'quota', caps: cap('users', 'read'), handler: quota.getUserQuota },
  ListUsers: { resource: 'user', method: 'GET', subresource: 'list', caps: cap('users', 'read'), handler: users.listUsers },
  GetUserInfo: {
    resource: 'user',
    method: 'GET',
    caps: [{ type: 'user-info-without-keys', perm: 'read' }, { type: 'users', perm: 'read' }],
    handler: users.getUserInfo,
  },
  CreateSubuser: { resource: 'user', method: 'PUT', subresource: 'subuser', caps: cap('users', 'write'), handler: notImplemented },
  CreateKey: { resource: 'user', method: 'PUT', subresource: 'key', caps: cap('users', 'write'), handler: keys.createKey },
  AddUserCapability: { resource: 'user', method: 'PUT', subresource: 'caps', caps: cap('users', 'write'), handler: keys.addCaps },
  SetUserQuota: { resource: 'user', method: 'PUT', subresource: 'quota', caps: cap('users', 'write'), handler: quota.setUserQuota },
  CreateUser: { resource: 'user', method: 'PUT', caps: cap('users', 'write'), handler: users.createUser },
  ModifySubuser: { resource: 'user', method: 'POST', subresource: 'subuser', caps: cap('users', 'write'), handler: notImplemented },
  ModifyUser: { resource: 'user', method: 'POST', caps: cap('users', 'write'), handler: users.modifyUser },
  RemoveSubuser: { resource: 'user', method: 'DELETE', subresource: 'subuser', caps: cap('users', 'write'), handler: notImplemented },
  RemoveKey: { resource: 'user', method: 'DELETE', subresource: 'key', caps: cap('users', 'write'), handler: keys.deleteKey },
  RemoveUserCapability: { resource: 'user', method: 'DELETE', subresource: 'caps', caps: cap('users', 'write'), handler: keys.removeCaps },
  RemoveUser: { resource: 'user', method: 'DELETE', caps: cap('users', 'write'), handler: users.removeUser },
  // /admin/account
  CreateAccount: { resource: 'account', method: 'POST', caps: cap('accounts', 'write'), handler: accounts.createAccount },
  SetAccountQuota: { resource: 'account', method: 'PUT', subresource: 'quota', caps: cap('accounts', 'write'), handler: accounts.setAccountQuota },
  ModifyAccount: { resource: 'account', method: 'PUT', caps: cap('accounts', 'write'), handler: accounts.modifyAccount },
  GetAccount: { resource: 'account', method: 'GET', caps: cap('accounts', 'read'), handler: accounts.getAccount },
  DeleteAccount: { resource: 'account', method: 'DELETE', caps: cap('accounts', 'write'), handler: accounts.deleteAccount },
  // /admin/bucket
  GetBucketPolicy: { resource: 'bucket', method: 'GET', subresource: 'policy', caps: cap('buckets', 'read'), handler: notImplemented },
  CheckBucketIndex: { resource: 'bucket', method: 'GET', subresource: 'index', caps: cap('buckets', 'write'), handler: notImplemented },
  GetBucketInfo: { resource: 'bucket', method: 'GET', caps: cap('buckets', 'read'), handler: buckets.getBucketInfo },
  SetBucketQuota: { resource: 'bucket', method: 'PUT', subresource: 'quota', caps: cap('buckets', 'write'), handler: buckets.setBucketQuota },
  SyncBucket: { resource: 'bucket', method: 'PUT', subresource: 'sync', caps: cap('buckets', 'write'), handler: notImplemented },
  LinkBucket: { resource: 'bucket', method: 'PUT', caps: cap('buckets', 'write'), handler: notImplemented },
  UnlinkBucket: { resource: 'bucket', method: 'POST', caps: cap('buckets', 'write'), handler: notImplemented },
  RemoveObject: { resource: 'bucket', method: 'DELETE', subresource: 'object', caps: cap('buckets', 'write'), handler: notImplemented },
  RemoveBucket: { resource: 'bucket', method: 'DELETE', caps: cap('buckets', 'write'), handler: buckets.removeBucket },
  // /admin/info, /admin/usage, /admin/metadata
  GetInfo: { resource: 'info', method: 'GET', caps: cap('info', 'read'), handler: misc.getInfo },
  GetUsage: { resource: 'usage', method: 'GET', caps: cap('usage', 'read'), handler: misc.getUsage },
  TrimUsage: { resource: 'usage', method: 'DELETE', caps: cap('usage', 'write'), handler: misc.trimUsage },
  GetMetadata: { resource: 'metadata', method: 'GET', caps: cap('metadata', 'read'), handler: misc.getMetadata },
} satisfies Record<string, AdminOperation>;

export type AdminOperationName = keyof typeof ADMIN_OPERATIONS;

const ROWS = Object.entries(ADMIN_OPERATIONS) as Array<[AdminOperationName, AdminOperation]>;

/**
 * RGW's REST manager: /admin/<resource>[/...] picks the resource's handler, the method and sub-resource the
 * op. Undefined when RGW has no op for it (it answers 405 MethodNotAllowed, before authenticating).
 */
export function routeAdmin(method: string, rawPath: string, has: (param: string) => boolean): [AdminOperationName, AdminOperation] | undefined {
  const resource = rawPath.replace(/^\/admin\/?/, '').split('/')[0];
  const rows = ROWS.filter(([, op]) => op.resource === resource && op.method === method);
  return rows.find(([, op]) => op.subresource !== undefined && has(op.subresource)) ?? rows.find(([, op]) => op.subresource === undefined);
}
