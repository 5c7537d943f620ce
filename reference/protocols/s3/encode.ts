// Parsing and encoding helpers with RGW's exact rules (rgw_common.cc, rgw_op.h), used by several handlers.

/** Bytes RGW's url_encode escapes (char_needs_url_encoding): controls, space, non-ASCII and "#%&+,/:;<=>?@[\]^`{}. */
const ESCAPED = new Set([0x22, 0x23, 0x25, 0x26, 0x2b, 0x2c, 0x2f, 0x3a, 0x3b, 0x3c, 0x3e, 0x3d, 0x3f, 0x40, 0x5b, 0x5d, 0x5c, 0x5e, 0x60, 0x7b, 0x7d]);

/** RGW's url_encode(src, encode_slash): %XX upper-case over the UTF-8 bytes. */
export function rgwUrlEncode(s: string, encodeSlash = true): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    if (byte === 0x2f && !encodeSlash) out += '/';
    else if (byte <= 0x20 || byte >= 0x7f || ESCAPED.has(byte)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** C strtol as parse_value_and_bound uses it: optional spaces and sign, digits, trailing spaces only. */
export function strictLong(v: string): number | undefined {
  const m = /^\s*([+-]?\d+)\s*$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** RGW's parse_value_and_bound: absent or empty → default; not a number → undefined (InvalidArgument). */
export function boundedInt(v: string | null, lower: number, upper: number, fallback: number): number | undefined {
  if (v === null || v === '') return fallback;
  const n = strictLong(v);
  if (n === undefined) return undefined;
  return Math.min(Math.max(n, lower), upper);
}

/** C atoll: leading spaces and sign, then as many digits as there are; no digits → 0. */
export function atoll(v: string): number {
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Number(m[1]) : 0;
}

/** rgw_string_unquote: strip one pair of surrounding double quotes (trailing spaces ignored). */
export function unquote(s: string): string {
  if (s[0] !== '"' || s.length < 2) return s;
  const trimmed = s.replace(/ +$/, '');
  return trimmed.length >= 2 && trimmed.endsWith('"') ? trimmed.slice(1, -1) : s;
}

/** RGW's rgw_max_listing_results (Ceph 20 default; `ceph config get client.rgw rgw_max_listing_results`). */
export const MAX_LISTING = 5000;
