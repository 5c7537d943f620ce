// Admin caps as RGW keeps them (RGWUserCaps, rgw_common.cc): a map from cap type to a read/write bit mask.
// Verified on RGW 20.2.4 (docs/rgw-behaviour/admin.md):
// - a spec is "type=perm[;type=perm...]"; the type is trimmed and must be one of CAP_TYPES, else the whole
//   spec fails with InvalidCapability (ERR_INVALID_CAP) and nothing changes; a part without '=' or an empty
//   part between two ';' has no type and fails the same way; a trailing ';' is fine;
// - the perm is split on ";,= \t" and each token counts only if it is "*", "read" or "write" (others are
//   ignored, so "fly" adds the type with no bits, shown "<none>");
// - adding ORs the bits in, removing clears them and drops the type once no bit is left;
// - rendered sorted by type in byte order, perm "*" for both bits, else "read" / "write" / "<none>".
// UserRecord keeps each cap's perm in that rendered form, so other modules can compare strings.
import { GatewayError } from '../errors.js';
import type { Cap } from './model.js';

/** RGWUserCaps::is_valid_cap_type on 20.2.4 (probed one by one: "account", "groups", "opstate" are refused). */
export const CAP_TYPES: ReadonlySet<string> = new Set([
  'user', 'users', 'buckets', 'metadata', 'info', 'usage', 'zone', 'bilog', 'mdlog', 'datalog', 'roles',
  'user-policy', 'amz-cache', 'oidc-provider', 'user-info-without-keys', 'ratelimit', 'accounts',
]);

const READ = 1;
const WRITE = 2;

/** rgw_parse_list_of_flags with the cap names: unknown tokens are ignored. */
export function parsePerm(text: string): number {
  let bits = 0;
  for (const token of text.split(/[;,= \t]+/)) {
    if (token === '*') bits |= READ | WRITE;
    else if (token === 'read') bits |= READ;
    else if (token === 'write') bits |= WRITE;
  }
  return bits;
}

export function permName(bits: number): string {
  if ((bits & (READ | WRITE)) === (READ | WRITE)) return '*';
  if (bits & READ) return 'read';
  if (bits & WRITE) return 'write';
  return '<none>';
}

/** The bits of a stored perm ("*", "read", "write", "<none>", or a legacy "read, write"). */
const bitsOf = (perm: string): number => parsePerm(perm);

const byType = (a: Cap, b: Cap): number => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

/** RGWUserCaps::get_cap: type before '=' (trimmed), perm after it. */
function parseOne(part: string): { type: string; bits: number } {
  const eq = part.indexOf('=');
  const type = eq >= 0 ? part.slice(0, eq).trim() : '';
  if (!CAP_TYPES.has(type)) throw new GatewayError('InvalidCapability');
  return { type, bits: eq < part.length - 1 ? parsePerm(part.slice(eq + 1)) : 0 };
}

/** RGWUserCaps::add_from_string / remove_from_string; throws InvalidCapability for an empty spec too. */
export function applyCaps(current: readonly Cap[], spec: string, op: 'add' | 'remove'): Cap[] {
  if (spec === '') throw new GatewayError('InvalidCapability');
  const caps = new Map(current.map((c) => [c.type, bitsOf(c.perm)]));
  let start = 0;
  do {
    let end = spec.indexOf(';', start);
    if (end < 0) end = spec.length;
    const { type, bits } = parseOne(spec.slice(start, end));
    if (op === 'add') caps.set(type, (caps.get(type) ?? 0) | bits);
    else if (caps.has(type)) {
      const left = caps.get(type)! & ~bits;
      if (left) caps.set(type, left);
      else caps.delete(type);
    }
    start = end + 1;
  } while (start < spec.length);
  return [...caps].map(([type, bits]) => ({ type, perm: permName(bits) })).sort(byType);
}

/** Caps in RGW's order with normalised perms (what the Admin Ops API shows). */
export const sortedCaps = (caps: readonly Cap[]): Cap[] => caps.map((c) => ({ type: c.type, perm: permName(bitsOf(c.perm)) })).sort(byType);

/** RGWUserCaps::check_cap: every requested bit must be granted. */
export function hasCap(caps: readonly Cap[], type: string, perm: 'read' | 'write'): boolean {
  const need = perm === 'read' ? READ : WRITE;
  const c = caps.find((x) => x.type === type);
  return c !== undefined && (bitsOf(c.perm) & need) === need;
}
