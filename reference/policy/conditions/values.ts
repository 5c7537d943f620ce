// How RGW reads condition values (rgw::IAM::Condition::as_number / as_bool / as_date / as_binary /
// as_network). They sit on C's strtod (std::stod), so we reproduce its prefix parsing: leading blanks, hex
// floats, inf/nan, and "out of range" for overflow and underflow.

interface Stod {
  value: number;
  /** Characters consumed (std::stod's `pos`). */
  consumed: number;
}

const SPACE = /[ \t\n\v\f\r]/;

/** std::stod: undefined where it throws (nothing to convert, or ERANGE). */
export function stod(s: string): Stod | undefined {
  let i = 0;
  while (i < s.length && SPACE.test(s[i]!)) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const rest = s.slice(i);
  const special = /^(infinity|inf|nan(\([0-9A-Za-z_]*\))?)/i.exec(rest);
  if (special) {
    const word = special[0].toLowerCase();
    return { value: word.startsWith('nan') ? NaN : sign * Infinity, consumed: i + special[0].length };
  }
  const hex = /^0[xX](([0-9a-fA-F]+)(\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)([pP][+-]?[0-9]+)?/.exec(rest);
  if (hex) {
    const [whole, mant, , , expPart] = hex;
    const [intHex, fracHex = ''] = mant!.split('.');
    let v = 0;
    for (const d of intHex! + fracHex) v = v * 16 + parseInt(d, 16);
    v /= 16 ** fracHex.length;
    if (expPart) v *= 2 ** parseInt(expPart.slice(1), 10);
    return range(sign * v, v !== 0 || /[1-9a-fA-F]/.test(mant!), i + whole.length);
  }
  if (rest.startsWith('0x') || rest.startsWith('0X')) return { value: 0, consumed: i + 1 }; // "0x" alone: the "0"
  const dec = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(rest);
  if (!dec) return undefined;
  const v = Number(dec[0]);
  return range(sign * v, /[1-9]/.test(dec[1]!), i + dec[0].length);
}

function range(v: number, nonZeroDigits: boolean, consumed: number): Stod | undefined {
  if (!Number.isFinite(v)) return undefined; // overflow: ERANGE
  if (nonZeroDigits && Math.abs(v) < 2.2250738585072014e-308) return undefined; // underflow: ERANGE
  return { value: v, consumed };
}

export function asNumber(s: string): number | undefined {
  const r = stod(s);
  return r && r.consumed === s.length ? r.value : undefined;
}

export function asBool(s: string): boolean {
  if (s === '' || s.toLowerCase() === 'false') return false;
  const r = stod(s);
  if (r && r.consumed === s.length) return !(r.value === 0 || Number.isNaN(r.value));
  return true;
}

const U64 = (n: bigint): bigint => BigInt.asUintN(64, n);
const toU64 = (d: number): bigint => (Number.isFinite(d) && Math.abs(d) < 2 ** 63 ? U64(BigInt(Math.trunc(d))) : 1n << 63n);

/** Nanoseconds since the epoch as ceph::real_time holds them (uint64). */
export function asDate(s: string): bigint | undefined {
  const r = stod(s);
  if (!r) return undefined; // stod threw: RGW's catch returns none without trying ISO 8601
  if (r.consumed === s.length) {
    const secs = toU64(r.value);
    const frac = toU64((r.value - Number(BigInt.asIntN(64, secs))) * 1e9);
    return U64(secs * 1_000_000_000n + frac);
  }
  return fromIso8601(s);
}

/** ceph's from_iso_8601(s, ws_terminates=false): YYYY[-MM[-DD[Thh[:mm[:ss[.f{1,9}]]]Z]]], years >= 1970. */
export function fromIso8601(s: string): bigint | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?Z)?)?)?$/.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1970) return undefined;
  const ms = Date.UTC(year, Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'), Number(m[4] ?? '0'), Number(m[5] ?? '0'), Number(m[6] ?? '0'));
  if (!Number.isFinite(ms)) return undefined;
  const nanos = m[7] ? BigInt(m[7].padEnd(9, '0')) : 0n;
  return U64(BigInt(ms) * 1_000_000n + nanos);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** ceph_unarmor(): groups of four base64 characters, newlines between groups skipped, '=' ends the data. */
export function asBinary(s: string): string | undefined {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\n') {
      i++;
      continue;
    }
    if (i + 4 > s.length) return undefined;
    const q = s.slice(i, i + 4);
    const v = [...q].map((c) => (c === '=' ? 0 : B64.indexOf(c)));
    if (v.some((x) => x < 0)) return undefined;
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    out.push((n >> 16) & 0xff);
    if (q[2] === '=') return hex(out);
    out.push((n >> 8) & 0xff);
    if (q[3] === '=') return hex(out);
    out.push(n & 0xff);
    i += 4;
  }
  return hex(out);
}

const hex = (b: number[]): string => b.map((x) => x.toString(16).padStart(2, '0')).join('');

export interface MaskedIp {
  v6: boolean;
  addr: bigint;
  prefix: number;
}

/** Condition::as_network(): "a.b.c.d[/n]" or an IPv6 address (any ':' means v6) with optional "/n". */
export function asNetwork(s: string): MaskedIp | undefined {
  if (s === '') return undefined;
  const v6 = s.includes(':');
  const slash = s.indexOf('/');
  let prefix = v6 ? 128 : 32;
  let host = s;
  if (slash >= 0) {
    const p = strtoul(s.slice(slash + 1));
    if (p === undefined || p > (v6 ? 128 : 32)) return undefined;
    prefix = p;
    host = s.slice(0, slash);
  }
  const addr = v6 ? parseIpv6(host) : parseIpv4(host);
  return addr === undefined ? undefined : { v6, addr, prefix };
}

/** strtoul with RGW's check that nothing follows the number; "" (as in "10.0.0.0/") reads as 0. */
function strtoul(s: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)$/.exec(s);
  if (!m) return undefined;
  if (m[2] === '') return m[1] === '' ? 0 : undefined;
  const n = Number(m[2]);
  return m[1] === '-' ? (n === 0 ? 0 : Number.MAX_SAFE_INTEGER) : n;
}

/** inet_pton(AF_INET): exactly four decimal octets, no leading zeros. */
function parseIpv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

/** inet_pton(AF_INET6), including '::' and a trailing dotted quad. */
function parseIpv6(s: string): bigint | undefined {
  let tail: bigint[] = [];
  let body = s;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    const before = s.slice(0, lastColon + 1);
    body = before.endsWith('::') ? before : s.slice(0, lastColon);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const out: bigint[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(parseInt(g, 16)));
    }
    return out;
  };
  const head = group(halves[0]!);
  const back = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !back) return undefined;
  const total = head.length + back.length + tail.length;
  let groups: bigint[];
  if (halves.length === 2) {
    if (total > 7) return undefined;
    groups = [...head, ...Array<bigint>(8 - total).fill(0n), ...back, ...tail];
  } else {
    if (total !== 8) return undefined;
    groups = [...head, ...tail];
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** MaskedIP's operator==: both shifted right by the larger host-bit count, then compared. */
export function ipEquals(l: MaskedIp, r: MaskedIp): boolean {
  const shift = BigInt(Math.max((l.v6 ? 128 : 32) - l.prefix, (r.v6 ? 128 : 32) - r.prefix));
  return l.addr >> shift === r.addr >> shift;
}
