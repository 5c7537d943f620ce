// report.html of a real run with a deliberately failing scenario: self-contained (no external asset), and
// readable in a real browser: headless Chromium opens it, the Failures box links to the failing step, which
// is open, in view after the click, and shows its message, every attempt and the policy explanation; a
// screenshot of that view is kept (report-failing-step.png in the test directory, or RGWC_SCREENSHOT_DIR).
//
// Needs Debian's chromium at /usr/bin/chromium (CI: `apt-get install -y chromium`); skipped without it.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { renderHtml } from '../../reports/html.js';
import { runFixtures } from './fixtures/runs.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const run = await runFixtures('run-a');
const html = renderHtml(run);

t.test('the page is self-contained and escaped', async (t) => {
  t.notMatch(html, /<(link|img|iframe|object|embed)\b|\s(src|href)=["']?(https?:|\/\/)|@import|url\(/i, 'nothing that would load an asset');
  t.match(html, /^<!doctype html>/);
  t.notMatch(html, /<[a-z]+[^>]*\son[a-z]+=/i, 'no inline event handler attributes');
  t.match(html, /Unknown key `NotAPolicy`/, 'text appears escaped-free where harmless');
  t.notMatch(html.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, ''), /<(?!\/?(html|head|meta|title|body|header|main|h1|h2|div|span|details|summary|table|tr|th|td|p|b|code|pre|a|ul|li|input)\b)[a-z]/i, 'only the page’s own elements (the run’s text is escaped)');
});

t.test('headless Chromium shows the failing step', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (apt-get install -y chromium)` }, async (t) => {
  const { chromium } = await import('playwright-core');
  const dir = process.env.RGWC_SCREENSHOT_DIR ?? t.testdir();
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'report.html');
  await writeFile(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  t.teardown(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  t.same(requests, [pathToFileURL(file).href], 'the page loads nothing else');
  t.match(await page.title(), /rgw-conformance failed — reference/);

  // A reader follows the Failures box to the failing step.
  await page.locator('.failures a', { hasText: 'reports/deliberately-failing' }).click();
  const step = page.locator('details.step.failing').first();
  t.equal(await step.getAttribute('open'), '', 'the failing step is open');
  const box = await step.boundingBox();
  t.ok(box && box.y >= 0 && box.y < 900, `the failing step is in view (y=${box?.y})`);
  const text = await step.innerText();
  t.match(text, /step 2 "wrongly-expected": s3 ListBuckets/);
  t.match(text, /expected success, got error AccessDenied \(403\)/);
  const attempts = run.scenarios.find((s) => s.name === 'reports/deliberately-failing')!.steps[1]!.attempts.length;
  t.ok(attempts >= 2, `a retried step (${attempts} attempts)`);
  t.match(text, new RegExp(`attempt ${attempts} · outcome: error AccessDenied, HTTP 403`), 'the last attempt in full');
  t.equal(await step.locator('table').first().locator('tr').count(), attempts + 1, 'a table row per attempt');
  t.match(text, /policy explanation \(reference\): denied: s3:ListAllMyBuckets/);
  const shot = join(dir, 'report-failing-step.png');
  await page.screenshot({ path: shot });
  t.ok(existsSync(shot), `screenshot ${shot}`);

  // The filter hides scenarios that do not match.
  await page.fill('#filter', 'passing');
  t.equal(await page.locator('details.scenario:visible').count(), 1);
});
