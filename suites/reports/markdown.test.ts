// report.md of a real run: the verdict, one table row per scenario, and for each failure the step, its
// position, what it got and the reference's explanation of the denial.
import t from 'tap';
import { renderMarkdown } from '../../reports/markdown.js';
import { runFixtures } from './fixtures/runs.js';

const md = renderMarkdown(await runFixtures('run-a'));

t.test('verdict, table, failures', async (t) => {
  t.match(md, /^# rgw-conformance: FAILED against reference\n\n5 scenarios: \*\*2 passed\*\*, 1 failed, 1 errors, 1 skipped in /);
  t.equal(md.split('\n').filter((l) => /^\| (✅|❌|💥|⏭️) \| `reports\//.test(l)).length, 5, 'a row per scenario');
  t.match(md, /\| ⏭️ \| `reports\/needs-webidentity` \| 0\/1 \| [\d.]+ s \| target reference does not support: webidentity \|/);
  t.match(md, /### `reports\/deliberately-failing` \(suites\/reports\/fixtures\/run-a\/denied\.yaml\)\n\n- \*\*step 2 "wrongly-expected": s3 ListBuckets \(the same user is \(wrongly\) expected to list buckets\)\*\* as `team\/worker` at `suites\/reports\/fixtures\/run-a\/denied\.yaml:15:5`: expected success, got error AccessDenied \(403\)/);
  t.match(md, /  - got: error AccessDenied, HTTP 403 \(after \d+ attempts\)\n  - policy explanation \(reference\): denied: s3:ListAllMyBuckets for arn:aws:iam::RGW\d{17}:user\/worker: no policy allows this action/);
  t.match(md, /### `reports\/broken-setup`[^\n]*\n\n- put bucket policy on data: InvalidArgument/);
  t.notMatch(md, /### `reports\/passing`/);
});
