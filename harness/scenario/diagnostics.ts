// Loader errors: file:line:col, a clear message, and the source line with a caret (Hurl-style).
import type { SourcePos } from '../result.js';

export interface Diagnostic {
  pos: SourcePos;
  message: string;
  /** The source line with a caret under the offending text. */
  excerpt?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.pos.file}:${d.pos.line}:${d.pos.column}: error: ${d.message}`;
  return d.excerpt ? `${head}\n${d.excerpt}` : head;
}

/** Thrown by loadScenario(s) when a scenario is malformed; nothing has run. */
export class ScenarioLoadError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n\n'));
    this.name = 'ScenarioLoadError';
  }
}
