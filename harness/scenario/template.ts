// `${...}` references in scenario strings: parsed once here, checked by the loader (check.ts) and resolved
// at run time (run/captures.ts). `$${` writes a literal `${`.

export const REF_KINDS = ['accounts', 'users', 'buckets', 'roles', 'steps', 'run'] as const;
export type RefKind = (typeof REF_KINDS)[number];

/** Attributes each named kind offers (steps take any path into the step's output). */
export const REF_ATTRIBUTES: Record<Exclude<RefKind, 'steps' | 'run'>, readonly string[]> = {
  accounts: ['id', 'name', 'arn'],
  users: ['arn', 'uid', 'name', 'account', 'tenant', 'accessKeyId', 'secretAccessKey'],
  buckets: ['name', 'arn'],
  roles: ['arn', 'name', 'id'],
};

export interface Ref {
  kind: RefKind;
  name: string; // logical name, step id, or 'id' for run
  /** Attribute (accounts/users/buckets/roles) or a path into the output (steps); '' for the whole output. */
  path: string;
  raw: string; // the text inside ${...}
  offset: number; // offset of "${" in the string
}

export type Part = { literal: string } | { ref: Ref };

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function hasRefs(s: string): boolean {
  return s.includes('${');
}

/** Split a string into literals and references. Throws TemplateError for malformed references. */
export function parseTemplate(s: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i)) {
      lit += '${';
      i += 3;
      continue;
    }
    if (!s.startsWith('${', i)) {
      lit += s[i];
      i++;
      continue;
    }
    const end = s.indexOf('}', i + 2);
    if (end < 0) throw new TemplateError('unterminated "${": add the closing "}"', i);
    if (lit) parts.push({ literal: lit });
    lit = '';
    parts.push({ ref: parseRef(s.slice(i + 2, end), i) });
    i = end + 1;
  }
  if (lit || parts.length === 0) parts.push({ literal: lit });
  return parts;
}

function parseRef(raw: string, offset: number): Ref {
  const text = raw.trim();
  const dot = text.indexOf('.');
  const kind = (dot < 0 ? text : text.slice(0, dot)) as RefKind;
  if (!REF_KINDS.includes(kind)) {
    throw new TemplateError(`unknown reference "\${${raw}}": it must start with ${REF_KINDS.join('., ')}.`, offset);
  }
  const rest = dot < 0 ? '' : text.slice(dot + 1);
  if (kind === 'run') {
    if (rest !== 'id') throw new TemplateError(`unknown reference "\${${raw}}": the only run value is \${run.id}`, offset);
    return { kind, name: 'id', path: '', raw, offset };
  }
  const m = /^([A-Za-z0-9_-]+)(.*)$/.exec(rest);
  if (!m) throw new TemplateError(`malformed reference "\${${raw}}": expected \${${kind}.NAME...}`, offset);
  const name = m[1]!;
  let path = m[2]!;
  if (kind === 'steps') {
    if (path.startsWith('.')) path = path.slice(1);
    else if (path !== '' && !path.startsWith('[')) {
      throw new TemplateError(`malformed reference "\${${raw}}": expected \${steps.ID.<path>}`, offset);
    }
    return { kind, name, path, raw, offset };
  }
  if (!path.startsWith('.') || path.length < 2) {
    const attrs = REF_ATTRIBUTES[kind].join(', ');
    throw new TemplateError(`malformed reference "\${${raw}}": expected \${${kind}.${name}.ATTR} with ATTR one of ${attrs}`, offset);
  }
  return { kind, name, path: path.slice(1), raw, offset };
}

/** Every reference in any string inside a value (maps, lists), with the YAML path to the string. */
export function* refsIn(value: unknown, path: Array<string | number> = []): Generator<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') {
    if (hasRefs(value)) yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* refsIn(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* refsIn(v, [...path, k]);
  }
}
