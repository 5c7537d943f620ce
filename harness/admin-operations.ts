// The Admin Ops API as RGW 20 routes it (src/rgw/driver/rados/rgw_rest_user.cc, rgw_rest_bucket.cc,
// rgw_rest_account.cc; RGWHandler_*::op_get/op_put/op_post/op_delete choose the op by method and
// sub-resource). Operation names follow the Admin Ops documentation's titles; parameter names are RGW's.
// Scenarios use them as `admin: CreateKey` with `with: { uid: ..., ... }`, and the loader refuses unknown
// operations and parameters with this table.

export type AdminMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface AdminOperation {
  method: AdminMethod;
  path: '/admin/user' | '/admin/account' | '/admin/bucket' | '/admin/usage' | '/admin/info' | '/admin/metadata/user';
  /** Sub-resource RGW dispatches on (`?key`, `?quota`, ...). */
  subresource?: string;
  /** Query parameters the op reads. */
  params: readonly string[];
  /** Parameters always sent (e.g. stats=true for GetUserStats). */
  fixed?: Readonly<Record<string, string>>;
}

const USER_WRITE = [
  'uid', 'display-name', 'email', 'key-type', 'access-key', 'secret-key', 'user-caps', 'generate-key',
  'max-buckets', 'suspended', 'tenant', 'system', 'op-mask', 'default-placement', 'default-storage-class',
  'placement-tags', 'account-id', 'account-root', 'path',
] as const;
const ACCOUNT_WRITE = [
  'id', 'tenant', 'name', 'email', 'max-users', 'max-roles', 'max-groups', 'max-access-keys', 'max-buckets',
] as const;
const QUOTA = ['max-objects', 'max-size', 'max-size-kb', 'enabled'] as const;

export const ADMIN_OPERATIONS = {
  // accounts (rgw_rest_account.cc): POST creates, PUT modifies (PUT ?quota sets a quota)
  CreateAccount: { method: 'POST', path: '/admin/account', params: ACCOUNT_WRITE },
  GetAccount: { method: 'GET', path: '/admin/account', params: ['id', 'tenant', 'name'] },
  ModifyAccount: { method: 'PUT', path: '/admin/account', params: ACCOUNT_WRITE },
  DeleteAccount: { method: 'DELETE', path: '/admin/account', params: ['id', 'tenant', 'name'] },
  SetAccountQuota: {
    method: 'PUT', path: '/admin/account', subresource: 'quota',
    params: ['id', 'quota-type', 'max-size', 'max-objects', 'enabled'],
  },
  // users (rgw_rest_user.cc)
  GetUserInfo: { method: 'GET', path: '/admin/user', params: ['uid', 'access-key', 'tenant', 'stats', 'sync'] },
  GetUserStats: { method: 'GET', path: '/admin/user', params: ['uid', 'tenant', 'sync'], fixed: { stats: 'true' } },
  ListUsers: { method: 'GET', path: '/admin/user', subresource: 'list', params: ['max-entries', 'marker'] },
  CreateUser: { method: 'PUT', path: '/admin/user', params: [...USER_WRITE, 'exclusive'] },
  ModifyUser: { method: 'POST', path: '/admin/user', params: USER_WRITE },
  RemoveUser: { method: 'DELETE', path: '/admin/user', params: ['uid', 'tenant', 'purge-data'] },
  CreateSubuser: {
    method: 'PUT', path: '/admin/user', subresource: 'subuser',
    params: ['uid', 'subuser', 'access-key', 'secret-key', 'access', 'key-type', 'generate-secret', 'gen-access-key'],
  },
  ModifySubuser: {
    method: 'POST', path: '/admin/user', subresource: 'subuser',
    params: ['uid', 'subuser', 'secret-key', 'access', 'key-type', 'generate-secret'],
  },
  RemoveSubuser: { method: 'DELETE', path: '/admin/user', subresource: 'subuser', params: ['uid', 'subuser', 'purge-keys'] },
  CreateKey: {
    method: 'PUT', path: '/admin/user', subresource: 'key',
    params: ['uid', 'subuser', 'access-key', 'secret-key', 'key-type', 'generate-key', 'active'],
  },
  RemoveKey: { method: 'DELETE', path: '/admin/user', subresource: 'key', params: ['uid', 'subuser', 'access-key', 'key-type'] },
  AddUserCapability: { method: 'PUT', path: '/admin/user', subresource: 'caps', params: ['uid', 'user-caps'] },
  RemoveUserCapability: { method: 'DELETE', path: '/admin/user', subresource: 'caps', params: ['uid', 'user-caps'] },
  GetUserQuota: { method: 'GET', path: '/admin/user', subresource: 'quota', params: ['uid', 'quota-type'] },
  SetUserQuota: { method: 'PUT', path: '/admin/user', subresource: 'quota', params: ['uid', 'quota-type', ...QUOTA] },
  // buckets (rgw_rest_bucket.cc)
  GetBucketInfo: { method: 'GET', path: '/admin/bucket', params: ['bucket', 'uid', 'stats'] },
  GetBucketPolicy: { method: 'GET', path: '/admin/bucket', subresource: 'policy', params: ['bucket', 'object'] },
  CheckBucketIndex: { method: 'GET', path: '/admin/bucket', subresource: 'index', params: ['bucket', 'check-objects', 'fix'] },
  LinkBucket: {
    method: 'PUT', path: '/admin/bucket', params: ['bucket', 'bucket-id', 'uid', 'account-id', 'new-bucket-name'],
  },
  UnlinkBucket: { method: 'POST', path: '/admin/bucket', params: ['bucket', 'uid', 'account-id'] },
  RemoveBucket: { method: 'DELETE', path: '/admin/bucket', params: ['bucket', 'purge-objects'] },
  RemoveObject: { method: 'DELETE', path: '/admin/bucket', subresource: 'object', params: ['bucket', 'object'] },
  SetBucketQuota: { method: 'PUT', path: '/admin/bucket', subresource: 'quota', params: ['bucket', 'uid', ...QUOTA] },
  // usage, info, metadata
  GetUsage: {
    method: 'GET', path: '/admin/usage',
    params: ['uid', 'start', 'end', 'show-entries', 'show-summary', 'categories', 'bucket'],
  },
  TrimUsage: { method: 'DELETE', path: '/admin/usage', params: ['uid', 'start', 'end', 'remove-all', 'bucket'] },
  GetInfo: { method: 'GET', path: '/admin/info', params: [] },
  ListUserMetadata: { method: 'GET', path: '/admin/metadata/user', params: ['max-entries', 'marker'] },
} as const satisfies Record<string, AdminOperation>;

export type AdminOperationName = keyof typeof ADMIN_OPERATIONS;
export type AdminParamName<O extends AdminOperationName> = (typeof ADMIN_OPERATIONS)[O]['params'][number];
export type AdminParamValue = string | number | boolean;
export type AdminParams<O extends AdminOperationName> = Partial<Record<AdminParamName<O>, AdminParamValue>>;

export function isAdminOperation(name: string): name is AdminOperationName {
  return Object.hasOwn(ADMIN_OPERATIONS, name);
}

/** Names of parameters whose values are secrets (redacted in every record of a request). */
export const ADMIN_SECRET_PARAMS: ReadonlySet<string> = new Set(['secret-key']);
