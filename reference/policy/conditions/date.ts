// Date operators. A value that std::stod reads completely is seconds since the epoch ("2100" is 2100 s,
// not the year); anything else must be ceph's ISO 8601 form. RGW fills aws:CurrentTime with epoch seconds
// and aws:EpochTime with ISO 8601, so both work here.
import { asDate } from './values.js';
import { typedAny, typedNone, type OperatorFamily } from './family.js';

export const dateOperators: OperatorFamily = {
  name: 'Date',
  runtime: false,
  operators: {
    DateEquals: typedAny(asDate, (a, b) => a === b),
    DateNotEquals: typedNone(asDate, (a, b) => a === b),
    DateLessThan: typedAny(asDate, (a, b) => a < b),
    DateLessThanEquals: typedAny(asDate, (a, b) => a <= b),
    DateGreaterThan: typedAny(asDate, (a, b) => a > b),
    DateGreaterThanEquals: typedAny(asDate, (a, b) => a >= b),
  },
};
