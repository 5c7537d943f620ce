// Token claims as RGW flattens them (rgw_rest_sts.cc recurse_and_insert) for trust-policy conditions and
// session tags: a string claim is its text, a number or boolean its JSON text, an array contributes each
// element under the claim's name, an object contributes its members under THEIR names (the outer name is
// lost), null contributes nothing. The principal-tags claim is kept out of the condition keys.
export const TAGS_CLAIM = 'https://aws.amazon.com/tags';

export type Flat = [key: string, value: string][];

function insert(key: string, v: unknown, out: Flat): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    for (const e of v) insert(key, e, out);
  } else if (typeof v === 'object') {
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) insert(k, e, out);
  } else if (typeof v === 'string') out.push([key, v]);
  else out.push([key, JSON.stringify(v)]);
}

/** All claims but the tags claim, flattened. */
export function flattenClaims(payload: Record<string, unknown>): Flat {
  const out: Flat = [];
  for (const [k, v] of Object.entries(payload)) if (k !== TAGS_CLAIM) insert(k, v, out);
  return out;
}

/**
 * The principal tags of a token: every leaf of the tags claim (so transitive_tag_keys entries become tags
 * too, as in RGW), de-duplicated and sorted like RGW's std::set, without keys or values starting "aws:",
 * keys over 128 or values over 256 characters, and at most 50. Undefined when there is no tags claim;
 * throws when the claim is neither an object nor an array (RGW refuses the token).
 */
export function principalTags(payload: Record<string, unknown>): [string, string][] | undefined {
  if (!(TAGS_CLAIM in payload)) return undefined;
  const claim = payload[TAGS_CLAIM];
  if (claim === null || typeof claim !== 'object') throw new Error('malformed principal tags');
  const flat: Flat = [];
  insert('dummy', claim, flat);
  const unique = [...new Map(flat.map(([k, v]) => [`${k}\u0000${v}`, [k, v] as [string, string]])).values()].sort(([ak, av], [bk, bv]) =>
    ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const out: [string, string][] = [];
  for (const [k, v] of unique) {
    if (k.startsWith('aws:') || v.startsWith('aws:') || k.length > 128 || v.length > 256) continue;
    out.push([k, v]);
    if (out.length === 50) break;
  }
  return out;
}
