// The scenario library against the reference gateway, so `npm test` covers it: every scenario must load and
// pass. A failure names the scenario, the failing step's file:line:col and why (expected vs actual).
import t from 'tap';
import { runScenarios } from '../../harness/run/runner.js';
import { findScenarioFiles, libraryDir, loadAll } from '../../harness/run/select.js';
import { formatDiagnostic } from '../../harness/scenario/diagnostics.js';
import { startReferenceTarget } from '../../harness/targets/reference.js';
import { explainResult, unredactedSecrets } from './explain-result.js';

t.test('the scenario library on the reference gateway', async (t) => {
  const { scenarios, diagnostics } = await loadAll(await findScenarioFiles([libraryDir()]));
  t.ok(scenarios.length > 0, `the library has scenarios (${libraryDir()})`);
  t.same(diagnostics.map(formatDiagnostic), [], 'every library scenario loads');

  const target = await startReferenceTarget();
  t.teardown(() => target.close());
  const run = await runScenarios(scenarios, target, { jobs: 2 });
  t.same(unredactedSecrets(JSON.stringify(run), [target.admin.secretAccessKey]), [], 'no secret in the result');
  for (const s of run.scenarios) {
    t.test(s.name, async (t) => {
      t.equal(s.status, 'passed', explainResult(s));
    });
  }
});
