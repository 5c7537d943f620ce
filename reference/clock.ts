// The gateway never reads Date.now() directly: a scenario moves the clock forward to show credentials
// expiring after 900 s without waiting (reference-only endpoint POST /_reference/clock?advance=N).
export interface Clock {
  now(): number; // epoch milliseconds
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** Wall clock plus an offset that only moves forward. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = new SystemClock()) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advance takes a non-negative number of seconds');
    this.offsetMs += seconds * 1000;
  }
  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }
}
