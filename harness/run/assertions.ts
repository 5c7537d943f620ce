// Checking one attempt's outcome against a step's expectation. Everything here is in logical terms: the
// outcome was made logical, and expected values are resolved and made logical by `expected()`.
import type { Expectation } from '../scenario/model.js';
import { isOps, regexLiteral } from '../scenario/expect.js';
import type { MatcherSpec } from '../scenario/schema.js';
import type { CheckResult, Outcome } from '../result.js';
import { getPath, parsePath, type PathLookup } from './paths.js';

/** Resolve `${...}` in an expected value and make it logical. */
export type ExpectedResolver = (v: unknown) => unknown;

export function evaluate(exp: Expectation, outcome: Outcome, expected: ExpectedResolver): CheckResult[] {
  const checks: CheckResult[] = [];
  const o = exp.outcome;
  const actualOutcome = describeOutcome(outcome);
  let outcomeOk: boolean;
  if (o.error === undefined) {
    outcomeOk = outcome.kind === 'success';
    checks.push(result(o.pos, 'outcome', 'success', actualOutcome, outcomeOk, o.final, `expected success, got ${actualOutcome}`));
  } else {
    const m = outcome.kind === 'error' ? match(o.error, { found: true, value: outcome.code }, expected) : undefined;
    outcomeOk = m?.ok ?? false;
    const want = `error ${describeMatcher(o.error)}`;
    checks.push(result(o.pos, 'outcome', want, actualOutcome, outcomeOk, o.final, `expected ${want}, got ${actualOutcome}`));
  }
  if (exp.status) {
    const status = outcome.kind === 'broken' ? undefined : outcome.status;
    const ok = status === exp.status.value;
    checks.push(result(exp.status.pos, 'status', String(exp.status.value), String(status ?? '(no response)'), ok, exp.status.final, `expected HTTP status ${exp.status.value}, got ${status ?? 'no response'}`));
  }
  // Field checks only make sense on the outcome that was expected (a success's output, an error's fields).
  if (!outcomeOk) return checks;
  if (exp.message) {
    const msg = outcome.kind === 'error' ? outcome.message : undefined;
    const m = match(exp.message.matcher, { found: msg !== undefined, value: msg }, expected);
    checks.push(result(exp.message.pos, 'message', m.expected, m.actual, m.ok, exp.message.final, `message: ${m.message}`));
  }
  const subject = outcome.kind === 'success' ? outcome.output : outcome.kind === 'error' ? { Code: outcome.code, Message: outcome.message, ...outcome.fields } : undefined;
  for (const f of exp.fields) {
    const m = match(f.matcher, getPath(subject, parsePath(f.path)), expected);
    checks.push(result(f.pos, f.path, m.expected, m.actual, m.ok, f.final, `${f.path}: ${m.message}`));
  }
  return checks;
}

function result(pos: CheckResult['pos'], subject: string, expected: string, actual: string, ok: boolean, final: boolean, message: string): CheckResult {
  return ok ? { pos, subject, expected, actual, ok, final } : { pos, subject, expected, actual, ok, final, message };
}

export function describeOutcome(o: Outcome): string {
  if (o.kind === 'success') return `success (${o.status})`;
  if (o.kind === 'error') return `error ${o.code} (${o.status})${o.message ? `: ${o.message}` : ''}`;
  return `no response (${o.message})`;
}

interface Match {
  ok: boolean;
  expected: string;
  actual: string;
  message: string;
}

/** One matcher against one looked-up value. */
export function match(matcher: MatcherSpec, got: PathLookup, expected: ExpectedResolver): Match {
  const actual = got.found ? excerpt(got.value) : '(absent)';
  const fail = (want: string, why?: string): Match => ({ ok: false, expected: want, actual, message: why ?? `expected ${want}, got ${actual}` });
  const pass = (want: string): Match => ({ ok: true, expected: want, actual, message: '' });

  if (!isOps(matcher)) {
    const want = describeMatcher(matcher);
    if (!got.found) return fail(want);
    if (typeof matcher === 'string') {
      const re = regexLiteral(matcher);
      if (re) return typeof got.value === 'string' && re.test(got.value) ? pass(want) : fail(want);
    }
    const value = expected(matcher);
    return looseEqual(got.value, value) ? pass(excerpt(value)) : fail(excerpt(value));
  }
  const wants: string[] = [];
  for (const [op, arg] of Object.entries(matcher)) {
    if (op === 'final' || arg === undefined) continue;
    const want = `${op} ${op === 'matches' ? `/${String(arg)}/` : excerpt(op === 'arn' ? arg : expected(arg))}`;
    wants.push(want);
    if (op === 'exists') {
      if (got.found !== arg) return fail(arg ? 'present' : 'absent');
      continue;
    }
    if (!got.found) return fail(want, `expected ${want}, but the field is absent`);
    const v = got.value;
    let ok: boolean;
    switch (op) {
      case 'equals':
        ok = looseEqual(v, expected(arg));
        break;
      case 'matches':
        ok = typeof v === 'string' && new RegExp(String(arg)).test(v);
        break;
      case 'arn':
        ok = typeof v === 'string' && arnMatches(v, arg as string | Record<string, string>, expected);
        break;
      case 'length':
        ok = (Array.isArray(v) || typeof v === 'string') && v.length === arg;
        break;
      case 'contains': {
        const want = expected(arg);
        ok = Array.isArray(v) ? v.some((el) => includes(el, want)) : typeof v === 'string' && v.includes(String(want));
        break;
      }
      default:
        ok = false;
    }
    if (!ok) return fail(want);
  }
  return pass(wants.join(', '));
}

function describeMatcher(m: MatcherSpec): string {
  if (typeof m === 'string') return regexLiteral(m) ? m : JSON.stringify(m);
  if (!isOps(m)) return excerpt(m);
  return Object.entries(m)
    .filter(([k]) => k !== 'final')
    .map(([k, v]) => `${k} ${excerpt(v)}`)
    .join(', ');
}

/** Equality that tolerates the type drift between YAML, SDK outputs and Admin Ops JSON (3600 vs "3600"). */
export function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a === null || b === null) return a === b;
  const scalar = (x: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof x);
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => looseEqual(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => looseEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** A list element "contains" a wanted map when every wanted field equals; otherwise plain equality. */
function includes(el: unknown, want: unknown): boolean {
  if (want && typeof want === 'object' && !Array.isArray(want) && el && typeof el === 'object') {
    return Object.entries(want).every(([k, v]) => looseEqual((el as Record<string, unknown>)[k], v));
  }
  return looseEqual(el, want);
}

const ARN_PARTS = ['partition', 'service', 'region', 'account', 'resource'] as const;

function arnMatches(value: string, pattern: string | Record<string, string>, expected: ExpectedResolver): boolean {
  if (typeof pattern === 'string') return glob(String(expected(pattern))).test(value);
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const actual: Record<string, string> = {
    partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':'),
  };
  return ARN_PARTS.every((p) => pattern[p] === undefined || glob(String(expected(pattern[p]))).test(actual[p]!));
}

/** IAM-style wildcards: * any run of characters, ? one character. */
function glob(p: string): RegExp {
  return new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}

export function excerpt(v: unknown, max = 200): string {
  let s: string;
  if (typeof v === 'string') s = JSON.stringify(v);
  else if (v === undefined) s = 'undefined';
  else s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
