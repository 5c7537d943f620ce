// Condition value readers: std::stod, ceph's ISO 8601, base64, IP networks.
import t from 'tap';
import { asBinary, asBool, asDate, asNetwork, asNumber, ipEquals, stod } from '../../reference/policy/conditions/values.js';

t.test('stod / as_number', async (t) => {
  t.same(stod(' 12abc'), { value: 12, consumed: 3 });
  t.equal(asNumber('12abc'), undefined);
  t.equal(asNumber('0x1p4'), 16);
  t.equal(asNumber('-1.5e2'), -150);
  t.equal(asNumber('.5'), 0.5);
  t.equal(asNumber('1e999'), undefined, 'overflow is out_of_range');
  t.equal(asNumber('1e-400'), undefined, 'underflow is out_of_range');
  t.ok(Number.isNaN(asNumber('nan')!));
  t.equal(asNumber('inf'), Infinity);
  t.equal(asNumber(''), undefined);
});

t.test('as_bool', async (t) => {
  for (const s of ['', 'false', 'FALSE', '0', '0.0', 'nan']) t.equal(asBool(s), false, JSON.stringify(s));
  for (const s of ['true', 'yes', '1', '1abc', 'x']) t.equal(asBool(s), true, JSON.stringify(s));
});

t.test('as_date', async (t) => {
  t.equal(asDate('1'), 1_000_000_000n);
  t.equal(asDate('1.5'), 1_500_000_000n);
  t.equal(asDate('2100'), 2100_000_000_000n, 'a bare year reads as seconds');
  t.equal(asDate('1970-01-02'), 86_400_000_000_000n);
  t.equal(asDate('1970-01-01T00:00:01.5Z'), 1_500_000_000n);
  t.equal(asDate('1970-01-01T00:00:01'), undefined, 'time needs Z');
  t.equal(asDate('1969-12-31'), undefined, 'years before 1970');
  t.equal(asDate('T10:00Z'), undefined, 'std::stod throws first');
  t.equal(asDate('2026-11-18T11:06:40Z'), asDate('1795000000'));
});

t.test('as_binary', async (t) => {
  t.equal(asBinary('aGVsbG8='), '68656c6c6f');
  t.equal(asBinary('aGVs\nbG8='), '68656c6c6f', 'newlines between groups');
  t.equal(asBinary('aGVsbG8'), undefined, 'incomplete group');
  t.equal(asBinary('a#=='), undefined);
});

t.test('as_network and MaskedIP equality', async (t) => {
  const n = (s: string) => asNetwork(s)!;
  t.ok(ipEquals(n('10.1.2.3'), n('10.0.0.0/8')));
  t.notOk(ipEquals(n('11.1.2.3'), n('10.0.0.0/8')));
  t.equal(asNetwork('10.0.0.0/33'), undefined);
  t.equal(asNetwork('10.0.0.0/x'), undefined);
  t.equal(n('10.0.0.0/').prefix, 0, 'strtoul of "" is 0');
  t.equal(asNetwork('01.2.3.4'), undefined, 'inet_pton rejects leading zeros');
  t.equal(n('::1').addr, 1n);
  t.equal(n('::ffff:1.2.3.4').addr, 0xffff01020304n);
  t.equal(n('2001:db8::8:1').addr, 0x20010db8000000000000000000080001n);
  t.equal(asNetwork('1::2::3'), undefined);
  t.ok(ipEquals(n('2001:db8::1'), n('2001:db8::/32')));
  t.notOk(ipEquals(n('127.0.0.1'), n('::1')));
});
