// The comparison of two runs as Markdown (printed, and compare.md) and as one self-contained HTML page
// (compare.html): scenarios whose outcome differs first, then those that answered differently with the same
// outcome, each with a table of step, what differs, A and B.
import type { Comparison, ScenarioDiff } from './compare.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').slice(0, 300);
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function headline(c: Comparison): string {
  const n = c.outcome.length + c.fields.length;
  return n === 0 ? 'the runs agree' : `${n} scenario${n === 1 ? '' : 's'} differ`;
}

function counts(c: Comparison): string {
  return `${c.same} scenarios agree, ${c.outcome.length} differ in outcome, ${c.fields.length} answer differently with the same outcome.`;
}

function markdownScenario(d: ScenarioDiff): string[] {
  const lines = ['', `### ${code(d.name)}: ${d.a} → ${d.b}`];
  for (const x of d.differences) lines.push('', `- ${x.what}: A ${code(cell(x.a))}, B ${code(cell(x.b))}`);
  if (d.steps.length) {
    lines.push('', '| step | what | A | B |', '| --- | --- | --- | --- |');
    for (const s of d.steps) s.differences.forEach((x, i) => lines.push(`| ${i === 0 ? cell(s.label) : ''} | ${cell(x.what)} | ${cell(x.a)} | ${cell(x.b)} |`));
  }
  return lines;
}

export function comparisonMarkdown(c: Comparison): string {
  const lines = [
    `# rgw-conformance compare: ${headline(c)}`,
    '',
    `- A: ${cell(c.a.target)} (${c.a.startedAt}), ${c.a.total} scenarios`,
    `- B: ${cell(c.b.target)} (${c.b.startedAt}), ${c.b.total} scenarios`,
    '',
    counts(c),
  ];
  if (c.outcome.length) lines.push('', '## Outcome differs', ...c.outcome.flatMap(markdownScenario));
  if (c.fields.length) lines.push('', '## Same outcome, different answers', ...c.fields.flatMap(markdownScenario));
  return `${lines.join('\n')}\n`;
}

function htmlScenario(d: ScenarioDiff): string {
  const rows = d.steps.flatMap((s) => s.differences.map((x, i) => `<tr>${i === 0 ? `<td rowspan="${s.differences.length}">${esc(s.label)}</td>` : ''}<td><code>${esc(x.what)}</code></td><td class="a">${esc(x.a)}</td><td class="b">${esc(x.b)}</td></tr>`));
  return (
    `<section><h3><code>${esc(d.name)}</code>: <span class="st ${esc(d.a)}">${esc(d.a)}</span> → <span class="st ${esc(d.b)}">${esc(d.b)}</span></h3>` +
    d.differences.map((x) => `<p><b>${esc(x.what)}</b><br>A: ${esc(x.a)}<br>B: ${esc(x.b)}</p>`).join('') +
    (rows.length ? `<table><tr><th>step</th><th>what</th><th>A</th><th>B</th></tr>${rows.join('')}</table>` : '') +
    `</section>`
  );
}

export function comparisonHtml(c: Comparison): string {
  const css = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f4f5f7}header{background:#1d232a;color:#fff;padding:14px 24px}h1{margin:0;font-size:19px}main{padding:12px 24px;max-width:1280px}section{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:4px 14px 10px;margin:10px 0}h3{font-size:15px}table{border-collapse:collapse}td,th{border-bottom:1px solid #eceef1;padding:3px 8px;text-align:left;vertical-align:top}td.a{background:#fff4f4}td.b{background:#f2fbf4}.st{font-weight:700}.passed{color:#137333}.failed,.error{color:#b3261e}.skipped,.absent{color:#8a6d00}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rgw-conformance compare: ${esc(headline(c))}</title><style>${css}</style></head><body>
<header><h1>rgw-conformance compare: ${esc(headline(c))}</h1></header><main>
<p>A: ${esc(c.a.target)} (${esc(c.a.startedAt)}), ${c.a.total} scenarios<br>B: ${esc(c.b.target)} (${esc(c.b.startedAt)}), ${c.b.total} scenarios</p>
<p>${esc(counts(c))}</p>
${c.outcome.length ? `<h2>Outcome differs</h2>${c.outcome.map(htmlScenario).join('')}` : ''}
${c.fields.length ? `<h2>Same outcome, different answers</h2>${c.fields.map(htmlScenario).join('')}` : ''}
</main></body></html>
`;
}
