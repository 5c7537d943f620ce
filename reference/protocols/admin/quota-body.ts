// The JSON body variant of `PUT /admin/user?quota` and `PUT /admin/bucket?quota` (get_json_input with
// RGWQuotaInfo / UserQuotas::decode_json), as RGW 20.2.4 reads it (probed, docs/rgw-behaviour/admin.md):
// - a body is used whenever the request has one (Content-Length > 0); query parameters are then ignored;
// - over 1024 bytes → 416 InvalidRange (ERANGE); not JSON → InvalidArgument;
// - every field missing from the body is reset, not kept: a missing number is 0 and a missing boolean false
//   (JSONDecoder's default value), so {"enabled":true} sets max_size 0 and max_objects 0; max_size, when
//   absent, is max_size_kb × 1024; in the two-quota form a missing "user_quota" / "bucket_quota" becomes the
//   default quota (-1, -1, disabled);
// - numbers may be JSON numbers or numeric strings; booleans true/false (any case, also as strings) or an
//   integer (non-zero is true); anything else (1.5, null, "x") → InvalidArgument.
import { GatewayError } from '../../errors.js';
import { NO_QUOTA, type Quota } from '../../identity/model.js';

export const QUOTA_INPUT_MAX_LEN = 1024;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parse(body: Buffer): Json {
  if (body.length > QUOTA_INPUT_MAX_LEN) throw new GatewayError('ERANGE');
  try {
    return JSON.parse(body.toString('utf8')) as Json;
  } catch {
    throw new GatewayError('InvalidArgument');
  }
}

/** JSONObj::get_data: how RGW sees a value before decoding it (strings without quotes). */
const dataOf = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

function int(v: Json): number {
  const s = dataOf(v);
  if (!/^[+-]?\d+$/.test(s.trim())) throw new GatewayError('InvalidArgument');
  return Number(s);
}

function bool(v: Json): boolean {
  const s = dataOf(v).toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  return int(v) !== 0;
}

const field = (o: Json, name: string): Json | undefined =>
  o !== null && typeof o === 'object' && !Array.isArray(o) && Object.hasOwn(o, name) ? o[name] : undefined;

/** RGWQuotaInfo::decode_json. */
function decodeQuota(o: Json): Quota {
  const size = field(o, 'max_size');
  const kb = field(o, 'max_size_kb');
  const objects = field(o, 'max_objects');
  const raw = field(o, 'check_on_raw');
  const enabled = field(o, 'enabled');
  return {
    maxSize: size !== undefined ? int(size) : kb !== undefined ? int(kb) * 1024 : 0,
    maxObjects: objects !== undefined ? int(objects) : 0,
    checkOnRaw: raw !== undefined ? bool(raw) : false,
    enabled: enabled !== undefined ? bool(enabled) : false,
  };
}

/** One quota (quota-type given, or a bucket's). */
export const quotaFromBody = (body: Buffer): Quota => decodeQuota(parse(body));

/** Both quotas of a user (no quota-type). */
export function userQuotasFromBody(body: Buffer): { userQuota: Quota; bucketQuota: Quota } {
  const o = parse(body);
  const one = (name: string): Quota => {
    const v = field(o, name);
    return v === undefined ? { ...NO_QUOTA } : decodeQuota(v);
  };
  return { bucketQuota: one('bucket_quota'), userQuota: one('user_quota') };
}
