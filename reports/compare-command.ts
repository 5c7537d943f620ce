// rgw-conformance compare A.json B.json [--report DIR]: prints the Markdown comparison, writes compare.md and
// compare.html into DIR; exit 0 when the runs agree, 1 when they differ, 2 on bad input.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunResult } from '../harness/result.js';
import { compareRuns, comparisonHtml, comparisonMarkdown } from './compare.js';

const USAGE = 'usage: rgw-conformance compare A.json B.json [--report DIR]\n\nCompares two report.json files scenario by scenario and step by step; exit 1 when they differ.\n';

async function load(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not JSON: ${(err as Error).message}`);
  }
  const r = data as Partial<RunResult>;
  if (!r || typeof r !== 'object' || !Array.isArray(r.scenarios) || !r.target) throw new Error(`${path} is not an rgw-conformance report.json (no scenarios/target)`);
  return r as RunResult;
}

export async function compareCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { report: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`rgw-conformance compare: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    process.stderr.write(`rgw-conformance compare: expected two report files\n${USAGE}`);
    return 2;
  }
  let a: RunResult;
  let b: RunResult;
  try {
    [a, b] = await Promise.all(parsed.positionals.map(load)) as [RunResult, RunResult];
  } catch (err) {
    process.stderr.write(`rgw-conformance compare: ${(err as Error).message}\n`);
    return 2;
  }
  const c = compareRuns(a, b);
  const md = comparisonMarkdown(c);
  process.stdout.write(md);
  if (parsed.values.report) {
    await mkdir(parsed.values.report, { recursive: true });
    await writeFile(join(parsed.values.report, 'compare.md'), md);
    await writeFile(join(parsed.values.report, 'compare.html'), comparisonHtml(c));
  }
  return c.differing.length ? 1 : 0;
}
