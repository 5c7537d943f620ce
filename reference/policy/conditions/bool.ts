// Bool: "" and "false" (any case) are false, numbers are false when zero or NaN, anything else is true.
import { asBool } from './values.js';
import { typedAny, type OperatorFamily } from './family.js';

export const boolOperators: OperatorFamily = {
  name: 'Bool',
  runtime: false,
  operators: { Bool: typedAny(asBool, (a, b) => a === b) },
};
