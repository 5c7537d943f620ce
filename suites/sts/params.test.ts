// RGW's number parsing for DurationSeconds (Ceph strict_strtoll) and PackedPolicySize arithmetic.
import t from 'tap';
import { packedPolicySize, strictInteger } from '../../reference/protocols/sts/params.js';

t.test('strictInteger', async (t) => {
  t.equal(strictInteger('900'), 900);
  t.equal(strictInteger(' 900'), 900);
  t.equal(strictInteger('+900'), 900);
  t.equal(strictInteger('-5'), -5);
  for (const bad of ['', ' ', '900 ', '900.0', 'abc', '0x10', '9'.repeat(30)]) t.equal(strictInteger(bad), undefined, JSON.stringify(bad));
});

t.test('packedPolicySize', async (t) => {
  t.equal(packedPolicySize(''), 0);
  t.equal(packedPolicySize('x'.repeat(2047)), 0);
  t.equal(packedPolicySize('x'.repeat(2048)), 100);
  t.equal(packedPolicySize('é'.repeat(1024)), 100, 'bytes, not characters');
});
