// ListObjects (v1), ListObjectsV2 and ListObjectVersions, rendered as RGW 20.2.4 renders them
// (RGWListBucket_ObjStore_S3*::send_response; probed, docs/rgw-behaviour/s3.md):
// - element order: [EncodingType] [Tenant] Name Prefix MaxKeys [Delimiter] IsTruncated CommonPrefixes*
//   Contents*, then v1: Marker [NextMarker]; v2: [ContinuationToken] [NextContinuationToken] KeyCount
//   [StartAfter]; versions: KeyMarker VersionIdMarker [NextKeyMarker NextVersionIdMarker] before the entries;
// - max-keys: strtol, clamped to 0..rgw_max_listing_results (5000), default 1000; not a number → 400
//   InvalidArgument (checked before authorization); IsTruncated is false when max-keys is 0;
// - continuation tokens are the plain last key (no encoding), and a token replaces start-after;
// - NextMarker (v1) whenever truncated; keys, common prefixes, Delimiter and NextMarker are URL-encoded with
//   encoding-type=url (any case); Prefix, Marker, StartAfter and tokens never; unknown encodings are ignored;
// - v1 and versions always show the Owner, v2 only with fetch-owner=true; every entry has Type Normal.
import { GatewayError } from '../../errors.js';
import { T } from '../../identity/model.js';
import type { BucketRecord, ObjectRecord } from '../../bucket/model.js';
import { authorizeOn, loadBucket, ownerIdentity, type S3Request } from './request.js';
import { isoDate, sendXml } from './respond.js';
import { boundedInt, MAX_LISTING, rgwUrlEncode } from './encode.js';

const DEFAULT_MAX = 1000;

export interface Listing {
  contents: ObjectRecord[];
  prefixes: string[];
  truncated: boolean;
  /** Last key or common prefix returned (RGW's next_marker). */
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
    const cp = cut >= 0 ? prefix + rest.slice(0, cut + delimiter.length) : undefined;
    // A marker inside a common prefix skips the whole prefix (RGW's skip_after_delim).
    if (cp !== undefined && (cp === lastPrefix || (after && cp <= after))) continue;
    if (count >= maxKeys) {
      out.truncated = true;
      break;
    }
    if (cp !== undefined) {
      out.prefixes.push(cp);
      lastPrefix = cp;
      out.last = cp;
    } else {
      out.contents.push(o);
      out.last = o.key;
    }
    count++;
  }
  return out;
}

interface ListParams {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  encode: boolean;
}

/** RGWListBucket_ObjStore_S3::get_common_params, then the permission check with the s3:prefix/... keys. */
function commonParams(r: S3Request, b: BucketRecord): ListParams {
  const q = r.ctx.query;
  const maxKeys = boundedInt(q.get('max-keys'), 0, MAX_LISTING, DEFAULT_MAX);
  if (maxKeys === undefined) throw new GatewayError('InvalidArgument');
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const conditions: Record<string, string[]> = { 's3:max-keys': [String(maxKeys)] };
  if (prefix) conditions['s3:prefix'] = [prefix];
  if (delimiter) conditions['s3:delimiter'] = [delimiter];
  authorizeOn(r, b, { conditions });
  return { prefix, delimiter, maxKeys, encode: (q.get('encoding-type') ?? '').toLowerCase() === 'url' };
}

function ownerOf(r: S3Request, o: ObjectRecord): Record<string, unknown> {
  const who = ownerIdentity(r.ctx, o.owner);
  return { ID: who.id, DisplayName: who.displayName };
}

/** Body head shared by all three listings. */
function head(b: BucketRecord, p: ListParams, l: Listing): Record<string, unknown> {
  const enc = (s: string): string => (p.encode ? rgwUrlEncode(s, false) : s);
  const body: Record<string, unknown> = {};
  if (p.encode) body.EncodingType = 'url';
  if (b.tenant) body.Tenant = b.tenant;
  body.Name = b.name;
  body.Prefix = p.prefix;
  body.MaxKeys = p.maxKeys;
  if (p.delimiter) body.Delimiter = enc(p.delimiter);
  body.IsTruncated = p.maxKeys > 0 && l.truncated;
  if (l.prefixes.length) body.CommonPrefixes = l.prefixes.map((cp) => ({ Prefix: enc(cp) }));
  return body;
}

export async function listObjects(r: S3Request, v2: boolean): Promise<void> {
  const q = r.ctx.query;
  const b = loadBucket(r);
  const p = commonParams(r, b);
  const token = q.get('continuation-token');
  const startAfter = q.get('start-after');
  const marker = v2 ? token ?? startAfter ?? '' : q.get('marker') ?? '';
  const l = listKeys(r, b, p.prefix, p.delimiter, marker, p.maxKeys);
  const fetchOwner = !v2 || q.get('fetch-owner') === 'true';
  const body = head(b, p, l);
  const contents = l.contents.map((o) => ({
    Key: p.encode ? rgwUrlEncode(o.key) : o.key,
    LastModified: isoDate(o.lastModified),
    ETag: `"${o.etag}"`,
    Size: o.size,
    StorageClass: 'STANDARD',
    ...(fetchOwner ? { Owner: ownerOf(r, o) } : {}),
    Type: 'Normal',
  }));
  if (contents.length) body.Contents = contents;
  const next = l.truncated && l.last !== undefined ? l.last : undefined;
  if (v2) {
    if (token !== null) body.ContinuationToken = token;
    if (next !== undefined && p.maxKeys > 0) body.NextContinuationToken = next;
    body.KeyCount = l.contents.length + l.prefixes.length;
    if (startAfter !== null) body.StartAfter = startAfter;
  } else {
    body.Marker = marker;
    if (next !== undefined && p.maxKeys > 0) body.NextMarker = p.encode ? rgwUrlEncode(next) : next;
  }
  sendXml(r.ctx, 'ListBucketResult', body);
}

/** GET /bucket?versions on an unversioned bucket: every object is its one "null" version. */
export async function listObjectVersions(r: S3Request): Promise<void> {
  const q = r.ctx.query;
  const b = loadBucket(r);
  const p = commonParams(r, b);
  const keyMarker = q.get('key-marker') ?? '';
  const l = listKeys(r, b, p.prefix, p.delimiter, keyMarker, p.maxKeys);
  const body = head(b, p, l);
  body.KeyMarker = keyMarker;
  body.VersionIdMarker = q.get('version-id-marker') ?? '';
  if (l.truncated && l.last !== undefined && p.maxKeys > 0) {
    body.NextKeyMarker = p.encode ? rgwUrlEncode(l.last) : l.last;
    body.NextVersionIdMarker = 'null';
  }
  const versions = l.contents.map((o) => ({
    Key: p.encode ? rgwUrlEncode(o.key) : o.key,
    VersionId: 'null',
    IsLatest: true,
    LastModified: isoDate(o.lastModified),
    ETag: `"${o.etag}"`,
    Size: o.size,
    StorageClass: 'STANDARD',
    Owner: ownerOf(r, o),
    Type: 'Normal',
  }));
  if (versions.length) body.Version = versions;
  sendXml(r.ctx, 'ListVersionsResult', body);
}
