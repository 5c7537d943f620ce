// Null: the key's absence, read as a Bool ("true" = must be absent). IfExists means nothing here.
import { asBool } from './values.js';

export function nullMatches(present: boolean, policyValues: string[]): boolean {
  return policyValues.some((v) => asBool(v) === !present);
}
