// One readable paragraph for a scenario that did not pass (used by the library suites' assertions).
import type { ScenarioResult } from '../../harness/result.js';

export function explainResult(s: ScenarioResult): string {
  if (s.status === 'passed') return `${s.name} passed`;
  const lines = [`${s.name} (${s.file}) ${s.status}: ${s.reason ?? ''}`];
  const bad = s.steps.find((st) => st.status === 'failed' || st.status === 'error');
  const last = bad?.attempts.at(-1);
  for (const c of last?.checks.filter((x) => !x.ok) ?? []) lines.push(`  ${c.pos.file}:${c.pos.line}:${c.pos.column}: ${c.message ?? ''}`);
  const body = last?.exchanges.at(-1)?.response?.body?.text;
  if (body) lines.push(`  last response body: ${body.slice(0, 300)}`);
  for (const a of [...s.setup.actions, ...s.teardown.actions].filter((x) => !x.ok)) {
    const line = `${a.description}: ${a.error?.message ?? ''}`;
    if (!s.reason?.includes(line)) lines.push(`  ${line}`);
  }
  return lines.join('\n');
}

/**
 * Secret-bearing fields whose value is not redacted, anywhere in a serialised result (XML elements, JSON
 * members, query/form parameters), plus any occurrence of the given known secrets.
 */
export function unredactedSecrets(serialised: string, known: string[] = []): string[] {
  const found: string[] = [];
  const patterns = [
    /<(SecretAccessKey|SessionToken)>(?!\[REDACTED\])[^<]+</g,
    /\\?"(SecretAccessKey|secret_key|SessionToken|secretAccessKey|sessionToken)\\?"\s*:\s*\\?"(?!\[REDACTED\])[^"\\]+/g,
    /Signature=(?!\[REDACTED\])[0-9a-f]{16,}/g,
  ];
  for (const re of patterns) for (const m of serialised.matchAll(re)) found.push(m[0].slice(0, 60));
  for (const k of known) if (k && serialised.includes(k)) found.push(`known secret ${k.slice(0, 4)}…`);
  return found;
}
