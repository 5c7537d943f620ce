// Field paths into responses: `AssumedRoleUser.Arn`, `Buckets[0].Name`, `Buckets.0.Name`, `Buckets[*].Name`
// (a projection: the list of Name of every bucket), and `$` for the whole output.

export type PathSegment = string | number | '*';

export function parsePath(input: string): PathSegment[] {
  // `$` is the whole output (e.g. Admin Ops CreateKey answers with a list): `$`, `$[0].access_key`, `$.x`.
  const path = input.startsWith('$') ? input.slice(1).replace(/^\./, '') : input;
  const segs: PathSegment[] = [];
  const re = /([^.[\]]+)|\[(\d+|\*)\]/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(path))) {
    const between = path.slice(consumed, m.index);
    if (between !== '' && between !== '.') throw new Error(`malformed path "${path}" near "${between}"`);
    consumed = re.lastIndex;
    if (m[1] !== undefined) segs.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1] === '*' ? '*' : m[1]);
    else segs.push(m[2] === '*' ? '*' : Number(m[2]));
  }
  if (consumed !== path.length) throw new Error(`malformed path "${path}"`);
  return segs;
}

export interface PathLookup {
  found: boolean;
  value: unknown;
}

/** Follow a path; a `*` maps the rest of the path over a list (missing elements are left out). */
export function getPath(root: unknown, segs: readonly PathSegment[]): PathLookup {
  let cur: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === '*') {
      if (!Array.isArray(cur)) return { found: false, value: undefined };
      const rest = segs.slice(i + 1);
      const values = cur.map((el) => getPath(el, rest)).filter((r) => r.found).map((r) => r.value);
      return { found: true, value: values };
    }
    if (cur === null || typeof cur !== 'object') return { found: false, value: undefined };
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return { found: false, value: undefined };
      cur = cur[seg];
    } else {
      if (!Object.hasOwn(cur, seg)) return { found: false, value: undefined };
      cur = (cur as Record<string, unknown>)[seg];
    }
    if (cur === undefined) return { found: false, value: undefined };
  }
  return { found: true, value: cur };
}
