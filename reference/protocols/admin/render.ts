// The Admin Ops documents, field for field and in RGW 20.2.4's order (probed with format=json and
// format=xml; real bodies in docs/rgw-behaviour/admin.md). The REST user document is RGWUserInfo as the
// Admin API dumps it, not radosgw-admin's: keys carry user/access_key/secret_key/active (no create_date),
// and callers with only the user-info-without-keys cap get neither keys nor swift_keys.
import type { AccountRecord, Cap, Quota, UserRecord } from '../../identity/model.js';
import { userKey } from '../../identity/model.js';
import { sortedCaps } from '../../identity/caps.js';
import { sortKeys } from '../../identity/keys.js';
import type { BucketRecord } from '../../bucket/model.js';
import { bucketUsageJson, roundedKb } from '../../quota/usage.js';
import { list, section, type Section, type Value } from './format.js';

/** RGWQuotaInfo::dump. */
export function quotaSection(q: Quota): Section {
  return section([
    ['enabled', q.enabled],
    ['check_on_raw', q.checkOnRaw],
    ['max_size', q.maxSize],
    ['max_size_kb', roundedKb(q.maxSize)],
    ['max_objects', q.maxObjects],
  ]);
}

export const keysList = (u: UserRecord): Value =>
  list(
    'key',
    sortKeys(u.keys).map((k) => section([['user', userKey(u.tenant, u.id)], ['access_key', k.accessKey], ['secret_key', k.secretKey], ['active', k.active]])),
  );

export const capsList = (caps: readonly Cap[]): Value => list('cap', sortedCaps(caps).map((c) => section([['type', c.type], ['perm', c.perm]])));

/** Plain JSON (e.g. the quota module's stats) as a section, keys in insertion order. */
export function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return list('obj', v.map(fromJson));
  if (v !== null && typeof v === 'object') return section(Object.entries(v).map(([k, x]) => [k, fromJson(x)] as const));
  return v as string | number | boolean;
}

export function userSection(u: UserRecord, opts: { keys: boolean; stats?: unknown }): Section {
  return section([
    ['full_user_id', userKey(u.tenant, u.id)],
    ['tenant', u.tenant],
    ['user_id', u.id],
    ['display_name', u.displayName],
    ['email', u.email],
    ['suspended', u.suspended ? 1 : 0],
    ['max_buckets', u.maxBuckets],
    ['subusers', list('user', [])],
    ...(opts.keys ? ([['keys', keysList(u)], ['swift_keys', list('key', [])]] as const) : []),
    ['caps', capsList(u.caps)],
    ['op_mask', u.opMask],
    ['system', u.system],
    ['admin', u.admin],
    ['default_placement', u.defaultPlacement ?? ''],
    ['default_storage_class', u.defaultStorageClass ?? ''],
    ['placement_tags', list('obj', u.placementTags ?? [])],
    ['bucket_quota', quotaSection(u.bucketQuota)],
    ['user_quota', quotaSection(u.userQuota)],
    ['temp_url_keys', list('obj', [])],
    ['type', u.accountRoot ? 'root' : 'rgw'],
    ['mfa_ids', list('obj', [])],
    ['account_id', u.accountId ?? ''],
    ['path', u.path],
    ['create_date', microIso(u.createDate)],
    ['tags', list('obj', [])],
    ['group_ids', list('obj', u.groups)],
    ...(opts.stats !== undefined ? ([['stats', fromJson(opts.stats)]] as const) : []),
  ]);
}

/** RGWAccountInfo::dump. */
export function accountSection(a: AccountRecord): Section {
  return section([
    ['id', a.id],
    ['tenant', a.tenant],
    ['name', a.name],
    ['email', a.email],
    ['quota', quotaSection(a.quota)],
    ['bucket_quota', quotaSection(a.bucketQuota)],
    ['max_users', a.maxUsers],
    ['max_roles', a.maxRoles],
    ['max_groups', a.maxGroups],
    ['max_buckets', a.maxBuckets],
    ['max_access_keys', a.maxAccessKeys],
  ]);
}

/** RGW's default bucket index has 11 shards; the per-shard version strings look like "0#1,1#1,...". */
const SHARDS = 11;
const shardList = (f: (i: number) => string): string => Array.from({ length: SHARDS }, (_, i) => f(i)).join(',');

/** The owner as bucket stats name it: the account id, or the user's tenant$uid. */
export const ownerName = (b: BucketRecord): string => b.owner.id;

/** bucket_stats() in rgw_bucket.cc: what GET /admin/bucket answers for one bucket. */
export function bucketSection(b: BucketRecord, zonegroupId: string): Section {
  return section([
    ['bucket', b.name],
    ['tenant', b.tenant],
    ['versioning', b.versioning ? b.versioning.toLowerCase() : 'off'],
    ['zonegroup', zonegroupId],
    ['placement_rule', 'default-placement'],
    ['explicit_placement', section([['data_pool', ''], ['data_extra_pool', ''], ['index_pool', '']])],
    ['id', b.marker],
    ['marker', b.marker],
    ['index_type', 'Normal'],
    ['index_generation', 0],
    ['reshard_status', 'None'],
    ['judge_reshard_lock_time', '0.000000'],
    ['object_lock_enabled', false],
    ['mfa_enabled', false],
    ['owner', ownerName(b)],
    ['num_shards', SHARDS],
    ['ver', shardList((i) => `${i}#1`)],
    ['master_ver', shardList((i) => `${i}#0`)],
    ['max_marker', shardList((i) => `${i}#`)],
    ['usage', fromJson(bucketUsageJson(b))],
    ['mtime', microIso(b.creationDate)],
    ['creation_time', microIso(b.creationDate)],
    ['bucket_quota', quotaSection(b.quota)],
    ['read_tracker', 1],
  ]);
}

/** RGW prints timestamps with microseconds: 2026-11-23T08:29:53.726630Z. */
export function microIso(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}
