// Admin Ops request parameters read the way RGW 20.2.4 reads them (RGWHTTPArgs + RESTArgs, rgw_rest.cc),
// verified on the real RGW (docs/rgw-behaviour/admin.md):
// - the query is split on '&', then each name and value is percent-decoded TWICE ('+' is a space): a client
//   that sends "a%2Bb" stores "a b", "a%2541b" stores "a%41b"; a broken escape empties the value;
// - a repeated parameter keeps its last value;
// - get_bool: "", "true" (any case) and "1" are true, "false" (any case) and "0" false; anything else
//   leaves the default (and the parameter still counts as present);
// - get_int32/int64/uint32: C strtol/strtoll/strtoul (leading blanks and a sign allowed, the whole rest must
//   be digits, "" is 0); a value that fails leaves the variable as it was before the call, which each op
//   passes in as `onError`; int32 wraps like a C cast (4294967297 → 1), and LONG_MAX itself fails.
import { rgwUrlDecode } from '../../http/url.js';

export class AdminArgs {
  private readonly values = new Map<string, string>();

  constructor(rawQuery: string) {
    for (const part of rawQuery.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decodeTwice(eq < 0 ? part : part.slice(0, eq));
      this.values.set(name, eq < 0 ? '' : decodeTwice(part.slice(eq + 1)));
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** RESTArgs::get_string. */
  str(name: string, def = ''): string {
    return this.values.get(name) ?? def;
  }

  /** RESTArgs::get_bool; `present` is RGW's `existed`. */
  bool(name: string, def: boolean): { value: boolean; present: boolean } {
    const v = this.values.get(name);
    if (v === undefined) return { value: def, present: false };
    const lower = v.toLowerCase();
    if (v === '' || lower === 'true' || v === '1') return { value: true, present: true };
    if (lower === 'false' || v === '0') return { value: false, present: true };
    return { value: def, present: true };
  }

  /** RESTArgs::get_int32 (stringtol). */
  int32(name: string, def: number, onError: number): { value: number; present: boolean } {
    const v = this.values.get(name);
    if (v === undefined) return { value: def, present: false };
    const n = strtol(v, 64n);
    return { value: n === undefined ? onError : Number(BigInt.asIntN(32, n)), present: true };
  }

  /** RESTArgs::get_int64 (stringtoll). */
  int64(name: string, def: number, onError: number): { value: number; present: boolean } {
    const v = this.values.get(name);
    if (v === undefined) return { value: def, present: false };
    const n = strtol(v, 64n);
    return { value: n === undefined ? onError : Number(n), present: true };
  }

  /** RESTArgs::get_uint32 (stringtoul). */
  uint32(name: string, def: number, onError: number): { value: number; present: boolean } {
    const v = this.values.get(name);
    if (v === undefined) return { value: def, present: false };
    const n = strtoul(v);
    return { value: n === undefined ? onError : Number(BigInt.asUintN(32, n)), present: true };
  }
}

/** Two passes of RGW's url_decode (http/url.ts) on bytes, read as UTF-8 at the end. */
const decodeTwice = (s: string): string => rgwUrlDecode(rgwUrlDecode(s, true).toString('latin1'), true).toString('utf8');

const C_SPACE = /^[ \t\n\v\f\r]*/;

/** strtol(…, 10) followed by RGW's checks (*end must be NUL, LONG_MAX refused); undefined when it fails. */
function strtol(s: string, bits: bigint): bigint | undefined {
  const rest = s.replace(C_SPACE, '');
  const m = /^([+-]?)(\d+)$/.exec(rest);
  if (!m) return s === '' ? 0n : undefined;
  const max = (1n << (bits - 1n)) - 1n;
  let n = BigInt(m[2]!);
  if (m[1] === '-') n = -n;
  if (n >= max) return undefined; // overflow clamps to LONG_MAX, which RGW refuses
  if (n < -max - 1n) return -max - 1n;
  return n;
}

/** strtoul: a '-' negates modulo 2^64; ULONG_MAX (and overflow) refused. */
function strtoul(s: string): bigint | undefined {
  const rest = s.replace(C_SPACE, '');
  const m = /^([+-]?)(\d+)$/.exec(rest);
  if (!m) return s === '' ? 0n : undefined;
  const max = (1n << 64n) - 1n;
  const n = BigInt(m[2]!);
  if (n >= max) return undefined;
  return m[1] === '-' ? BigInt.asUintN(64, -n) : n;
}
