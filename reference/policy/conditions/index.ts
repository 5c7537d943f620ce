// Condition::eval(): the Null operator first; then a missing key is false (true for ForAllValues:* and for
// ...IfExists); then `${key}` values are swapped for that key's env values (string and ARN operators only,
// and RGW takes the key from the LAST value); then the operator family decides.
import type { Condition } from '../types.js';
import { arnOperators } from './arn.js';
import { binaryOperators } from './binary.js';
import { boolOperators } from './bool.js';
import { dateOperators } from './date.js';
import type { Matcher, OperatorFamily } from './family.js';
import { ipOperators } from './ip.js';
import { nullMatches } from './null.js';
import { numericOperators } from './numeric.js';
import { stringOperators } from './string.js';

export const OPERATOR_FAMILIES: readonly OperatorFamily[] = [
  stringOperators,
  numericOperators,
  dateOperators,
  boolOperators,
  binaryOperators,
  ipOperators,
  arnOperators,
];

const BY_OPERATOR = new Map<string, { family: OperatorFamily; matches: Matcher }>();
for (const family of OPERATOR_FAMILIES) {
  for (const [op, matches] of Object.entries(family.operators)) BY_OPERATOR.set(op, { family, matches });
}

/** RGW's runtime key: the value minus its leading "${" and trailing "}". */
function runtimeKey(value: string): string {
  return value.slice(2, Math.max(2, value.length - 1));
}

export function evaluateCondition(c: Condition, env: Record<string, string[]>): boolean {
  const envValues = Object.hasOwn(env, c.key) ? env[c.key]! : [];
  const present = envValues.length > 0;
  if (c.operator === 'Null') return nullMatches(present, c.values);
  if (!present) return c.operator.startsWith('ForAllValues:') ? true : c.ifExists;
  const op = BY_OPERATOR.get(c.operator);
  if (!op) return false;
  let policyValues = c.values;
  if (c.runtime && op.family.runtime) {
    const key = runtimeKey(c.values[c.values.length - 1]!);
    policyValues = Object.hasOwn(env, key) ? env[key]! : [];
  }
  return op.matches(envValues, policyValues);
}
