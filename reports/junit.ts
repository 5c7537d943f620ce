// JUnit XML for CI systems: one <testsuite> per scenario file group (the run), one <testcase> per scenario;
// failed → <failure>, error → <error>, skipped → <skipped message>. Built with fast-xml-parser, never by hand.
import { XMLBuilder } from 'fast-xml-parser';
import type { RunResult, ScenarioResult } from '../harness/result.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

function testcase(s: ScenarioResult): Record<string, unknown> {
  const tc: Record<string, unknown> = { '@name': s.name, '@classname': s.file.replace(/\.ya?ml$/, '').replace(/[\\/]/g, '.'), '@time': (s.durationMs / 1000).toFixed(3) };
  const failing = s.steps.find((st) => st.status === 'failed' || st.status === 'error');
  const where = failing?.failure ? `${failing.failure.pos.file}:${failing.failure.pos.line}:${failing.failure.pos.column}` : s.file;
  if (s.status === 'failed') tc.failure = { '@message': s.reason ?? 'failed', '@type': 'AssertionError', '#text': `${where}\n${failing?.failure?.message ?? s.reason ?? ''}` };
  if (s.status === 'error') tc.error = { '@message': s.reason ?? 'error', '@type': 'Error', '#text': `${where}\n${s.reason ?? ''}` };
  if (s.status === 'skipped') tc.skipped = { '@message': s.reason ?? 'skipped' };
  const steps = s.steps.map((st) => `${st.status.padEnd(7)} ${st.service}:${st.operation}${st.id ? ` (${st.id})` : ''} as ${st.identity}`).join('\n');
  if (steps) tc['system-out'] = steps;
  return tc;
}

export function renderJunit(r: RunResult): string {
  const suite = {
    '@name': `rgw-conformance (${r.target.name})`,
    '@tests': r.summary.total,
    '@failures': r.summary.failed,
    '@errors': r.summary.error,
    '@skipped': r.summary.skipped,
    '@time': (r.durationMs / 1000).toFixed(3),
    '@timestamp': r.startedAt.replace(/\.\d+Z$/, ''),
    '@hostname': r.target.endpoint,
    properties: { property: [{ '@name': 'target', '@value': r.target.description }, { '@name': 'capabilities', '@value': r.target.capabilities.join(',') }] },
    testcase: r.scenarios.map(testcase),
  };
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build({ testsuites: { '@name': 'rgw-conformance', '@tests': r.summary.total, '@failures': r.summary.failed, '@errors': r.summary.error, '@skipped': r.summary.skipped, '@time': (r.durationMs / 1000).toFixed(3), testsuite: suite } });
}
