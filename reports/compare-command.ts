// Placeholder: replaced by the run comparison (reports/compare.ts).
export async function compareCommand(_argv: string[]): Promise<number> {
  process.stderr.write('rgw-conformance compare: not built yet\n');
  return 1;
}
