// The policy explanation of recent requests, kept in memory (a bounded ring) and served by the
// reference-only endpoint GET /_reference/decisions?request-id=ID so reports can say why a request was denied.
export interface DecisionRecord {
  requestId: string;
  time: string;
  principal: string;
  action: string;
  resource: string;
  allowed: boolean;
  /** One line saying why, e.g. "denied: explicit Deny in bucket-policy statement DenyAll". */
  summary?: string;
  /** What refused it: a policy name, 'implicit-deny', 'cross-account-resource', ... */
  blockedBy?: string;
  because: unknown[];
}

export class DecisionLog {
  private readonly byId = new Map<string, DecisionRecord[]>();
  constructor(private readonly capacity = 10_000) {}

  add(record: DecisionRecord): void {
    const list = this.byId.get(record.requestId);
    if (list) list.push(record);
    else {
      this.byId.set(record.requestId, [record]);
      if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value as string);
    }
  }

  get(requestId: string): DecisionRecord[] {
    return this.byId.get(requestId) ?? [];
  }

  recent(limit = 100): DecisionRecord[] {
    return [...this.byId.values()].flat().slice(-limit);
  }
}
