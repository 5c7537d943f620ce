// Durations in scenarios: a number of seconds, or "500ms", "30s", "2m", "1h".

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function durationMs(d: number | string): number {
  if (typeof d === 'number') return Math.round(d * 1000);
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(d);
  if (!m) throw new RangeError(`not a duration: "${d}" (write 500ms, 30s, 2m or 1h)`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
}
