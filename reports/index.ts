// The report writers: every report is a view of one RunResult (harness/result.ts). writeReports puts
// junit.xml, report.json, report.md and report.html into a directory; report.json is the result model itself
// (schema: reports/schema/report.schema.json), which `rgw-conformance compare` reads back.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../harness/result.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

export const REPORT_FILES = { junit: 'junit.xml', json: 'report.json', markdown: 'report.md', html: 'report.html' } as const;

export function renderJson(r: RunResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** Write every report of a run into dir (created when needed); returns the paths written. */
export async function writeReports(result: RunResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: Array<[string, string]> = [
    [REPORT_FILES.junit, renderJunit(result)],
    [REPORT_FILES.json, renderJson(result)],
    [REPORT_FILES.markdown, renderMarkdown(result)],
    [REPORT_FILES.html, renderHtml(result)],
  ];
  return Promise.all(
    files.map(async ([name, text]) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    }),
  );
}

export { renderHtml, renderJunit, renderMarkdown };
export { compareRuns, differs } from './compare.js';
export type { Comparison, Difference, ScenarioDiff, StepDiff } from './compare.js';
export { comparisonHtml, comparisonMarkdown } from './compare-render.js';
export { RunResultSchema, reportJsonSchema } from './report-schema.js';
