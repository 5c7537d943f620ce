// Stats as RGW's storage reports them (all verified on RGW 20.2.4, docs/rgw-behaviour/quota.md):
// - a bucket's index keeps one entry per category: `rgw.main` (objects AND uploaded multipart parts, each
//   part entry counted until its upload completes or is aborted, re-uploaded parts included) and
//   `rgw.multimeta` (one size-0 entry per upload in progress); a category once used stays listed, zeroed;
// - sizes count raw bytes (`size`) and 4 KiB blocks (`size_actual`, RGW's rgw_rounded_objsize);
// - owner stats (a user's, or an account's: any member's GetUserInfo?stats shows the account's) sum the
//   `rgw.main` entries of the owner's buckets only;
// - the bucket quota checks all categories, the owner (user/account) quota the owner stats.
// RGW caches and syncs these lazily; the reference computes them exactly and at once.
import type { GatewayEnv } from '../env.js';
import { T, userKey, type Owner, type UserRecord } from '../identity/model.js';
import type { BucketRecord } from '../bucket/model.js';

export interface Usage {
  objects: number;
  size: number;
  sizeRounded: number;
}

export type UsageCategory = 'rgw.main' | 'rgw.multimeta';

/** Bytes RGW reports as utilized per multipart upload in progress (its meta object), constant on 20.2.4. */
export const MULTIMETA_UTILIZED = 69;

/** RGW's rgw_rounded_kb: (bytes + 1023) / 1024 with C's truncating division (so -2048 → -1, -1 → 0). */
export const roundedKb = (bytes: number): number => Math.trunc((bytes + 1023) / 1024);

export function mainUsage(b: BucketRecord): Usage {
  return { objects: b.numObjects, size: b.size, sizeRounded: b.sizeRounded };
}

/** What the bucket quota is checked against: every category of the bucket's index. */
export function bucketQuotaUsage(b: BucketRecord): Usage {
  return { objects: b.numObjects + (b.multipartUploads ?? 0), size: b.size, sizeRounded: b.sizeRounded };
}

export const sameOwner = (a: Owner, b: Owner): boolean => a.kind === b.kind && a.id === b.id;

/** Owner stats: the `rgw.main` entries of every bucket the user or account owns. */
export function ownerUsage(env: GatewayEnv, owner: Owner): Usage {
  const u: Usage = { objects: 0, size: 0, sizeRounded: 0 };
  for (const [, b] of env.store.list<BucketRecord>(T.buckets)) {
    if (!sameOwner(b.owner, owner)) continue;
    u.objects += b.numObjects;
    u.size += b.size;
    u.sizeRounded += b.sizeRounded;
  }
  return u;
}

/** Whose stats a user's Admin Ops `stats` show: its account's for account members, else its own. */
export const statsOwnerOf = (u: UserRecord): Owner => (u.accountId ? { kind: 'account', id: u.accountId } : { kind: 'user', id: userKey(u.tenant, u.id) });

/** RGWStorageStats::dump, field for field. */
export function statsJson(u: Usage, utilized: number): Record<string, unknown> {
  return {
    size: u.size,
    size_actual: u.sizeRounded,
    size_utilized: utilized,
    size_kb: roundedKb(u.size),
    size_kb_actual: roundedKb(u.sizeRounded),
    size_kb_utilized: roundedKb(utilized),
    num_objects: u.objects,
  };
}

/** Admin Ops user info `stats`: owner stats, with size_utilized 0 as RGW's user header keeps it. */
export function ownerStatsJson(env: GatewayEnv, user: UserRecord): Record<string, unknown> {
  return statsJson(ownerUsage(env, statsOwnerOf(user)), 0);
}

/** Categories a bucket's index lists; records written before categories were tracked derive them. */
function categories(b: BucketRecord): UsageCategory[] {
  if (b.usageCategories) return b.usageCategories;
  const out: UsageCategory[] = [];
  if (b.numObjects > 0 || b.size > 0) out.push('rgw.main');
  if ((b.multipartUploads ?? 0) > 0) out.push('rgw.multimeta');
  return out;
}

/** Admin Ops bucket info `usage`: one entry per category the bucket's index has used, in RGW's order. */
export function bucketUsageJson(b: BucketRecord): Record<string, unknown> {
  const used = new Set(categories(b));
  const out: Record<string, unknown> = {};
  if (used.has('rgw.main')) out['rgw.main'] = statsJson(mainUsage(b), b.size);
  if (used.has('rgw.multimeta')) {
    const n = b.multipartUploads ?? 0;
    out['rgw.multimeta'] = statsJson({ objects: n, size: 0, sizeRounded: 0 }, n * MULTIMETA_UTILIZED);
  }
  return out;
}
