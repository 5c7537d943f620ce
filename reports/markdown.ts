// report.md for CI job summaries (e.g. `cat report.md >> $GITHUB_STEP_SUMMARY`): the verdict and totals, a
// table of scenarios, then each failure: the step, its position, what it got, and for denials on the
// reference target the policy explanation's one-line summary.
import type { RunResult, ScenarioResult } from '../harness/result.js';
import { bad, decisions, lastAttempt, outcomeText, seconds, stepLabel, where } from './text.js';

const ICON: Record<string, string> = { passed: '✅', failed: '❌', error: '💥', skipped: '⏭️' };
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

function failureLines(s: ScenarioResult): string[] {
  const out: string[] = [];
  for (const st of s.steps.filter((x) => bad(x.status))) {
    const last = lastAttempt(st);
    out.push(`- **${cell(stepLabel(st))}** as ${code(st.identity)} at ${code(where(st.failure?.pos ?? st.pos))}: ${cell(st.failure?.message ?? st.status)}`);
    if (last) out.push(`  - got: ${cell(outcomeText(last.outcome))}${st.attempts.length > 1 ? ` (after ${st.attempts.length} attempts)` : ''}`);
    for (const d of (last?.explanation !== undefined ? decisions(last.explanation) : undefined) ?? []) out.push(`  - policy explanation (reference): ${cell(d.summary)}`);
  }
  const broken = [...s.setup.actions, ...s.teardown.actions].filter((a) => !a.ok);
  for (const a of broken) out.push(`- ${cell(a.description)}: ${cell(a.error?.message ?? 'failed')}`);
  if (!out.length && s.reason) out.push(`- ${cell(s.reason)}`);
  return out;
}

export function renderMarkdown(r: RunResult): string {
  const s = r.summary;
  const lines = [
    `# rgw-conformance: ${s.failed + s.error === 0 ? 'passed' : 'FAILED'} against ${r.target.name}`,
    '',
    `${s.total} scenarios: **${s.passed} passed**, ${s.failed} failed, ${s.error} errors, ${s.skipped} skipped in ${seconds(r.durationMs)} — ${cell(r.target.description)}`,
    '',
    '| | scenario | steps | time | note |',
    '| --- | --- | --- | --- | --- |',
    ...r.scenarios.map((sc) => {
      const ok = sc.steps.filter((st) => st.status === 'passed').length;
      return `| ${ICON[sc.status]} | ${code(sc.name)} | ${ok}/${sc.steps.length} | ${seconds(sc.durationMs)} | ${cell(sc.status === 'passed' ? '' : sc.reason ?? '')} |`;
    }),
  ];
  const failing = r.scenarios.filter((sc) => bad(sc.status));
  if (failing.length) {
    lines.push('', '## Failures');
    for (const sc of failing) lines.push('', `### ${code(sc.name)} (${cell(sc.file)})`, '', ...failureLines(sc));
  }
  return `${lines.join('\n')}\n`;
}
