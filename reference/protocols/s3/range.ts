// Range requests as RGW parses them (RGWGetObj::parse_range, rgw::sal::Object::range_to_ofs; probed on RGW
// 20.2.4): only the first range of a list counts; the unit is matched case-insensitively ("bytes = 0-1" too);
// numbers are read like C atoll (so "abc-2" is 0-2 and "3-abc" is 3-0, unsatisfiable); "bytes=-N" is the last
// N bytes and "bytes=-" the object from byte 1 (RGW quirk); a syntax error or end < start is 416 InvalidRange
// before any condition is checked; a start at or past the end of the object is 416 after the conditions; an
// empty object has no satisfiable range. A Range header that is not a byte range is ignored, but RGW still
// sends Content-Range for the whole object.
import { GatewayError } from '../../errors.js';
import { atoll } from './encode.js';

/** A parsed range before the object size is known: ofs < 0 means "the last -ofs bytes". */
export interface RangeSpec {
  partial: boolean;
  ofs: number;
  end: number; // -1: to the end
}

/** undefined: no Range header. */
export function parseRange(value: string | undefined): RangeSpec | undefined {
  if (value === undefined) return undefined;
  let rs = value;
  const at = rs.indexOf('bytes=');
  if (at >= 0) rs = rs.slice(at + 6);
  else {
    // RGW: skip spaces, take the letters, strncasecmp(whole string, "bytes", number of letters), then '='.
    const lead = /^\s*/.exec(rs)![0].length;
    let e = lead;
    while (e < rs.length && /[A-Za-z]/.test(rs[e]!)) e++;
    const n = e - lead;
    if (n > 5 || rs.slice(0, n).toLowerCase() !== 'bytes'.slice(0, n)) return { partial: false, ofs: 0, end: -1 };
    while (e < rs.length && /\s/.test(rs[e]!)) e++;
    if (rs[e] !== '=') return { partial: false, ofs: 0, end: -1 };
    rs = rs.slice(e + 1);
  }
  const dash = rs.indexOf('-');
  if (dash < 0) throw new GatewayError('InvalidRange');
  const ofsStr = rs.slice(0, dash);
  const endStr = rs.slice(dash + 1);
  let end = -1;
  if (endStr.length) {
    end = atoll(endStr);
    if (end < 0) throw new GatewayError('InvalidRange');
  }
  let ofs: number;
  if (ofsStr.length) ofs = atoll(ofsStr);
  else {
    ofs = -end;
    end = -1;
  }
  if (end >= 0 && end < ofs) throw new GatewayError('InvalidRange');
  return { partial: true, ofs, end };
}

/** Inclusive byte range within an object of `size` bytes. */
export function resolveRange(spec: RangeSpec, size: number): { start: number; end: number } {
  if (spec.partial && size === 0) throw new GatewayError('InvalidRange');
  let { ofs, end } = spec;
  if (ofs < 0) {
    ofs = Math.max(0, size + ofs);
    end = size - 1;
  } else if (end < 0) end = size - 1;
  if (ofs >= size && size > 0) throw new GatewayError('InvalidRange');
  if (end >= size) end = size - 1;
  return { start: ofs, end };
}
