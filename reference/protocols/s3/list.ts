// ListObjects (v1) and ListObjectsV2: prefix, delimiter, CommonPrefixes, marker / continuation-token /
// start-after, max-keys (0 allowed, capped at 1000), encoding-type=url, fetch-owner.
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { T } from '../../identity/model.js';
import type { BucketRecord, ObjectRecord } from '../../bucket/model.js';
import { loadBucket, ownerIdentity, s3Arn, type S3Request } from './request.js';
import { isoDate, sendXml } from './respond.js';

const MAX_KEYS = 1000;

interface Listing {
  contents: ObjectRecord[];
  prefixes: string[];
  truncated: boolean;
  /** Last key or prefix returned (for NextMarker / continuation). */
  last?: string;
}

/** Walk the bucket's keys after `after`, folding keys under the delimiter into common prefixes. */
export function listKeys(r: S3Request, b: BucketRecord, prefix: string, delimiter: string, after: string, maxKeys: number): Listing {
  const base = `${b.marker}/`;
  const rows = r.ctx.env.store.list<ObjectRecord>(T.objects, { prefix: base + prefix, after: after ? base + after : undefined });
  const out: Listing = { contents: [], prefixes: [], truncated: false };
  let count = 0;
  let lastPrefix: string | undefined;
  for (const [, o] of rows) {
    const rest = o.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (cut >= 0) {
      const cp = prefix + rest.slice(0, cut + delimiter.length);
      if (cp === lastPrefix) continue;
      if (after && cp <= after) continue;
      if (count >= maxKeys) {
        out.truncated = true;
        break;
      }
      out.prefixes.push(cp);
      lastPrefix = cp;
      out.last = cp;
    } else {
      if (count >= maxKeys) {
        out.truncated = true;
        break;
      }
      out.contents.push(o);
      out.last = o.key;
    }
    count++;
  }
  return out;
}

function parseMaxKeys(v: string | null, bucket: string): number {
  if (v === null) return MAX_KEYS;
  if (!/^\d+$/.test(v)) throw new GatewayError('InvalidArgument', '', { BucketName: bucket });
  return Math.min(Number(v), MAX_KEYS);
}

export async function listObjects(r: S3Request, v2: boolean): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  const q = ctx.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  authorize(ctx, {
    action: 's3:ListBucket',
    resource: s3Arn(b),
    owner: b.owner,
    bucketPolicy: b.policy, bucketTenant: b.tenant,
    bucketAcl: b.acl,
    conditions: { 's3:prefix': [prefix], ...(delimiter ? { 's3:delimiter': [delimiter] } : {}), 's3:max-keys': [q.get('max-keys') ?? String(MAX_KEYS)] },
  });
  const maxKeys = parseMaxKeys(q.get('max-keys'), b.name);
  const encodingType = q.get('encoding-type');
  if (encodingType !== null && encodingType !== 'url') throw new GatewayError('InvalidArgument', '', { BucketName: b.name });
  const enc = (s: string): string => (encodingType === 'url' ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  let after: string;
  const token = q.get('continuation-token');
  if (v2) {
    after = token !== null ? Buffer.from(token, 'base64').toString('utf8') : q.get('start-after') ?? '';
  } else {
    after = q.get('marker') ?? '';
  }
  const listing = listKeys(r, b, prefix, delimiter, after, maxKeys);
  const fetchOwner = !v2 || q.get('fetch-owner') === 'true';
  const contents = listing.contents.map((o) => {
    const item: Record<string, unknown> = { Key: enc(o.key), LastModified: isoDate(o.lastModified), ETag: `"${o.etag}"`, Size: o.size, StorageClass: 'STANDARD' };
    if (fetchOwner) {
      const who = ownerIdentity(ctx, o.owner);
      item.Owner = { ID: who.id, DisplayName: who.displayName };
    }
    return item;
  });
  const common = listing.prefixes.map((p) => ({ Prefix: enc(p) }));
  const body: Record<string, unknown> = { Name: b.name, Prefix: enc(prefix) };
  if (v2) {
    if (q.has('start-after')) body.StartAfter = enc(q.get('start-after')!);
    if (token !== null) body.ContinuationToken = token;
    if (listing.truncated && listing.last !== undefined) body.NextContinuationToken = Buffer.from(listing.last).toString('base64');
    body.KeyCount = contents.length + common.length;
  } else {
    body.Marker = enc(after);
    if (listing.truncated && delimiter && listing.last !== undefined) body.NextMarker = enc(listing.last);
  }
  body.MaxKeys = maxKeys;
  if (delimiter) body.Delimiter = enc(delimiter);
  if (encodingType) body.EncodingType = encodingType;
  body.IsTruncated = listing.truncated;
  if (contents.length) body.Contents = contents;
  if (common.length) body.CommonPrefixes = common;
  sendXml(ctx, 'ListBucketResult', body);
}
