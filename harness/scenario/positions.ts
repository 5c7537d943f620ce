// Source positions for YAML nodes: every loader error and every step/check in a result names file:line:col.
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { SourcePos } from '../result.js';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed file with what is needed to turn offsets into positions and excerpts. */
export class SourceFile {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: Document,
    readonly lines: LineCounter,
  ) {}

  posOfOffset(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.file, line, column: col };
  }

  /** Position of the value at `path` (or of its key with `key: true`); falls back to the nearest ancestor. */
  pos(path: YamlPath, opts: { key?: boolean } = {}): SourcePos {
    return this.posOfOffset(this.range(path, opts)[0]);
  }

  /** [start, end) offsets of the value (or key) at `path`, or of the nearest existing ancestor. */
  range(path: YamlPath, opts: { key?: boolean } = {}): [number, number] {
    let node: Node | null | undefined = this.doc.contents as Node | null;
    let keyNode: Node | null | undefined;
    let last: Node | null | undefined = node;
    for (const seg of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as Node | null;
      } else {
        break;
      }
      if (node) last = node;
      else if (keyNode) last = keyNode;
    }
    const target = opts.key && keyNode ? keyNode : last;
    const r = target?.range;
    return r ? [r[0], r[1]] : [0, 0];
  }

  /** The source line at `pos` with a caret under `width` characters (Hurl-style). */
  excerpt(pos: SourcePos, width = 1): string {
    const lineText = this.text.split(/\r?\n/)[pos.line - 1] ?? '';
    const gutter = String(pos.line).length;
    const pad = ' '.repeat(gutter);
    const caretWidth = Math.max(1, Math.min(width, lineText.length - (pos.column - 1)));
    return `${pad} |\n${pos.line} | ${lineText}\n${pad} | ${' '.repeat(pos.column - 1)}${'^'.repeat(caretWidth)}`;
  }
}
