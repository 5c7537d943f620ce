// junit.xml of a real run (failing, broken, skipped and passing scenarios) is valid against the JUnit schema
// CI systems use (reports/schema/junit-10.xsd, validated by libxml2 compiled to WebAssembly), and maps each
// status to the element CI systems expect, with the failing check's position in the text.
import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import t from 'tap';
import { execFile } from 'node:child_process';
import { renderJunit } from '../../reports/junit.js';
import { runFixtures } from './fixtures/runs.js';

const XSD = await readFile(new URL('../../reports/schema/junit-10.xsd', import.meta.url), 'utf8');
const run = await runFixtures('run-a');
const xml = renderJunit(run);

/** libxml2's verdict on each document, from fixtures/validate-xml.mjs in a plain node process. */
function validateInChild(docs: Record<string, string>): Promise<{ valid: boolean; errors: Array<{ file: string; message: string }> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [new URL('./fixtures/validate-xml.mjs', import.meta.url).pathname], { env: { ...process.env, NODE_OPTIONS: '' } }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(JSON.stringify({ xsd: XSD, docs }));
  });
}

t.test('valid against junit-10.xsd; what the schema forbids is refused', async (t) => {
  // Ours, and two documents the schema must refuse: the validator is real.
  const docs = {
    'junit.xml': xml,
    'extra-attribute.xml': xml.replace('<testsuites ', '<testsuites skipped="1" '),
    'unnamed-testcase.xml': xml.replace(/<testcase name="[^"]*"/, '<testcase'),
  };
  const r = await validateInChild(docs);
  const errors = (file: string): string[] => r.errors.filter((e) => e.file === file).map((e) => e.message);
  t.same(errors('junit.xml'), [], 'junit.xml: no schema error');
  t.match(errors('extra-attribute.xml'), [/attribute 'skipped' is not allowed/]);
  t.match(errors('unnamed-testcase.xml'), [/attribute 'name' is required/]);
});

t.test('one testcase per scenario, status as CI expects it', async (t) => {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const suite = doc.testsuites.testsuite;
  t.match(suite, { name: 'rgw-conformance (reference)', tests: '5', failures: '1', errors: '1', skipped: '1' });
  const cases = Object.fromEntries((suite.testcase as Array<Record<string, any>>).map((c) => [c.name, c]));
  t.same(Object.keys(cases).sort(), ['reports/broken-setup', 'reports/deliberately-failing', 'reports/needs-webidentity', 'reports/only-in-a', 'reports/passing']);
  const failing = cases['reports/deliberately-failing']!;
  t.equal(failing.classname, 'suites.reports.fixtures.run-a.denied');
  t.equal(failing.failure.type, 'AssertionError');
  t.match(failing.failure['#text'], /run-a\/denied\.yaml:15:5: expected success, got error AccessDenied \(403\)/);
  t.match(failing.failure['#text'], /got: error AccessDenied, HTTP 403 \(after \d+ attempts\)/);
  t.match(failing['system-out'], /passed  step 1: s3 ListBuckets[\s\S]*failed  step 2 "wrongly-expected"[\s\S]*skipped step 3/);
  t.match(cases['reports/broken-setup']!.error.message, /setup failed: put bucket policy/);
  t.match(cases['reports/needs-webidentity']!.skipped.message, /does not support: webidentity/);
  t.notOk(cases['reports/passing']!.failure ?? cases['reports/passing']!.error ?? cases['reports/passing']!.skipped);
});
