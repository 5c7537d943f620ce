// Identity records as the store keeps them. Field meanings follow RGW's RGWUserInfo / RGWAccountInfo /
// RGWRoleInfo; the Admin Ops and IAM renderers turn them into each protocol's wire shapes.

/** RGW's RGWQuotaInfo. Sizes in bytes; -1 means unlimited. */
export interface Quota {
  enabled: boolean;
  checkOnRaw: boolean;
  maxSize: number;
  maxObjects: number;
}

export const NO_QUOTA: Quota = Object.freeze({ enabled: false, checkOnRaw: false, maxSize: -1, maxObjects: -1 });

export interface AccessKey {
  accessKey: string;
  secretKey: string;
  active: boolean;
  createDate: string; // ISO 8601
}

export interface Cap {
  type: string; // users, buckets, accounts, roles, user-policy, usage, metadata, info, ...
  perm: string; // read | write | *
}

export interface UserRecord {
  tenant: string; // '' for the default tenant
  id: string; // uid within the tenant
  displayName: string;
  email: string;
  suspended: boolean;
  maxBuckets: number;
  keys: AccessKey[];
  caps: Cap[];
  opMask: string;
  system: boolean;
  admin: boolean;
  /** Account membership (RGW 19+). Undefined for classic users. */
  accountId?: string;
  /** RGW user type "root": the account root user. */
  accountRoot: boolean;
  path: string; // IAM path, '/' by default
  createDate: string;
  /** Admin Ops default-placement / default-storage-class / placement-tags (RGW only stores them here). */
  defaultPlacement?: string;
  defaultStorageClass?: string;
  placementTags?: string[];
  userQuota: Quota;
  bucketQuota: Quota;
  /** Inline IAM policies by name (JSON text as given). */
  inlinePolicies: Record<string, string>;
  /** Attached managed policy ARNs. */
  managedPolicies: string[];
  /** Group ids (account groups). */
  groups: string[];
  tags: Record<string, string>;
}

export interface AccountRecord {
  id: string; // RGW + 17 digits
  tenant: string;
  name: string;
  email: string;
  maxUsers: number;
  maxRoles: number;
  maxGroups: number;
  maxAccessKeys: number;
  maxBuckets: number;
  quota: Quota;
  bucketQuota: Quota;
  createDate?: string;
}

export interface RoleRecord {
  id: string; // uuid
  accountId?: string;
  tenant: string;
  name: string;
  path: string;
  trustPolicy: string;
  description: string;
  maxSessionDuration: number;
  createDate: string;
  inlinePolicies: Record<string, string>;
  managedPolicies: string[];
  /** RGW keeps role tags in a multimap: sorted by key, a key may repeat (TagRole adds, never replaces). */
  tags: RoleTag[];
}

export interface RoleTag {
  key: string;
  value: string;
}

export interface GroupRecord {
  id: string;
  accountId: string;
  tenant: string;
  name: string;
  path: string;
  createDate: string;
  inlinePolicies: Record<string, string>;
  managedPolicies: string[];
}

export interface OidcProviderRecord {
  arn: string;
  accountId?: string;
  tenant: string;
  url: string; // issuer URL without its http(s):// prefix, as the provider ARN names it
  /** The Url parameter exactly as CreateOpenIDConnectProvider received it (GetOpenIDConnectProvider returns it). */
  registeredUrl?: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: string;
}

/** Table names: one place so store keys never drift. */
export const T = {
  users: 'users', // key: userKey(tenant, id)
  keys: 'keys', // key: access key -> userKey
  emails: 'emails', // key: email -> userKey
  accounts: 'accounts', // key: account id
  accountNames: 'account-names', // key: tenant$name -> account id
  roles: 'roles', // key: ownerScope + '/' + lower(name)
  groups: 'groups',
  oidc: 'oidc',
  buckets: 'buckets', // key: bucketKey(tenant, name)
  objects: 'objects', // key: bucket marker + '/' + object key
  uploads: 'uploads',
  parts: 'parts',
} as const;

/** RGW writes tenanted uids as `tenant$uid`. */
export function userKey(tenant: string, id: string): string {
  return tenant ? `${tenant}$${id}` : id;
}

export function parseUserKey(uid: string): { tenant: string; id: string } {
  const i = uid.indexOf('$');
  return i < 0 ? { tenant: '', id: uid } : { tenant: uid.slice(0, i), id: uid.slice(i + 1) };
}

/** RGW's rgw_owner: a bucket or object belongs to a user (classic) or to an account (account members' writes). */
export type Owner = { kind: 'user'; id: string /* userKey */ } | { kind: 'account'; id: string /* account id */ };
