// Which scenarios run: files and directories given (default: the scenario library), loaded all at once so a
// malformed one refuses the whole run before anything starts, then filtered by tags and a name pattern.
import { readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../scenario/diagnostics.js';
import { ScenarioLoadError } from '../scenario/diagnostics.js';
import { loadScenarioFile } from '../scenario/load.js';
import type { Scenario } from '../scenario/model.js';

/** The scenarios/ directory shipped with this package (from the source tree or from dist/). */
export function libraryDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'scenarios')) && existsSync(join(dir, 'package.json'))) return join(dir, 'scenarios');
    dir = dirname(dir);
  }
  return resolve('scenarios');
}

export async function findScenarioFiles(paths: string[]): Promise<string[]> {
  const roots = paths.length > 0 ? paths : [libraryDir()];
  const files: string[] = [];
  for (const p of roots) {
    const s = await stat(p).catch(() => undefined);
    if (!s) throw new Error(`no such file or directory: ${p}`);
    if (s.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return [...new Set(files.map((f) => displayPath(f)))];
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function displayPath(f: string): string {
  const rel = relative(process.cwd(), f);
  return rel.startsWith('..') ? resolve(f) : rel;
}

export async function loadAll(files: string[]): Promise<{ scenarios: Scenario[]; diagnostics: Diagnostic[] }> {
  const scenarios: Scenario[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    try {
      scenarios.push(await loadScenarioFile(f));
    } catch (err) {
      if (err instanceof ScenarioLoadError) diagnostics.push(...err.diagnostics);
      else diagnostics.push({ pos: { file: f, line: 1, column: 1 }, message: (err as Error).message });
    }
  }
  const byName = new Map<string, Scenario>();
  for (const s of scenarios) {
    const other = byName.get(s.name);
    if (other) diagnostics.push({ pos: s.pos, message: `scenario name "${s.name}" is also used by ${other.file}; names are unique` });
    byName.set(s.name, s);
  }
  return { scenarios, diagnostics };
}

export interface Filter {
  tags?: string[]; // any of these (a leading "!" excludes)
  grep?: string; // regular expression on the name or file
}

export function filterScenarios(scenarios: Scenario[], f: Filter): Scenario[] {
  const include = (f.tags ?? []).filter((t) => !t.startsWith('!'));
  const exclude = (f.tags ?? []).filter((t) => t.startsWith('!')).map((t) => t.slice(1));
  const re = f.grep ? new RegExp(f.grep) : undefined;
  return scenarios.filter(
    (s) =>
      (include.length === 0 || s.tags.some((t) => include.includes(t))) &&
      !s.tags.some((t) => exclude.includes(t)) &&
      (!re || re.test(s.name) || re.test(s.file)),
  );
}
