// Admin Ops JSON documents, field for field and in RGW's order (RGWUserInfo::dump as the REST API renders it:
// keys carry user/access_key/secret_key/active only; full_user_id first; account_id "" for classic users).
import type { AccountRecord, Quota, UserRecord } from '../../identity/model.js';
import { userKey } from '../../identity/model.js';
import { sortKeys } from '../../identity/users.js';
import type { BucketRecord } from '../../bucket/model.js';

export function quotaJson(q: Quota): Record<string, unknown> {
  return { enabled: q.enabled, check_on_raw: q.checkOnRaw, max_size: q.maxSize, max_size_kb: q.maxSize < 0 ? 0 : Math.ceil(q.maxSize / 1024), max_objects: q.maxObjects };
}

export function keysJson(u: UserRecord): Record<string, unknown>[] {
  const uid = userKey(u.tenant, u.id);
  return sortKeys(u.keys).map((k) => ({ user: uid, access_key: k.accessKey, secret_key: k.secretKey, active: k.active }));
}

export function userJson(u: UserRecord): Record<string, unknown> {
  const uid = userKey(u.tenant, u.id);
  return {
    full_user_id: uid,
    tenant: u.tenant,
    user_id: u.id,
    display_name: u.displayName,
    email: u.email,
    suspended: u.suspended ? 1 : 0,
    max_buckets: u.maxBuckets,
    subusers: [],
    keys: keysJson(u),
    swift_keys: [],
    caps: capsJson(u),
    op_mask: u.opMask,
    system: u.system,
    admin: u.admin,
    default_placement: '',
    default_storage_class: '',
    placement_tags: [],
    bucket_quota: quotaJson(u.bucketQuota),
    user_quota: quotaJson(u.userQuota),
    temp_url_keys: [],
    type: u.accountRoot ? 'root' : 'rgw',
    mfa_ids: [],
    account_id: u.accountId ?? '',
    path: u.path,
    create_date: microIso(u.createDate),
    tags: [],
    group_ids: u.groups,
  };
}

export function capsJson(u: UserRecord): Record<string, unknown>[] {
  return [...u.caps].sort((a, b) => a.type.localeCompare(b.type)).map((c) => ({ type: c.type, perm: c.perm }));
}

export function accountJson(a: AccountRecord): Record<string, unknown> {
  return {
    id: a.id,
    tenant: a.tenant,
    name: a.name,
    email: a.email,
    quota: quotaJson(a.quota),
    bucket_quota: quotaJson(a.bucketQuota),
    max_users: a.maxUsers,
    max_roles: a.maxRoles,
    max_groups: a.maxGroups,
    max_buckets: a.maxBuckets,
    max_access_keys: a.maxAccessKeys,
  };
}

export function statsJson(size: number, sizeRounded: number, numObjects: number): Record<string, unknown> {
  return {
    size,
    size_actual: sizeRounded,
    size_utilized: size,
    size_kb: Math.ceil(size / 1024),
    size_kb_actual: Math.ceil(sizeRounded / 1024),
    size_kb_utilized: Math.ceil(size / 1024),
    num_objects: numObjects,
  };
}

export function bucketJson(b: BucketRecord, zonegroupId: string): Record<string, unknown> {
  return {
    bucket: b.name,
    tenant: b.tenant,
    versioning: b.versioning ? b.versioning.toLowerCase() : 'off',
    zonegroup: zonegroupId,
    placement_rule: 'default-placement',
    explicit_placement: { data_pool: '', data_extra_pool: '', index_pool: '' },
    id: b.marker,
    marker: b.marker,
    index_type: 'Normal',
    index_generation: 0,
    reshard_status: 'None',
    judge_reshard_lock_time: '0.000000',
    object_lock_enabled: false,
    mfa_enabled: false,
    owner: b.owner.id,
    num_shards: SHARDS,
    ver: shardList((i) => `${i}#1`),
    master_ver: shardList((i) => `${i}#0`),
    max_marker: shardList((i) => `${i}#`),
    usage: b.numObjects > 0 || b.size > 0 ? { 'rgw.main': statsJson(b.size, b.sizeRounded, b.numObjects) } : {},
    mtime: microIso(b.creationDate),
    creation_time: microIso(b.creationDate),
    bucket_quota: quotaJson(b.quota),
    read_tracker: 1,
  };
}

/** RGW's default bucket index has 11 shards; the per-shard version strings look like "0#1,1#1,...". */
const SHARDS = 11;
const shardList = (f: (i: number) => string): string => Array.from({ length: SHARDS }, (_, i) => f(i)).join(',');

/** RGW prints timestamps with microseconds: 2026-11-23T08:29:53.726630Z. */
export function microIso(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}
