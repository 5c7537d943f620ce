// Quota parameters of the Admin Ops API, parsed the way RGW 20.2.4 parses them (probed; the source is
// rgw_rest_user.cc RGWOp_Quota_Set, rgw_rest_bucket.cc RGWOp_Set_Bucket_Quota, rgw_rest_account.cc
// RGWOp_Account_Quota_Set + rgw_account.cc modify):
//
// user (`PUT /admin/user?quota&quota-type=user|bucket`) and bucket (`PUT /admin/bucket?quota`): a fresh
//   quota is built from the parameters, so
//   - max-objects / max-size: absent → the current value; an integer → kept as given (negatives are NOT
//     normalised: -5 stays -5 and means "off"); not an integer → -1;
//   - max-size-kb, when present and an integer, wins over max-size (× 1024);
//   - enabled: absent or not a boolean → current; "" / "true" / "1" → true; "false" / "0" → false;
//   - check_on_raw is reset to false (it is not a parameter).
// account (`PUT /admin/account?quota&quota-type=account|bucket`): only the given fields change, and
//   - max-size / max-objects are parsed as 32-bit integers: 3000000000 wraps to -1294967296; not an
//     integer → 0; max-size-kb is not read;
//   - enabled: "" / "true" / "1" → true; anything else present → false.
import type { Quota } from '../identity/model.js';

type Get = (name: string) => string | undefined;

const INTEGER = /^[+-]?\d+$/;

/** RESTArgs::get_bool: empty, "true" (any case) or "1" → true; "false" or "0" → false; else undefined. */
function rgwBool(v: string): boolean | undefined {
  if (v === '' || v.toLowerCase() === 'true' || v === '1') return true;
  if (v.toLowerCase() === 'false' || v === '0') return false;
  return undefined;
}

/** A 64-bit integer parameter; JavaScript numbers are exact to 2^53, far beyond any size RGW stores. */
function int64(v: string): number | undefined {
  return INTEGER.test(v) ? Number(v) : undefined;
}

/** strtol into int32_t, as RESTArgs::get_int32 does: wraps outside [-2^31, 2^31). */
function int32(v: string): number | undefined {
  if (!INTEGER.test(v)) return undefined;
  return Number(BigInt.asIntN(32, BigInt(v)));
}

/** `PUT /admin/user?quota` and `PUT /admin/bucket?quota` with query parameters. */
export function userQuotaFromParams(get: Get, current: Quota): Quota {
  const num = (name: string, now: number): number => {
    const v = get(name);
    return v === undefined ? now : int64(v) ?? -1;
  };
  const q: Quota = { enabled: current.enabled, checkOnRaw: false, maxObjects: num('max-objects', current.maxObjects), maxSize: num('max-size', current.maxSize) };
  const kb = get('max-size-kb');
  const kbValue = kb === undefined ? undefined : int64(kb);
  if (kbValue !== undefined) q.maxSize = kbValue * 1024;
  const enabled = get('enabled');
  if (enabled !== undefined) q.enabled = rgwBool(enabled) ?? current.enabled;
  return q;
}

/** `PUT /admin/account?quota`. */
export function accountQuotaFromParams(get: Get, current: Quota): Quota {
  const q = { ...current };
  const objects = get('max-objects');
  if (objects !== undefined) q.maxObjects = int32(objects) ?? 0;
  const size = get('max-size');
  if (size !== undefined) q.maxSize = int32(size) ?? 0;
  const enabled = get('enabled');
  if (enabled !== undefined) q.enabled = rgwBool(enabled) ?? false;
  return q;
}
