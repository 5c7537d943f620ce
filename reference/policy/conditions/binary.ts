// BinaryEquals: both sides base64-decoded (ceph_unarmor) and compared byte for byte.
import { asBinary } from './values.js';
import { typedAny, type OperatorFamily } from './family.js';

export const binaryOperators: OperatorFamily = {
  name: 'Binary',
  runtime: false,
  operators: { BinaryEquals: typedAny(asBinary, (a, b) => a === b) },
};
