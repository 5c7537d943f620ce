// Writes every report of a run into a directory: junit.xml, report.json, report.md, report.html.
// The JSON report is the run's result model itself (harness/result.ts, schema in reports/schema/), which
// `rgw-conformance compare` reads back.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../harness/result.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

export const REPORT_FILES = { junit: 'junit.xml', json: 'report.json', markdown: 'report.md', html: 'report.html' } as const;

export async function writeReports(result: RunResult, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [REPORT_FILES.junit, renderJunit(result)],
    [REPORT_FILES.json, JSON.stringify(result, null, 2) + '\n'],
    [REPORT_FILES.markdown, renderMarkdown(result)],
    [REPORT_FILES.html, renderHtml(result)],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}

export { renderHtml, renderJunit, renderMarkdown };
