// A scenario that moves the clock gets a gateway of its own on the reference target: the scenarios running
// beside it and after it keep signing with a clock the gateway agrees with (no RequestTimeTooSkewed).
import t from 'tap';
import { runScenarios } from '../../harness/run/runner.js';
import { loadScenarioText } from '../../harness/scenario/load.js';
import { startReferenceTarget } from '../../harness/targets/reference.js';
import { explainResult } from './explain-result.js';

const MOVER = `name: mover
setup:
  accounts:
    team: { root: boss }
steps:
  - clock: { advance: 2h }
  - { as: team/boss, s3: ListBuckets }
`;
const STILL = (n: number): string => `name: still-${n}
setup:
  accounts:
    team: { root: boss }
steps:
  - { as: team/boss, s3: ListBuckets }
  - { as: team/boss, iam: ListUsers }
`;

t.test('clock scenarios run on their own reference gateway', async (t) => {
  const target = await startReferenceTarget();
  t.teardown(() => target.close());
  const scenarios = [loadScenarioText(MOVER, 'mover.yaml'), ...[1, 2, 3].map((n) => loadScenarioText(STILL(n), `still-${n}.yaml`))];
  const run = await runScenarios(scenarios, target, { jobs: 2 });
  for (const s of run.scenarios) t.equal(s.status, 'passed', explainResult(s));
  const again = await runScenarios([loadScenarioText(STILL(4), 'still-4.yaml')], target);
  t.equal(again.scenarios[0]!.status, 'passed', 'the shared gateway clock was never moved');
});

t.test('without isolation a moved clock skews the scenarios that share the gateway', async (t) => {
  const target = await startReferenceTarget();
  t.teardown(() => target.close());
  const shared = { ...target, isolated: undefined };
  await runScenarios([loadScenarioText(MOVER, 'mover.yaml')], shared);
  const after = await runScenarios([loadScenarioText(STILL(5), 'still-5.yaml')], shared);
  t.equal(after.scenarios[0]!.status, 'error', 'this is what isolation prevents');
  t.match(after.scenarios[0]!.reason ?? '', /RequestTimeTooSkewed/);
});
