// Placeholder: the harness helper replaces this with the scenario runner.
export async function runCommand(_argv: string[]): Promise<number> {
  process.stderr.write('rgw-conformance run: the harness is not built yet\n');
  return 1;
}
