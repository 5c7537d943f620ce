// One self-contained HTML page (no external assets): totals, a filterable scenario list, and per scenario its
// steps with every attempt, the checks, redacted request/response excerpts and, for denials on the reference
// target, the policy explanation. Failing scenarios and steps open by default.
import type { Attempt, RunResult, ScenarioResult, StepResult } from '../harness/result.js';

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const bad = (status: string): boolean => status === 'failed' || status === 'error';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d232a;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1200px}
.summary span{display:inline-block;margin-right:16px;font-weight:600}
.passed{color:#137333}.failed,.error{color:#b3261e}.skipped{color:#8a6d00}
details{background:#fff;border:1px solid #d9dde3;border-radius:6px;margin:8px 0;padding:4px 12px}
details.scenario>summary{font-weight:600;cursor:pointer;padding:6px 0}
details.step{border-color:#e6e8ec;margin-left:8px}
.badge{display:inline-block;min-width:64px;text-align:center;border-radius:4px;padding:1px 6px;margin-right:8px;color:#fff;font-size:12px}
.badge.passed{background:#137333}.badge.failed,.badge.error{background:#b3261e}.badge.skipped{background:#8a6d00}
pre{background:#f0f2f5;padding:8px;overflow:auto;max-height:320px;font-size:12px;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.where{color:#5f6368;font-family:monospace}.fail-msg{color:#b3261e;font-weight:600}
#filter{margin:8px 0;padding:4px 8px;width:320px}`;

function exchanges(a: Attempt): string {
  return a.exchanges
    .map((x) => {
      const req = `${x.request.method} ${x.request.path}${Object.keys(x.request.query).length ? '?' + new URLSearchParams(Object.entries(x.request.query).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((i): [string, string] => [k, i]) : [[k, v]]))).toString() : ''}\n${Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}${x.request.body ? `\n\n${x.request.body.text}` : ''}`;
      const res = x.response ? `HTTP ${x.response.status}\n${Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}${x.response.body ? `\n\n${x.response.body.text}` : ''}` : x.error ?? '';
      return `<div><b>request</b><pre>${esc(req)}</pre><b>response</b><pre>${esc(res)}</pre></div>`;
    })
    .join('');
}

function attempt(a: Attempt, many: boolean): string {
  const o = a.outcome;
  const outcome = o.kind === 'success' ? `success (HTTP ${o.status})` : o.kind === 'error' ? `error ${o.status} ${o.code}${o.message ? `: ${o.message}` : ''}` : `broken: ${o.message}`;
  const checks = a.checks.length
    ? `<table><tr><th></th><th>check</th><th>expected</th><th>actual</th></tr>${a.checks.map((c) => `<tr><td>${c.ok ? '✔' : '✘'}</td><td>${esc(c.subject)}</td><td>${esc(c.expected)}</td><td>${esc(c.actual)}${c.message ? `<div class="fail-msg">${esc(c.message)}</div>` : ''}</td></tr>`).join('')}</table>`
    : '';
  const explanation = a.explanation ? `<b>policy explanation (reference)</b><pre>${esc(JSON.stringify(a.explanation, null, 2))}</pre>` : '';
  return `${many ? `<h4>attempt ${a.number}</h4>` : ''}<div>outcome: <b>${esc(outcome)}</b></div>${checks}${explanation}<details><summary>input and HTTP exchange</summary><pre>${esc(JSON.stringify(a.input, null, 2))}</pre>${exchanges(a)}</details>`;
}

function step(s: StepResult): string {
  const where = `${s.pos.file}:${s.pos.line}:${s.pos.column}`;
  const attempts = s.attempts.length > 1 ? s.attempts.slice(-3) : s.attempts;
  return `<details class="step" ${bad(s.status) ? 'open' : ''}><summary><span class="badge ${s.status}">${s.status}</span>step ${s.index + 1}${s.id ? ` <code>${esc(s.id)}</code>` : ''} — <code>${esc(s.service)}: ${esc(s.operation)}</code> as <code>${esc(s.identity)}</code> <span class="where">${esc(where)}</span></summary>${s.failure ? `<div class="fail-msg">${esc(s.failure.message)} <span class="where">(${esc(`${s.failure.pos.file}:${s.failure.pos.line}:${s.failure.pos.column}`)})</span></div>` : ''}${s.attempts.length > 1 ? `<div>${s.attempts.length} attempts (last ${attempts.length} shown)</div>` : ''}${attempts.map((a) => attempt(a, s.attempts.length > 1)).join('')}</details>`;
}

function scenario(s: ScenarioResult): string {
  const setupFail = s.setup.actions.filter((a) => !a.ok).map((a) => `<div class="fail-msg">setup: ${esc(a.description)}: ${esc(a.error?.message)}</div>`).join('');
  return `<details class="scenario" data-name="${esc(s.name)}" data-status="${s.status}" ${bad(s.status) ? 'open' : ''}><summary><span class="badge ${s.status}">${s.status}</span>${esc(s.name)} <span class="where">${esc(s.file)} · ${(s.durationMs / 1000).toFixed(2)} s</span></summary>${s.description ? `<p>${esc(s.description)}</p>` : ''}${s.reason && s.status !== 'passed' ? `<p class="${s.status}">${esc(s.reason)}</p>` : ''}${setupFail}${s.steps.map(step).join('')}</details>`;
}

export function renderHtml(r: RunResult): string {
  const s = r.summary;
  const ordered = [...r.scenarios].sort((a, b) => Number(bad(b.status)) - Number(bad(a.status)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rgw-conformance — ${esc(r.target.name)}</title><style>${CSS}</style></head><body>
<header><h1>rgw-conformance against ${esc(r.target.description)}</h1><div>${esc(r.startedAt)} · ${(r.durationMs / 1000).toFixed(1)} s · jobs ${r.options.jobs}</div></header>
<main><div class="summary"><span>${s.total} scenarios</span><span class="passed">${s.passed} passed</span><span class="failed">${s.failed} failed</span><span class="error">${s.error} errors</span><span class="skipped">${s.skipped} skipped</span></div>
<input id="filter" placeholder="filter scenarios by name or status" oninput="for(const d of document.querySelectorAll('details.scenario')){d.style.display=(d.dataset.name+' '+d.dataset.status).includes(this.value)?'':'none'}">
${ordered.map(scenario).join('\n')}
</main></body></html>`;
}
