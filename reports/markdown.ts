// Markdown for CI job summaries: the totals, a table of scenarios, and each failure with its position.
import type { RunResult, ScenarioResult } from '../harness/result.js';

const ICON: Record<string, string> = { passed: '✅', failed: '❌', error: '💥', skipped: '⏭️' };
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function failureLines(s: ScenarioResult): string[] {
  const out: string[] = [];
  for (const st of s.steps) {
    if (st.status !== 'failed' && st.status !== 'error') continue;
    const last = st.attempts[st.attempts.length - 1];
    out.push(`- **step ${st.index + 1}${st.id ? ` \`${st.id}\`` : ''}** \`${st.service}: ${st.operation}\` as \`${st.identity}\` at \`${st.failure?.pos.file}:${st.failure?.pos.line}:${st.failure?.pos.column}\`: ${st.failure?.message ?? st.status}`);
    if (last?.outcome.kind === 'error') out.push(`  - got \`${last.outcome.status} ${last.outcome.code}\`${last.outcome.message ? `: ${last.outcome.message}` : ''}`);
    if (last?.explanation) out.push(`  - policy explanation: \`${cell(JSON.stringify(last.explanation)).slice(0, 400)}\``);
  }
  if (!out.length && s.reason) out.push(`- ${s.reason}`);
  return out;
}

export function renderMarkdown(r: RunResult): string {
  const s = r.summary;
  const lines = [
    `# rgw-conformance: ${s.failed + s.error === 0 ? 'passed' : 'FAILED'} against ${r.target.name}`,
    '',
    `${s.total} scenarios: **${s.passed} passed**, ${s.failed} failed, ${s.error} errors, ${s.skipped} skipped in ${(r.durationMs / 1000).toFixed(1)} s — ${r.target.description}`,
    '',
    '| | scenario | steps | time | note |',
    '| --- | --- | --- | --- | --- |',
    ...r.scenarios.map((sc) => {
      const ok = sc.steps.filter((st) => st.status === 'passed').length;
      return `| ${ICON[sc.status]} | \`${sc.name}\` | ${ok}/${sc.steps.length} | ${(sc.durationMs / 1000).toFixed(2)} s | ${cell(sc.status === 'passed' ? '' : sc.reason ?? '')} |`;
    }),
  ];
  const bad = r.scenarios.filter((sc) => sc.status === 'failed' || sc.status === 'error');
  if (bad.length) {
    lines.push('', '## Failures');
    for (const sc of bad) lines.push('', `### \`${sc.name}\` (${sc.file})`, ...failureLines(sc));
  }
  return lines.join('\n') + '\n';
}
