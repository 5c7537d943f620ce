// In-memory sorted tables shared by the memory and durable stores.
import type { ListOptions, Mutation } from './store.js';

class Table {
  readonly rows = new Map<string, unknown>();
  private sorted: string[] | null = null;

  set(key: string, value: unknown): void {
    if (!this.rows.has(key)) this.sorted = null;
    this.rows.set(key, value);
  }
  delete(key: string): void {
    if (this.rows.delete(key)) this.sorted = null;
  }
  keys(): string[] {
    if (!this.sorted) this.sorted = [...this.rows.keys()].sort();
    return this.sorted;
  }
}

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Tables {
  private readonly tables = new Map<string, Table>();

  private table(name: string): Table {
    let t = this.tables.get(name);
    if (!t) {
      t = new Table();
      this.tables.set(name, t);
    }
    return t;
  }

  get<T>(table: string, key: string): T | undefined {
    return this.tables.get(table)?.rows.get(key) as T | undefined;
  }

  list<T>(table: string, options: ListOptions = {}): Array<[string, T]> {
    const t = this.tables.get(table);
    if (!t) return [];
    const keys = t.keys();
    const prefix = options.prefix ?? '';
    let i = lowerBound(keys, prefix);
    if (options.after !== undefined && options.after >= prefix) {
      i = lowerBound(keys, options.after);
      if (keys[i] === options.after) i++;
    }
    const out: Array<[string, T]> = [];
    const limit = options.limit ?? Infinity;
    for (; i < keys.length && out.length < limit; i++) {
      const k = keys[i]!;
      if (!k.startsWith(prefix)) break;
      out.push([k, t.rows.get(k) as T]);
    }
    return out;
  }

  count(table: string, prefix = ''): number {
    const t = this.tables.get(table);
    if (!t) return 0;
    if (!prefix) return t.rows.size;
    const keys = t.keys();
    let n = 0;
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) n++;
    return n;
  }

  apply(mutations: Mutation[]): void {
    for (const m of mutations) {
      if (m.value === undefined) this.table(m.table).delete(m.key);
      else this.table(m.table).set(m.key, m.value);
    }
  }

  /** Every row, for snapshots. */
  *entries(): Iterable<Mutation> {
    for (const [table, t] of this.tables) for (const [key, value] of t.rows) yield { table, key, value };
  }
}
