// RGW's ops log, one entry per request: who (user, account, role session) did what and how it ended.
// Kept as a bounded ring in memory; read through GET /_reference/ops-log.
export interface OpsLogEntry {
  time: string;
  requestId: string;
  api: string;
  operation: string;
  method: string;
  uri: string;
  bucket?: string;
  object?: string;
  status: number;
  errorCode?: string;
  user?: string;
  account?: string;
  role?: string;
  session?: string;
  accessKey?: string;
  tempCredentials: boolean;
  durationMs: number;
}

export class OpsLog {
  private readonly entries: OpsLogEntry[] = [];
  constructor(private readonly capacity = 10_000) {}

  add(entry: OpsLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(filter: { since?: string; limit?: number } = {}): OpsLogEntry[] {
    const from = filter.since ? this.entries.filter((e) => e.time >= filter.since!) : this.entries;
    return from.slice(-(filter.limit ?? 1000));
  }
}
