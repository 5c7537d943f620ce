// `npx tsx reports/write-report-schema.ts`: writes reports/schema/report.schema.json from the zod types in
// report-schema.ts (the one source). suites/reports/json-schema.test.ts fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportJsonSchema } from './report-schema.js';

export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('./schema/report.schema.json', import.meta.url));

export function renderReportSchema(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(REPORT_SCHEMA_FILE, renderReportSchema());
  process.stdout.write(`wrote ${REPORT_SCHEMA_FILE}\n`);
}
