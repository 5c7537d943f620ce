// `expect:` compiled into typed checks with positions (model.Expectation). Regular expressions and paths are
// validated here, at load time, so a typo never waits for a run to be found.
import type { SourcePos } from '../result.js';
import { closest } from '../operations.js';
import { parsePath } from '../run/paths.js';
import type { Expectation, FieldCheck } from './model.js';
import type { YamlPath } from './positions.js';
import type { ExpectSpec, MatcherSpec } from './schema.js';

const RESERVED = new Set(['error', 'status', 'message', 'final', 'fields']);

type Add = (path: YamlPath, message: string, opts?: { key?: boolean }) => void;

export function compileExpect(
  spec: ExpectSpec | undefined,
  path: YamlPath,
  posOf: (p: YamlPath, key?: boolean) => SourcePos,
  stepPath: YamlPath,
  add: Add,
): Expectation {
  const allFinal = spec?.final === true;
  const listed = new Set(Array.isArray(spec?.final) ? spec.final : []);
  const finalOf = (subject: string, m?: MatcherSpec): boolean => allFinal || listed.has(subject) || (isOps(m) && m.final === true);
  const here = spec ? posOf(path, true) : posOf(stepPath);
  const expectation: Expectation = {
    outcome: { pos: spec?.error !== undefined ? posOf([...path, 'error']) : here, error: spec?.error, final: finalOf('outcome', spec?.error) },
    fields: [],
  };
  if (spec?.error !== undefined) checkMatcher(spec.error, [...path, 'error'], add);
  if (spec?.status !== undefined) expectation.status = { pos: posOf([...path, 'status']), value: spec.status, final: finalOf('status') };
  if (spec?.message !== undefined) {
    checkMatcher(spec.message, [...path, 'message'], add);
    expectation.message = { pos: posOf([...path, 'message']), matcher: spec.message, final: finalOf('message', spec.message) };
  }
  const fieldEntries: Array<[string, MatcherSpec, YamlPath]> = [
    ...Object.entries(spec?.fields ?? {}).map(([k, m]): [string, MatcherSpec, YamlPath] => [k, m, [...path, 'fields', k]]),
    ...Object.entries(spec ?? {})
      .filter(([k]) => !RESERVED.has(k))
      .map(([k, m]): [string, MatcherSpec, YamlPath] => [k, m as MatcherSpec, [...path, k]]),
  ];
  for (const [key, matcher, mpath] of fieldEntries) {
    try {
      parsePath(key);
    } catch (e) {
      add(mpath, `bad field path "${key}": ${(e as Error).message} (write e.g. Buckets[0].Name or Buckets[*].Name)`, { key: true });
      continue;
    }
    const typo = spec?.fields?.[key] === undefined && /^[a-z]+$/.test(key) ? closest(key, [...RESERVED]) : undefined;
    if (typo) {
      add(mpath, `"${key}" looks like a misspelling of "${typo}"; to check a response field named "${key}", put it under fields:`, { key: true });
      continue;
    }
    checkMatcher(matcher, mpath, add);
    const check: FieldCheck = { pos: posOf(mpath, true), path: key, matcher, final: finalOf(key, matcher) };
    expectation.fields.push(check);
  }
  const subjects = new Set(['outcome', ...(spec?.status !== undefined ? ['status'] : []), ...(spec?.message !== undefined ? ['message'] : []), ...expectation.fields.map((f) => f.path)]);
  (Array.isArray(spec?.final) ? spec.final : []).forEach((name, i) => {
    if (!subjects.has(name)) {
      const hint = closest(name, [...subjects]);
      add([...path, 'final', i], `final lists "${name}", which this expect does not check${hint ? `; did you mean "${hint}"?` : ` (it checks ${[...subjects].join(', ')})`}`);
    }
  });
  return expectation;
}

export function isOps(m: unknown): m is Exclude<MatcherSpec, string | number | boolean | null | unknown[]> {
  return m !== null && typeof m === 'object' && !Array.isArray(m);
}

/** A string written /.../flags is a regular expression. */
export function regexLiteral(s: string): RegExp | undefined {
  const m = /^\/(.+)\/([dgimsuy]*)$/s.exec(s);
  return m ? new RegExp(m[1]!, m[2]) : undefined;
}

function checkMatcher(m: MatcherSpec, path: YamlPath, add: Add): void {
  if (typeof m === 'string') {
    try {
      regexLiteral(m);
    } catch (e) {
      add(path, `bad regular expression ${m}: ${(e as Error).message}`);
    }
    return;
  }
  if (!isOps(m)) return;
  const ops = Object.keys(m).filter((k) => k !== 'final');
  if (ops.length === 0) add(path, 'a matcher map needs at least one of equals, matches, arn, length, exists, contains');
  if (m.matches !== undefined) {
    try {
      new RegExp(m.matches);
    } catch (e) {
      add([...path, 'matches'], `bad regular expression "${m.matches}": ${(e as Error).message}`);
    }
  }
  if (typeof m.arn === 'string' && !m.arn.startsWith('arn:') && !m.arn.startsWith('${')) {
    add([...path, 'arn'], `an ARN pattern starts with "arn:" (e.g. arn:aws:iam::*:user/alice); got "${m.arn}"`);
  }
}
