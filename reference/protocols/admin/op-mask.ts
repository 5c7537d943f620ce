// A user's op_mask as the Admin Ops API takes and shows it (rgw_parse_op_type_list / op_type_to_str),
// verified on RGW 20.2.4: tokens split on ";,= \t", "*" "read" "write" "delete" count (case-sensitive),
// others are ignored; shown as "read, write, delete" in that order, "<none>" when empty.
const FLAGS = [
  ['read', 1],
  ['write', 2],
  ['delete', 4],
] as const;

export function parseOpMask(text: string): number {
  let mask = 0;
  for (const token of text.split(/[;,= \t]+/)) {
    if (token === '*') mask |= 7;
    for (const [name, bit] of FLAGS) if (token === name) mask |= bit;
  }
  return mask;
}

export function opMaskName(mask: number): string {
  const names = FLAGS.filter(([, bit]) => mask & bit).map(([name]) => name);
  return names.length ? names.join(', ') : '<none>';
}

/** The stored form of an op-mask parameter. */
export const normaliseOpMask = (text: string): string => opMaskName(parseOpMask(text));
