// Numeric operators: values read with std::stod and compared as doubles.
import { asNumber } from './values.js';
import { typedAny, typedNone, type OperatorFamily } from './family.js';

export const numericOperators: OperatorFamily = {
  name: 'Numeric',
  runtime: false,
  operators: {
    NumericEquals: typedAny(asNumber, (a, b) => a === b),
    NumericNotEquals: typedNone(asNumber, (a, b) => a === b),
    NumericLessThan: typedAny(asNumber, (a, b) => a < b),
    NumericLessThanEquals: typedAny(asNumber, (a, b) => a <= b),
    NumericGreaterThan: typedAny(asNumber, (a, b) => a > b),
    NumericGreaterThanEquals: typedAny(asNumber, (a, b) => a >= b),
  },
};
