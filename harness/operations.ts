// SDK operations by name: `s3: ListBuckets` is @aws-sdk/client-s3's ListBucketsCommand, found in the client
// module's own exports, so every operation the SDK knows works without a list kept here. Input members are
// read from the schema each command carries (smithy schemas, SDK >= 3.7xx); when a command carries none,
// the input is not checked (InputShape 'unknown') rather than refused.
import { createRequire } from 'node:module';
import * as iam from '@aws-sdk/client-iam';
import * as s3 from '@aws-sdk/client-s3';
import * as sts from '@aws-sdk/client-sts';

export const SDK_MODULES = { s3, iam, sts } as const;
export type SdkService = keyof typeof SDK_MODULES;

/** A command class as the client modules export them. */
export type CommandClass = new (input: Record<string, unknown>) => { readonly input: unknown; schema?: unknown };

export function isSdkService(s: string): s is SdkService {
  return Object.hasOwn(SDK_MODULES, s);
}

export function findCommand(service: SdkService, operation: string): CommandClass | undefined {
  const mod = SDK_MODULES[service] as unknown as Record<string, unknown>;
  const C = mod[`${operation}Command`];
  return typeof C === 'function' && /^[A-Z]/.test(operation) ? (C as CommandClass) : undefined;
}

export function operationNames(service: SdkService): string[] {
  return Object.keys(SDK_MODULES[service])
    .filter((k) => k.endsWith('Command') && k !== 'Command' && /^[A-Z]/.test(k) && !k.startsWith('$'))
    .map((k) => k.slice(0, -'Command'.length))
    .sort();
}

/** What a value in an input must look like, as far as the loader checks it. */
export type InputShape =
  | { kind: 'struct'; member(name: string): InputShape | undefined; memberNames(): string[] }
  | { kind: 'list'; element(): InputShape }
  | { kind: 'map'; value(): InputShape }
  | { kind: 'string' | 'number' | 'boolean' | 'blob' | 'timestamp' | 'document' | 'unknown' };

const UNKNOWN: InputShape = { kind: 'unknown' };

/** The minimal surface of @smithy/core's NormalizedSchema used here. */
interface NormalizedSchemaLike {
  isStructSchema(): boolean;
  isListSchema(): boolean;
  isMapSchema(): boolean;
  isStringSchema(): boolean;
  isNumericSchema(): boolean;
  isBooleanSchema(): boolean;
  isBlobSchema(): boolean;
  isTimestampSchema(): boolean;
  isDocumentSchema(): boolean;
  getValueSchema(): NormalizedSchemaLike;
  structIterator(): Iterable<[string, NormalizedSchemaLike]>;
}
interface NormalizedSchemaStatic {
  of(ref: unknown): NormalizedSchemaLike;
}

/**
 * The input shape of an operation, or 'unknown' when the SDK in use carries no schema. @smithy/core is
 * resolved from the client package (not from ours) so the schema reader matches the schemas it reads.
 */
export function inputShape(service: SdkService, operation: string, loadSchemaLib = defaultSchemaLib): InputShape {
  const C = findCommand(service, operation);
  if (!C) return UNKNOWN;
  try {
    const op = new C({}).schema;
    const lib = loadSchemaLib();
    if (!lib || !Array.isArray(op) || op.length < 6) return UNKNOWN;
    return toShape(lib.of(op[4]));
  } catch {
    return UNKNOWN;
  }
}

function defaultSchemaLib(): NormalizedSchemaStatic | undefined {
  try {
    const fromClient = createRequire(createRequire(import.meta.url).resolve('@aws-sdk/client-s3'));
    const mod = fromClient('@smithy/core/schema') as { NormalizedSchema?: NormalizedSchemaStatic };
    return mod.NormalizedSchema;
  } catch {
    return undefined;
  }
}

function toShape(ns: NormalizedSchemaLike): InputShape {
  if (ns.isStructSchema()) {
    let members: Map<string, NormalizedSchemaLike> | undefined;
    const all = (): Map<string, NormalizedSchemaLike> => (members ??= new Map(ns.structIterator()));
    return {
      kind: 'struct',
      member: (name) => {
        const m = all().get(name);
        return m ? toShape(m) : undefined;
      },
      memberNames: () => [...all().keys()],
    };
  }
  if (ns.isListSchema()) return { kind: 'list', element: () => toShape(ns.getValueSchema()) };
  if (ns.isMapSchema()) return { kind: 'map', value: () => toShape(ns.getValueSchema()) };
  if (ns.isBlobSchema()) return { kind: 'blob' };
  if (ns.isStringSchema()) return { kind: 'string' };
  if (ns.isNumericSchema()) return { kind: 'number' };
  if (ns.isBooleanSchema()) return { kind: 'boolean' };
  if (ns.isTimestampSchema()) return { kind: 'timestamp' };
  if (ns.isDocumentSchema()) return { kind: 'document' };
  return UNKNOWN;
}

/** The closest name by edit distance, for "did you mean" hints (undefined when nothing is close). */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
