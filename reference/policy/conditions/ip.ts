// IpAddress / NotIpAddress: IPv4 or IPv6 with an optional /prefix on either side; two networks are equal
// when they agree on the bits of the shorter prefix. IPv4 and IPv6 values are not converted into each other.
import { asNetwork, ipEquals } from './values.js';
import { typedAny, typedNone, type OperatorFamily } from './family.js';

export const ipOperators: OperatorFamily = {
  name: 'IpAddress',
  runtime: false,
  operators: {
    IpAddress: typedAny(asNetwork, ipEquals),
    NotIpAddress: typedNone(asNetwork, ipEquals),
  },
};
