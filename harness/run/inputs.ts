// A step's input as sent: references resolved, logical bucket (and admin uid) names made real, and maps
// given for string members (policies) encoded as JSON.
import type { InputShape } from '../operations.js';
import type { Step } from '../scenario/model.js';
import { resolveValue } from './captures.js';
import { adminUid, type ScenarioContext } from './context.js';

export function prepareInput(step: Step, ctx: ScenarioContext): Record<string, unknown> {
  let input = realBucketArns(resolveValue(step.input, ctx), ctx) as Record<string, unknown>;
  if (step.service === 's3') input = realBucketFields(input, ctx);
  if (step.service === 'admin') input = realAdminNames(input, ctx);
  if (step.service === 's3' || step.service === 'iam' || step.service === 'sts') input = jsonForStrings(input, step.inputShape, '') as Record<string, unknown>;
  return input;
}

/** `arn:aws:s3:::backups` (and `.../backups/*`) for a declared bucket names the real bucket. */
export function realBucketArns(value: unknown, ctx: ScenarioContext): unknown {
  const buckets = ctx.scenario.setup.buckets.map((b) => b.logical);
  if (buckets.length === 0) return value;
  const re = new RegExp(`arn:aws:s3:::(${buckets.map(escapeRe).join('|')})(?=$|[/*?"',\\s\\]])`, 'g');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(re, (_m, b: string) => `arn:aws:s3:::${ctx.bucketName(b)}`);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

function realBucketFields(input: Record<string, unknown>, ctx: ScenarioContext): Record<string, unknown> {
  const out = { ...input };
  if (typeof out.Bucket === 'string' && ctx.isDeclaredBucket(out.Bucket)) out.Bucket = ctx.bucketName(out.Bucket);
  if (typeof out.CopySource === 'string') {
    const m = /^(\/?)([^/]+)(\/.*)$/.exec(out.CopySource);
    if (m && ctx.isDeclaredBucket(m[2]!)) out.CopySource = `${m[1]}${ctx.bucketName(m[2]!)}${m[3]}`;
  }
  return out;
}

function realAdminNames(input: Record<string, unknown>, ctx: ScenarioContext): Record<string, unknown> {
  const out = { ...input };
  if (typeof out.bucket === 'string' && ctx.isDeclaredBucket(out.bucket)) out.bucket = ctx.bucketName(out.bucket);
  if (typeof out.uid === 'string' && ctx.users.has(out.uid)) out.uid = adminUid(ctx.users.get(out.uid)!);
  return out;
}

/** Maps and lists given where the SDK wants a string (PolicyDocument, Policy, ...) are sent as JSON. */
function jsonForStrings(value: unknown, shape: InputShape, name: string): unknown {
  const structured = value !== null && typeof value === 'object';
  if (!structured) return value;
  switch (shape.kind) {
    case 'string':
      return JSON.stringify(value);
    case 'struct': {
      if (Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = jsonForStrings(v, shape.member(k) ?? { kind: 'unknown' }, k);
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => jsonForStrings(v, shape.element(), name)) : value;
    case 'map':
      return Array.isArray(value) ? value : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonForStrings(v, shape.value(), k)]));
    case 'unknown':
      // No schema from the SDK: fall back on the names policies have.
      return /Policy(Document)?$/.test(name) ? JSON.stringify(value) : Array.isArray(value) ? value : jsonForUnknown(value as Record<string, unknown>);
    default:
      return value;
  }
}

function jsonForUnknown(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, jsonForStrings(v, { kind: 'unknown' }, k)]));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
