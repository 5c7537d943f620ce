// junit.xml for CI systems, valid against the JUnit schema Jenkins' xUnit plugin uses (reports/schema/
// junit-10.xsd; suites/reports/junit.test.ts validates it with libxml2). One <testsuite> for the run, one
// <testcase> per scenario (classname from its file). A failed expectation is <failure>, a broken run
// (setup, teardown, network, harness) is <error>, a scenario the target cannot run is <skipped message>.
// Built with fast-xml-parser's builder, never by string concatenation, so everything is escaped.
import { XMLBuilder } from 'fast-xml-parser';
import type { RunResult, ScenarioResult } from '../harness/result.js';
import { bad, lastAttempt, outcomeText, stepLabel, where } from './text.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

const secs = (ms: number): string => (ms / 1000).toFixed(3);

function failureText(s: ScenarioResult): string {
  const st = s.steps.find((x) => bad(x.status));
  if (!st) return s.reason ?? s.status;
  const last = lastAttempt(st);
  return [
    `${where(st.failure?.pos ?? st.pos)}: ${st.failure?.message ?? st.status}`,
    `${stepLabel(st)} as ${st.identity}`,
    last ? `got: ${outcomeText(last.outcome)}${st.attempts.length > 1 ? ` (after ${st.attempts.length} attempts)` : ''}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function testcase(s: ScenarioResult): Record<string, unknown> {
  const tc: Record<string, unknown> = {
    '@name': s.name,
    '@classname': s.file.replace(/\.ya?ml$/, '').replace(/[\\/]/g, '.'),
    '@time': secs(s.durationMs),
  };
  if (s.status === 'failed') tc.failure = { '@message': s.reason ?? 'failed', '@type': 'AssertionError', '#text': failureText(s) };
  if (s.status === 'error') tc.error = { '@message': s.reason ?? 'error', '@type': 'Error', '#text': failureText(s) };
  if (s.status === 'skipped') tc.skipped = { '@message': s.reason ?? 'skipped' };
  const lines = s.steps.map((st) => `${st.status.padEnd(7)} ${stepLabel(st)} as ${st.identity}${st.attempts.length > 1 ? ` (${st.attempts.length} attempts)` : ''}`);
  if (lines.length) tc['system-out'] = lines.join('\n');
  return tc;
}

export function renderJunit(r: RunResult): string {
  const counts = { '@tests': r.summary.total, '@failures': r.summary.failed, '@errors': r.summary.error };
  const suite = {
    '@name': `rgw-conformance (${r.target.name})`,
    ...counts,
    '@skipped': r.summary.skipped,
    '@time': secs(r.durationMs),
    '@timestamp': r.startedAt.replace(/\.\d+Z$/, ''),
    '@hostname': r.target.endpoint,
    properties: {
      property: [
        { '@name': 'target', '@value': r.target.description },
        { '@name': 'capabilities', '@value': r.target.capabilities.join(',') },
        { '@name': 'tool', '@value': `${r.tool.name} ${r.tool.version}` },
      ],
    },
    testcase: r.scenarios.map(testcase),
  };
  // <testsuites> has no skipped attribute in the schema; <testsuite> carries it.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ testsuites: { '@name': 'rgw-conformance', ...counts, '@time': secs(r.durationMs), testsuite: suite } })}`;
}
