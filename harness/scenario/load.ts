// Loading: YAML with positions → schema validation (schema.ts) → semantic checks and normalisation
// (build.ts). Every problem becomes a Diagnostic with file:line:col; a file with any is refused whole.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { buildScenario } from './build.js';
import { ScenarioLoadError, type Diagnostic } from './diagnostics.js';
import type { Scenario } from './model.js';
import { SourceFile, type YamlPath } from './positions.js';
import { Scenario as ScenarioSchema } from './schema.js';
import { closest } from '../operations.js';

export async function loadScenarioFile(file: string): Promise<Scenario> {
  return loadScenarioText(await readFile(file, 'utf8'), file);
}

/** Parse and check one scenario; throws ScenarioLoadError listing every problem found. */
export function loadScenarioText(text: string, file: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const src = new SourceFile(file, text, doc, lines);
  const diags: Diagnostic[] = [];
  const add = (path: YamlPath, message: string, opts: { key?: boolean } = {}): void => {
    const pos = src.pos(path, opts);
    const [start, end] = src.range(path, opts);
    diags.push({ pos, message, excerpt: src.excerpt(pos, end - start) });
  };

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = src.posOfOffset(e.pos[0]);
      diags.push({ pos, message: `YAML syntax error: ${firstLine(e.message)}`, excerpt: src.excerpt(pos) });
    }
    throw new ScenarioLoadError(diags);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add([], 'a scenario is a YAML map with at least `name` and `steps`');
    throw new ScenarioLoadError(diags);
  }
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(issue, [], data, add);
    throw new ScenarioLoadError(dedupe(diags));
  }
  const { scenario, diagnostics } = buildScenario(parsed.data, src);
  if (diagnostics.length > 0) throw new ScenarioLoadError(dedupe(diagnostics));
  return scenario;
}

type Add = (path: YamlPath, message: string, opts?: { key?: boolean }) => void;
type Issue = z.core.$ZodIssue;

/** Turn one zod issue into diagnostics with messages a scenario author can act on. */
function reportIssue(issue: Issue, prefix: YamlPath, data: unknown, add: Add): void {
  const path: YamlPath = [...prefix, ...(issue.path as Array<string | number>)];
  const where = describePath(path);
  const value = getIn(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      for (const key of issue.keys) {
        const hint = allowed ? closest(key, allowed) : undefined;
        const list = allowed ? ` (allowed: ${allowed.join(', ')})` : '';
        add([...path, key], `unknown key "${key}" in ${where}${hint ? `; did you mean "${hint}"?` : list}`, { key: true });
      }
      return;
    }
    case 'invalid_type':
      if (value === undefined) add(path.slice(0, -1), `${describePath(path.slice(0, -1))}: missing required key "${String(path.at(-1))}"`);
      else add(path, `${where}: expected ${article(issue.expected)}, got ${typeName(value)}`);
      return;
    case 'invalid_union': {
      // Report the branch whose type matched the value (e.g. a matcher map with an unknown operator).
      const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => !(e.code === 'invalid_type' && e.path.length === 0)));
      if (branch) for (const e of branch) reportIssue(e, path, data, add);
      else {
        const expected = [...new Set(issue.errors.flat().filter((e) => e.code === 'invalid_type').map((e) => (e as { expected: string }).expected))];
        add(path, `${where}: expected ${expected.map(article).join(' or ') || 'another value'}, got ${typeName(value)}`);
      }
      return;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const hint = typeof value === 'string' ? closest(value, values) : undefined;
      add(path, `${where}: "${String(value)}" is not one of ${values.join(', ')}${hint ? `; did you mean "${hint}"?` : ''}`);
      return;
    }
    case 'invalid_key': {
      const why = issue.issues.map((i) => i.message).join('; ');
      add(path, `${describePath(path.slice(0, -1))}: "${String(path.at(-1))}" is not ${why.startsWith('a ') ? why : `a valid name (${why})`}`, { key: true });
      return;
    }
    case 'too_small':
      if (issue.origin === 'array') add(path, `${where}: needs at least ${String(issue.minimum)} item(s)`);
      else add(path, `${where}: ${issue.message}`);
      return;
    case 'invalid_format':
      add(path, `${where}: "${String(value)}" is not ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'valid')}`);
      return;
    default:
      add(path, `${where}: ${issue.message}`);
  }
}

/** Keys allowed in the map at `path`, read from the zod schema itself (one source). */
function allowedKeys(path: YamlPath): string[] | undefined {
  let schema: z.ZodType | undefined = ScenarioSchema;
  for (const seg of path) {
    schema = unwrapObject(schema);
    if (!schema) return undefined;
    if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Record<string, z.ZodType>;
      schema = shape[String(seg)] ?? (schema._zod.def.catchall as z.ZodType | undefined);
    }
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return undefined;
  }
  const obj = unwrapObject(schema);
  return obj instanceof z.ZodObject ? Object.keys(obj.shape as object) : undefined;
}

function unwrapObject(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodUnion) {
      const opts = s.options as z.ZodType[];
      s = opts.find((o) => unwrapObject(o) instanceof z.ZodObject) ?? opts.find((o) => o instanceof z.ZodArray || o instanceof z.ZodRecord) ?? opts[0];
      if (s instanceof z.ZodObject || s instanceof z.ZodArray || s instanceof z.ZodRecord) return s;
    } else return s;
  }
  return s;
}

export function describePath(path: YamlPath): string {
  if (path.length === 0) return 'the scenario';
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

function getIn(data: unknown, path: YamlPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function article(t: string): string {
  const names: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false', null: 'null', int: 'a whole number' };
  return names[t] ?? t;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags
    .filter((d) => {
      const k = `${d.pos.line}:${d.pos.column}:${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
}
