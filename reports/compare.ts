// Regression report of two runs (reference vs RGW, yesterday vs today): scenarios whose outcome differs and,
// step by step, the differing status, code and output fields of each step's last attempt.
import type { Outcome, RunResult, ScenarioResult, StepResult } from '../harness/result.js';

export interface StepDiff {
  step: number;
  label: string;
  differences: { what: string; a: string; b: string }[];
}

export interface ScenarioDiff {
  name: string;
  a: string; // status in run A ('absent' when missing)
  b: string;
  steps: StepDiff[];
}

export interface Comparison {
  a: { target: string; startedAt: string };
  b: { target: string; startedAt: string };
  same: number;
  differing: ScenarioDiff[];
}

function outcomeOf(s: StepResult): Outcome | undefined {
  return s.attempts[s.attempts.length - 1]?.outcome;
}

/** Flatten an output object into dotted paths → JSON values, for field-by-field comparison. */
function flatten(v: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  } else out[prefix] = normalize(JSON.stringify(v));
  return out;
}

/** Generated identifiers (account ids, UUIDs) differ between any two runs; compare their shape, not value. */
function normalize(s: string): string {
  return s.replace(/RGW\d{17}/g, 'RGW<account-id>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
}

/** Fields whose values differ on every run by design (ids, keys, dates, tokens). */
const VOLATILE = /(RequestId|requestId|AccessKeyId|SecretAccessKey|SessionToken|Expiration|Date|LastModified|ETag|Id|UploadId|Marker|Token|create_date|id|access_key|secret_key|marker|mtime|creation_time)$/;

function stepDiff(a: StepResult | undefined, b: StepResult | undefined, index: number): StepDiff | undefined {
  const label = (a ?? b)!;
  const d: StepDiff = { step: index + 1, label: `${label.service}: ${label.operation}${label.id ? ` (${label.id})` : ''}`, differences: [] };
  const add = (what: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y)) d.differences.push({ what, a: x === undefined ? '—' : String(x), b: y === undefined ? '—' : String(y) });
  };
  add('step status', a?.status, b?.status);
  const oa = a && outcomeOf(a);
  const ob = b && outcomeOf(b);
  add('outcome', oa?.kind, ob?.kind);
  add('HTTP status', oa && 'status' in oa ? oa.status : undefined, ob && 'status' in ob ? ob.status : undefined);
  add('error code', oa?.kind === 'error' ? oa.code : undefined, ob?.kind === 'error' ? ob.code : undefined);
  if (oa?.kind === 'success' && ob?.kind === 'success') {
    const fa = flatten(oa.output);
    const fb = flatten(ob.output);
    for (const k of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
      if (VOLATILE.test(k)) continue;
      if (fa[k] !== fb[k]) d.differences.push({ what: k, a: fa[k] ?? '—', b: fb[k] ?? '—' });
    }
  }
  return d.differences.length ? d : undefined;
}

function scenarioDiff(a: ScenarioResult | undefined, b: ScenarioResult | undefined): ScenarioDiff | undefined {
  const steps: StepDiff[] = [];
  const n = Math.max(a?.steps.length ?? 0, b?.steps.length ?? 0);
  for (let i = 0; i < n; i++) {
    const d = stepDiff(a?.steps[i], b?.steps[i], i);
    if (d) steps.push(d);
  }
  if (a?.status === b?.status && !steps.length) return undefined;
  return { name: (a ?? b)!.name, a: a?.status ?? 'absent', b: b?.status ?? 'absent', steps };
}

export function compareRuns(a: RunResult, b: RunResult): Comparison {
  const byName = (r: RunResult): Map<string, ScenarioResult> => new Map(r.scenarios.map((s) => [s.name, s]));
  const ma = byName(a);
  const mb = byName(b);
  const names = [...new Set([...ma.keys(), ...mb.keys()])].sort();
  const differing: ScenarioDiff[] = [];
  let same = 0;
  for (const name of names) {
    const d = scenarioDiff(ma.get(name), mb.get(name));
    if (d) differing.push(d);
    else same++;
  }
  return { a: { target: a.target.description, startedAt: a.startedAt }, b: { target: b.target.description, startedAt: b.startedAt }, same, differing };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 200);

export function comparisonMarkdown(c: Comparison): string {
  const lines = [`# rgw-conformance compare`, '', `- A: ${c.a.target} (${c.a.startedAt})`, `- B: ${c.b.target} (${c.b.startedAt})`, '', `${c.same} scenarios agree, **${c.differing.length} differ**.`];
  for (const d of c.differing) {
    lines.push('', `## \`${d.name}\`: ${d.a} → ${d.b}`);
    if (!d.steps.length) continue;
    lines.push('', '| step | what | A | B |', '| --- | --- | --- | --- |');
    for (const s of d.steps) for (const x of s.differences) lines.push(`| ${s.step} \`${cell(s.label)}\` | ${cell(x.what)} | ${cell(x.a)} | ${cell(x.b)} |`);
  }
  return lines.join('\n') + '\n';
}

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function comparisonHtml(c: Comparison): string {
  const body = c.differing
    .map((d) => `<h2><code>${esc(d.name)}</code>: ${esc(d.a)} → ${esc(d.b)}</h2>${d.steps.length ? `<table><tr><th>step</th><th>what</th><th>A</th><th>B</th></tr>${d.steps.flatMap((s) => s.differences.map((x) => `<tr><td>${s.step} <code>${esc(s.label)}</code></td><td>${esc(x.what)}</td><td>${esc(x.a)}</td><td>${esc(x.b)}</td></tr>`)).join('')}</table>` : ''}`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rgw-conformance compare</title><style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}</style></head><body><h1>rgw-conformance compare</h1><p>A: ${esc(c.a.target)} (${esc(c.a.startedAt)})<br>B: ${esc(c.b.target)} (${esc(c.b.startedAt)})</p><p>${c.same} scenarios agree, <b>${c.differing.length} differ</b>.</p>${body}</body></html>`;
}
