// Wildcard matching as RGW does it. match_wildcards() (rgw_string.cc) is glibc fnmatch() without
// FNM_PATHNAME or FNM_PERIOD: `*` also crosses `/`, `?` is one character, `[...]` bracket expressions and
// backslash escapes work. match_policy() (rgw_common.cc) splits both sides on ':' and fnmatches segment by
// segment; it slices segments with std::string::substr(pos, count) passing an end position as the count,
// so from the second segment on the input and pattern segments run on past the next ':'. We keep that.

export function fnmatch(pattern: string, input: string, caseInsensitive = false): boolean {
  const p = Array.from(caseInsensitive ? asciiLower(pattern) : pattern);
  const s = Array.from(caseInsensitive ? asciiLower(input) : input);
  return matchFrom(p, 0, s, 0);
}

function matchFrom(p: string[], pi: number, s: string[], si: number): boolean {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '*') {
      while (p[pi] === '*') pi++;
      if (pi === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchFrom(p, pi, s, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === '?') {
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const br = bracket(p, pi, s[si]!);
      if (br) {
        if (!br.matched) return false;
        pi = br.next;
        si++;
        continue;
      }
      // an unterminated bracket is an ordinary '['
    }
    let lit = c;
    if (c === '\\' && pi + 1 < p.length) lit = p[++pi]!;
    if (lit !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

const CLASSES: Record<string, (ch: string) => boolean> = {
  alnum: (ch) => /^[A-Za-z0-9]$/.test(ch),
  alpha: (ch) => /^[A-Za-z]$/.test(ch),
  blank: (ch) => ch === ' ' || ch === '\t',
  cntrl: (ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f,
  digit: (ch) => /^[0-9]$/.test(ch),
  graph: (ch) => ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f,
  lower: (ch) => /^[a-z]$/.test(ch),
  print: (ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) < 0x7f,
  punct: (ch) => /^[!-\/:-@\[-`{-~]$/.test(ch),
  space: (ch) => /^[ \t\n\r\f\v]$/.test(ch),
  upper: (ch) => /^[A-Z]$/.test(ch),
  xdigit: (ch) => /^[0-9A-Fa-f]$/.test(ch),
};

/** Parses the bracket expression at p[pi] against ch; undefined when it is not terminated. */
function bracket(p: string[], pi: number, ch: string): { matched: boolean; next: number } | undefined {
  let i = pi + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < p.length) {
    let c = p[i]!;
    if (c === ']' && !first) return { matched: matched !== negate, next: i + 1 };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':', i + 2);
      if (end > 0 && p[end + 1] === ']') {
        const name = p.slice(i + 2, end).join('');
        const test = CLASSES[name];
        if (test && test(ch)) matched = true;
        i = end + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) c = p[++i]!;
    if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
      let hi = p[i + 2]!;
      let step = 3;
      if (hi === '\\' && i + 3 < p.length) {
        hi = p[i + 3]!;
        step = 4;
      }
      if (c <= ch && ch <= hi) matched = true;
      i += step;
      continue;
    }
    if (c === ch) matched = true;
    i++;
  }
  return undefined;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** std::string::substr(pos, count) with RGW's "count" being the absolute index of the next ':' (or npos). */
function substr(s: string, pos: number, count: number): string {
  return count < 0 ? s.slice(pos) : s.slice(pos, pos + count);
}

/** RGW's match_policy(): ':'-segmented fnmatch; case-insensitive for actions only (MATCH_POLICY_ACTION). */
export function matchPolicy(pattern: string, input: string, caseInsensitive: boolean): boolean {
  let lastInput = 0;
  let lastPattern = 0;
  for (;;) {
    const curInput = input.indexOf(':', lastInput);
    const curPattern = pattern.indexOf(':', lastPattern);
    if (!fnmatch(substr(pattern, lastPattern, curPattern), substr(input, lastInput, curInput), caseInsensitive)) return false;
    if (curPattern < 0) return curInput < 0;
    if (curInput < 0) return false;
    lastPattern = curPattern + 1;
    lastInput = curInput + 1;
  }
}

/** boost::iequals in the C locale: ASCII-only case folding. */
export function asciiEqualsIgnoreCase(a: string, b: string): boolean {
  return a.length === b.length && asciiLower(a) === asciiLower(b);
}
