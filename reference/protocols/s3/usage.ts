// RGW's own S3 extensions for stats and quotas (probed on RGW 20.2.4; docs/rgw-behaviour/quota.md):
// - HEAD bucket: with a `read-stats` query parameter (any value, even "false") X-RGW-Object-Count and
//   X-RGW-Bytes-Used (the `rgw.main` entries: objects and uploaded parts); to a caller that owns the bucket
//   (the classic owner, or any member or role of the owning account) X-RGW-Quota-Max-Buckets (the CALLER's
//   max-buckets, even for an account), X-RGW-Quota-User-Size/-Objects when the caller's user quota is enabled,
//   X-RGW-Quota-Bucket-Size/-Objects when the bucket's own quota is enabled;
// - GET /?usage: the caller's quotas and the stats of the buckets the caller USER owns (none for account
//   members: their buckets are the account's). RGW prints the user's bucket-quota max_objects as
//   QuotaMaxBytesPerBucket and max_size as QuotaMaxObjCountPerBucket; reproduced. No namespace. Anyone
//   authenticated may ask (no policy is consulted); anonymous → 403 AccessDenied. Entries stay empty (RGW's
//   usage log is off by default).
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';
import { renderXml } from '../../http/xml.js';
import { NO_QUOTA, T, userKey, type Quota } from '../../identity/model.js';
import type { BucketRecord } from '../../bucket/model.js';
import { mainUsage, ownerUsage, sameOwner } from '../../quota/usage.js';

/** The caller's own limits as RGW's s->user holds them; a role session's pseudo-user has the defaults. */
function callerLimits(ctx: RequestContext): { maxBuckets: number; userQuota: Quota; bucketQuota: Quota } | undefined {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') return { maxBuckets: p.user.maxBuckets, userQuota: p.user.userQuota, bucketQuota: p.user.bucketQuota };
  if (p.kind === 'role') return { maxBuckets: 1000, userQuota: NO_QUOTA, bucketQuota: NO_QUOTA };
  return undefined;
}

function callerOwnsBucket(ctx: RequestContext, b: BucketRecord): boolean {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') {
    return p.user.accountId ? b.owner.kind === 'account' && b.owner.id === p.user.accountId : sameOwner(b.owner, { kind: 'user', id: userKey(p.user.tenant, p.user.id) });
  }
  return p.kind === 'role' && !!p.role.accountId && b.owner.kind === 'account' && b.owner.id === p.role.accountId;
}

/** The X-RGW-* headers of a successful HEAD bucket. */
export function bucketStatsHeaders(ctx: RequestContext, b: BucketRecord): Record<string, string> {
  const h: Record<string, string> = {};
  if (ctx.query.has('read-stats')) {
    const u = mainUsage(b);
    h['X-RGW-Object-Count'] = String(u.objects);
    h['X-RGW-Bytes-Used'] = String(u.size);
  }
  const limits = callerLimits(ctx);
  if (!limits || !callerOwnsBucket(ctx, b)) return h;
  h['X-RGW-Quota-Max-Buckets'] = String(limits.maxBuckets);
  if (limits.userQuota.enabled) {
    h['X-RGW-Quota-User-Size'] = String(limits.userQuota.maxSize);
    h['X-RGW-Quota-User-Objects'] = String(limits.userQuota.maxObjects);
  }
  if (b.quota.enabled) {
    h['X-RGW-Quota-Bucket-Size'] = String(b.quota.maxSize);
    h['X-RGW-Quota-Bucket-Objects'] = String(b.quota.maxObjects);
  }
  return h;
}

/** GET /?usage (RGWGetUsage_ObjStore_S3). */
export async function getUsage(r: { ctx: RequestContext }): Promise<void> {
  const { ctx } = r;
  const limits = callerLimits(ctx);
  if (!limits) throw new GatewayError('AccessDenied');
  const p = ctx.principal;
  const owner = p.kind === 'user' || p.kind === 'user-session' ? { kind: 'user' as const, id: userKey(p.user.tenant, p.user.id) } : undefined;
  const buckets = owner
    ? ctx.env.store
        .list<BucketRecord>(T.buckets)
        .map(([, b]) => b)
        .filter((b) => sameOwner(b.owner, owner))
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    : [];
  const total = owner ? ownerUsage(ctx.env, owner) : { objects: 0, size: 0, sizeRounded: 0 };
  const xml = renderXml({
    Usage: {
      Entries: '',
      Summary: {
        QuotaMaxBytes: limits.userQuota.maxSize,
        QuotaMaxBuckets: limits.maxBuckets,
        QuotaMaxObjCount: limits.userQuota.maxObjects,
        // Swapped as RGW 20.2.4 prints them.
        QuotaMaxBytesPerBucket: limits.bucketQuota.maxObjects,
        QuotaMaxObjCountPerBucket: limits.bucketQuota.maxSize,
        TotalBytes: total.size,
        TotalBytesRounded: total.sizeRounded,
        TotalEntries: total.objects,
      },
      CapacityUsed: { User: { Buckets: buckets.length ? { Entry: buckets.map((b) => ({ Bucket: b.name, Bytes: b.size, Bytes_Rounded: b.sizeRounded })) } : '' } },
    },
  });
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  ctx.res.end(xml);
}
