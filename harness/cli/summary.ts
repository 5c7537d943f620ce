// The summary printed at the end of a run: a table of scenarios, then what went wrong and where.
import type { RunResult, ScenarioResult, StepResult } from '../result.js';
import { paint, seconds } from './progress.js';

const LABEL = { passed: 'pass', failed: 'FAIL', error: 'ERROR', skipped: 'skip' } as const;

export function formatSummary(run: RunResult, color = false): string {
  const rows = run.scenarios.map((s) => [LABEL[s.status], s.name, stepsCell(s), s.status === 'skipped' ? '-' : seconds(s.durationMs)]);
  const header = ['STATUS', 'SCENARIO', 'STEPS', 'TIME'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[], status?: ScenarioResult['status']): string =>
    cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!);
        return i === 0 && status ? paint(padded, status, color) : padded;
      })
      .join('  ')
      .trimEnd();
  const lines = [fmt(header), ...rows.map((r, i) => fmt(r, run.scenarios[i]!.status))];

  const problems = run.scenarios.filter((s) => s.status === 'failed' || s.status === 'error' || s.status === 'skipped');
  if (problems.length > 0) lines.push('');
  for (const s of problems) lines.push(...details(s, color));

  const c = run.summary;
  lines.push('');
  lines.push(
    `${c.total} scenario${c.total === 1 ? '' : 's'}: ${c.passed} passed, ${c.failed} failed, ${c.error} errors, ${c.skipped} skipped ` +
      `in ${seconds(run.durationMs)} against ${run.target.description}`,
  );
  return `${lines.join('\n')}\n`;
}

function stepsCell(s: ScenarioResult): string {
  if (s.status === 'skipped') return '-';
  const passed = s.steps.filter((st) => st.status === 'passed').length;
  return `${passed}/${s.steps.length}`;
}

function details(s: ScenarioResult, color: boolean): string[] {
  const out = [`${paint(LABEL[s.status], s.status, color)} ${s.name} (${s.file})`];
  const bad = s.steps.find((st) => st.status === 'failed' || st.status === 'error');
  if (bad) {
    out.push(`  ${where(bad)}: ${bad.failure?.message ?? ''}`);
    out.push(`    step ${bad.index + 1}${bad.name ? ` "${bad.name}"` : ''}: ${bad.service} ${bad.operation} as ${bad.identity}${attempts(bad)}`);
    const last = bad.attempts.at(-1);
    const failed = last?.checks.filter((c) => !c.ok) ?? [];
    for (const c of failed.slice(1, 4)) out.push(`    also ${c.pos.line}:${c.pos.column}: ${c.message ?? ''}`);
  } else if (s.reason) {
    out.push(`  ${s.reason.split('\n')[0]}`);
  }
  if (s.teardown.status === 'error') {
    for (const a of s.teardown.actions.filter((x) => !x.ok)) out.push(`  teardown: ${a.description}: ${a.error?.message ?? ''}`);
  }
  return out;
}

function where(st: StepResult): string {
  const p = st.failure?.pos ?? st.pos;
  return `${p.file}:${p.line}:${p.column}`;
}

function attempts(st: StepResult): string {
  return st.attempts.length > 1 ? ` (${st.attempts.length} attempts over ${seconds(st.durationMs)})` : '';
}
