// SDK outputs as plain data: no $metadata, streaming bodies read (as text when they are text), dates as
// ISO strings, bytes described. This is what captures, checks and results see.

export const MAX_BODY_BYTES = 1024 * 1024;

export async function plainOutput(raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { $metadata: _m, ...rest } = raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    out[k] = k === 'Body' && isStream(v) ? await readBody(v) : plain(v);
  }
  return out;
}

function isStream(v: unknown): v is AsyncIterable<Uint8Array> {
  return !!v && typeof v === 'object' && Symbol.asyncIterator in v;
}

async function readBody(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  let total = 0;
  for await (const c of body) {
    total += c.length;
    if (n < MAX_BODY_BYTES) {
      const part = Buffer.from(c).subarray(0, MAX_BODY_BYTES - n);
      chunks.push(part);
      n += part.length;
    }
  }
  return describeBytes(Buffer.concat(chunks), total);
}

function describeBytes(buf: Buffer, total = buf.length): string {
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') || /[\x00-\x08\x0E-\x1F]/.test(text)) return `<${total} bytes binary>`;
  return total > buf.length ? `${text}… (${total} bytes)` : text;
}

export function plain(v: unknown, depth = 0): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (v instanceof Uint8Array) return describeBytes(Buffer.from(v));
  if (v === null || typeof v !== 'object' || depth > 40) return v;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[k] = plain(x, depth + 1);
  return out;
}
