// The scenario library against a real RGW, when one is given: RGW_CREDS_FILE=/tmp/rgw/creds.json (endpoint,
// region, admin keys) or RGW_ENDPOINT + RGW_ADMIN_ACCESS_KEY + RGW_ADMIN_SECRET_KEY. Skipped otherwise, so
// `npm test` needs no RGW. Every scenario in the library must pass on RGW: RGW is the ground truth.
import t from 'tap';
import { runScenarios } from '../../harness/run/runner.js';
import { findScenarioFiles, libraryDir, loadAll } from '../../harness/run/select.js';
import { rgwTarget } from '../../harness/targets/rgw.js';
import { explainResult, unredactedSecrets } from './explain-result.js';

const credsFile = process.env.RGW_CREDS_FILE;
const given = !!credsFile || !!process.env.RGW_ENDPOINT;

t.test('the scenario library on a real RGW', { skip: given ? false : 'no RGW given (set RGW_CREDS_FILE, or RGW_ENDPOINT and admin keys)' }, async (t) => {
  const target = await rgwTarget({ credsFile });
  t.teardown(() => target.close());
  const { scenarios, diagnostics } = await loadAll(await findScenarioFiles([libraryDir()]));
  t.same(diagnostics, [], 'every library scenario loads');
  const run = await runScenarios(scenarios, target, { jobs: 4 });
  t.same(unredactedSecrets(JSON.stringify(run), [target.admin.secretAccessKey]), [], 'no secret in the result');
  for (const s of run.scenarios) {
    t.test(s.name, async (t) => {
      if (s.status === 'skipped') t.pass(`${s.name}: ${s.reason ?? ''}`, { skip: true });
      else t.equal(s.status, 'passed', explainResult(s));
    });
  }
});
