// report.html: one self-contained page (inline CSS and one inline script, no external asset, no network) a
// person reads after a run. From the top: totals; a "Failures" box naming each failing step with its message
// and position; the scenario table; then every scenario (failing ones first and open) with setup, each step
// (every attempt of a retried step, the checks, redacted request/response excerpts, and for denials on the
// reference target the policy explanation), teardown, and the real names behind the logical ones.
import type { ActionResult, Attempt, PhaseResult, RunResult, ScenarioResult, StepResult } from '../harness/result.js';
import { bad, decisions, exchangeText, lastAttempt, outcomeText, seconds, stepLabel, where } from './text.js';

/** Attempts of a retried step kept in full (the last ones); its table lists every attempt. */
const FULL_ATTEMPTS = 5;

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f4f5f7}
header{background:#1d232a;color:#fff;padding:14px 24px}header h1{margin:0 0 4px;font-size:19px}header .meta{color:#c4c9d0;font-size:13px}
main{padding:12px 24px 48px;max-width:1280px}
h2{font-size:16px;margin:18px 0 8px}
.counts span{display:inline-block;margin:4px 14px 4px 0;font-weight:600}
.passed{color:#137333}.failed,.error{color:#b3261e}.skipped{color:#8a6d00}
.badge{display:inline-block;min-width:58px;text-align:center;border-radius:4px;padding:0 6px;margin-right:8px;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase}
.badge.passed{background:#137333}.badge.failed,.badge.error{background:#b3261e}.badge.skipped{background:#8a6d00}
.box{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:8px 14px;margin:10px 0}
.box.failures{border-left:5px solid #b3261e}
.box.failures li{margin:4px 0}
details{background:#fff;border:1px solid #d9dde3;border-radius:6px;margin:8px 0;padding:2px 12px}
details>summary{cursor:pointer;padding:5px 0}
details.scenario>summary{font-weight:600;font-size:15px}
details.step{border-color:#e3e6ea;margin-left:6px}
details.step.failing{border-left:5px solid #b3261e;background:#fffafa}
details.phase,details.more{background:#fafbfc}
pre{background:#f0f2f5;padding:8px;overflow:auto;max-height:360px;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all;margin:4px 0}
table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 8px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:top}th{font-weight:600;color:#4a5058}
code,.pos{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}.pos{color:#5f6368}
.fail-msg{color:#b3261e;font-weight:600;margin:4px 0}
.ok{color:#137333}.ko{color:#b3261e;font-weight:700}
.explain{border-left:4px solid #8a6d00;background:#fffbea;padding:6px 10px;margin:6px 0}
.explain .why{font-weight:600}
.attempt{border-top:1px dashed #d9dde3;padding-top:6px;margin-top:6px}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:8px}
#filter{margin:6px 0;padding:5px 8px;width:340px;border:1px solid #c4c9d0;border-radius:4px}
`;

const FILTER_SCRIPT = `document.getElementById('filter').addEventListener('input',function(){var q=this.value.toLowerCase();document.querySelectorAll('details.scenario').forEach(function(d){d.style.display=(d.dataset.name+' '+d.dataset.status).toLowerCase().indexOf(q)>=0?'':'none'})})`;

const badge = (status: string): string => `<span class="badge ${esc(status)}">${esc(status)}</span>`;
const stepAnchor = (si: number, step: StepResult): string => `s${si}-step${step.index + 1}`;

function explanationHtml(explanation: unknown): string {
  const views = decisions(explanation);
  if (!views) return `<div class="explain"><div class="why">policy explanation (reference)</div><pre>${esc(JSON.stringify(explanation, null, 2))}</pre></div>`;
  return views
    .map(
      (d) =>
        `<div class="explain"><div class="why">policy explanation (reference): ${esc(d.summary)}</div>` +
        `<table>${d.facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join('')}</table>` +
        (d.because.length
          ? `<table><tr><th>policy</th><th>statement</th><th>effect</th><th>reason</th></tr>${d.because
              .map((b) => `<tr><td><code>${esc(b.policy)}</code></td><td>${esc(b.statement)}</td><td>${esc(b.effect)}</td><td>${esc(b.reason)}</td></tr>`)
              .join('')}</table>`
          : '') +
        `</div>`,
    )
    .join('');
}

function attemptHtml(a: Attempt, numbered: boolean): string {
  const checks = a.checks.length
    ? `<table><tr><th></th><th>check</th><th>expected</th><th>actual</th><th>where</th></tr>${a.checks
        .map(
          (c) =>
            `<tr><td class="${c.ok ? 'ok' : 'ko'}">${c.ok ? '✔' : '✘'}</td><td><code>${esc(c.subject)}</code></td><td>${esc(c.expected)}</td><td>${esc(c.actual)}${
              c.message ? `<div class="fail-msg">${esc(c.message)}</div>` : ''
            }</td><td class="pos">${esc(where(c.pos))}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const exchanges = a.exchanges
    .map((x) => {
      const t = exchangeText(x);
      return `<div class="exchange"><div><b>request</b><pre>${esc(t.request)}</pre></div><div><b>response</b><pre>${esc(t.response)}</pre></div></div>`;
    })
    .join('');
  return (
    `<div class="attempt">${numbered ? `<b>attempt ${a.number}</b> · ` : ''}outcome: <b>${esc(outcomeText(a.outcome))}</b> <span class="pos">${esc(a.startedAt)} · ${a.durationMs} ms</span>` +
    checks +
    (a.explanation !== undefined ? explanationHtml(a.explanation) : '') +
    `<details class="more"><summary>input and HTTP exchanges (${a.exchanges.length}, redacted)</summary><pre>${esc(JSON.stringify(a.input, null, 2))}</pre>${exchanges}</details></div>`
  );
}

function attemptsTable(s: StepResult): string {
  return `<table><tr><th>attempt</th><th>started</th><th>time</th><th>outcome</th><th>first failing check</th></tr>${s.attempts
    .map((a) => {
      const failing = a.checks.find((c) => !c.ok);
      return `<tr><td>${a.number}</td><td class="pos">${esc(a.startedAt)}</td><td>${a.durationMs} ms</td><td>${esc(outcomeText(a.outcome))}</td><td>${esc(failing?.message ?? '')}</td></tr>`;
    })
    .join('')}</table>`;
}

function stepHtml(s: StepResult, si: number): string {
  const failing = bad(s.status);
  const retried = s.attempts.length > 1;
  // The last attempt decides: it is shown in full; earlier ones (the last few) fold away under the table.
  const last = s.attempts[s.attempts.length - 1];
  const earlier = s.attempts.slice(-FULL_ATTEMPTS, -1);
  return (
    `<details class="step${failing ? ' failing' : ''}" id="${stepAnchor(si, s)}"${failing ? ' open' : ''}>` +
    `<summary>${badge(s.status)}<b>${esc(stepLabel(s))}</b> as <code>${esc(s.identity)}</code> <span class="pos">${esc(where(s.pos))}</span>${
      retried ? ` · ${s.attempts.length} attempts` : ''
    }</summary>` +
    (s.failure && s.status !== 'passed' ? `<div class="fail-msg">${esc(s.failure.message)} <span class="pos">at ${esc(where(s.failure.pos))}</span></div>` : '') +
    (retried ? attemptsTable(s) : '') +
    (last ? attemptHtml(last, retried) : '') +
    (earlier.length
      ? `<details class="more"><summary>earlier attempts in full (${earlier.length === s.attempts.length - 1 ? 'all' : `the last ${earlier.length}`})</summary>${earlier.map((a) => attemptHtml(a, true)).join('')}</details>`
      : '') +
    `</details>`
  );
}

function actionsHtml(actions: ActionResult[]): string {
  return `<table>${actions
    .map((a) => `<tr><td class="${a.ok ? 'ok' : 'ko'}">${a.ok ? '✔' : '✘'}</td><td>${esc(a.description)}${a.error ? `<div class="fail-msg">${esc(a.error.message)}</div>` : ''}</td><td>${a.durationMs} ms</td></tr>`)
    .join('')}</table>`;
}

function phaseHtml(name: string, p: PhaseResult): string {
  if (p.status === 'skipped' && p.actions.length === 0) return '';
  return `<details class="phase"${p.status === 'error' ? ' open' : ''}><summary>${badge(p.status)}${name} (${p.actions.length} actions, ${seconds(p.durationMs)})</summary>${actionsHtml(p.actions)}</details>`;
}

function namesHtml(s: ScenarioResult): string {
  const rows = (['accounts', 'users', 'buckets'] as const).flatMap((kind) => Object.entries(s.names[kind]).map(([l, r]) => `<tr><td>${kind}</td><td><code>${esc(l)}</code></td><td><code>${esc(r)}</code></td></tr>`));
  return rows.length ? `<details class="more"><summary>real names of this run (${esc(s.runId)})</summary><table><tr><th></th><th>logical</th><th>real</th></tr>${rows.join('')}</table></details>` : '';
}

function scenarioHtml(s: ScenarioResult, si: number): string {
  const open = bad(s.status);
  return (
    `<details class="scenario" id="s${si}" data-name="${esc(s.name)}" data-status="${esc(s.status)}"${open ? ' open' : ''}>` +
    `<summary>${badge(s.status)}${esc(s.name)} <span class="pos">${esc(s.file)} · ${seconds(s.durationMs)}</span></summary>` +
    (s.description ? `<p>${esc(s.description)}</p>` : '') +
    (s.reason && s.status !== 'passed' ? `<p class="${esc(s.status)}">${esc(s.reason)}</p>` : '') +
    `<div class="pos">tags: ${esc(s.tags.join(', ') || '—')} · requires: ${esc(s.requires.join(', ') || '—')}</div>` +
    phaseHtml('setup', s.setup) +
    s.steps.map((st) => stepHtml(st, si)).join('') +
    phaseHtml('teardown', s.teardown) +
    namesHtml(s) +
    `</details>`
  );
}

function failuresBox(r: RunResult, index: Map<ScenarioResult, number>): string {
  const items = r.scenarios.filter((s) => bad(s.status)).map((s) => {
    const si = index.get(s)!;
    const st = s.steps.find((x) => bad(x.status));
    if (!st) return `<li>${badge(s.status)}<a href="#s${si}">${esc(s.name)}</a>: ${esc(s.reason ?? s.status)}</li>`;
    const last = lastAttempt(st);
    return (
      `<li>${badge(s.status)}<a href="#${stepAnchor(si, st)}">${esc(s.name)} — ${esc(stepLabel(st))}</a> as <code>${esc(st.identity)}</code>` +
      `<div class="fail-msg">${esc(st.failure?.message ?? st.status)} <span class="pos">at ${esc(where(st.failure?.pos ?? st.pos))}</span></div>` +
      (last ? `<div>got: ${esc(outcomeText(last.outcome))}${st.attempts.length > 1 ? ` (after ${st.attempts.length} attempts)` : ''}</div>` : '') +
      `</li>`
    );
  });
  return items.length ? `<div class="box failures"><h2>Failures (${items.length})</h2><ul>${items.join('')}</ul></div>` : '';
}

export function renderHtml(r: RunResult): string {
  const s = r.summary;
  const index = new Map(r.scenarios.map((sc, i) => [sc, i] as const));
  // Failing scenarios first; otherwise the run's (selection) order.
  const ordered = [...r.scenarios].sort((a, b) => Number(bad(b.status)) - Number(bad(a.status)) || index.get(a)! - index.get(b)!);
  const verdict = s.failed + s.error === 0 ? 'passed' : 'failed';
  const table = `<table><tr><th>status</th><th>scenario</th><th>steps</th><th>time</th><th>note</th></tr>${r.scenarios
    .map((sc) => {
      const ok = sc.steps.filter((st) => st.status === 'passed').length;
      return `<tr><td>${badge(sc.status)}</td><td><a href="#s${index.get(sc)}">${esc(sc.name)}</a></td><td>${ok}/${sc.steps.length}</td><td>${seconds(sc.durationMs)}</td><td>${esc(sc.status === 'passed' ? '' : sc.reason ?? '')}</td></tr>`;
    })
    .join('')}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>rgw-conformance ${verdict} — ${esc(r.target.name)}</title><style>${CSS}</style></head><body>
<header><h1>${badge(verdict)}rgw-conformance against ${esc(r.target.description)}</h1><div class="meta">${esc(r.startedAt)} · ${seconds(r.durationMs)} · ${r.options.jobs} job(s) · ${esc(r.tool.name)} ${esc(r.tool.version)} · capabilities: ${esc(r.target.capabilities.join(', '))}</div></header>
<main>
<div class="counts"><span>${s.total} scenarios</span><span class="passed">${s.passed} passed</span><span class="failed">${s.failed} failed</span><span class="error">${s.error} errors</span><span class="skipped">${s.skipped} skipped</span></div>
${failuresBox(r, index)}
<details class="more"${s.total <= 30 ? ' open' : ''}><summary>all scenarios</summary>${table}</details>
<input id="filter" placeholder="filter scenarios by name or status" aria-label="filter scenarios">
${ordered.map((sc) => scenarioHtml(sc, index.get(sc)!)).join('\n')}
</main><script>${FILTER_SCRIPT}</script></body></html>
`;
}
