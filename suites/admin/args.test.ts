// reference/protocols/admin/args.ts alone: RGW's parameter reading (RGWHTTPArgs + RESTArgs), each case as
// observed on RGW 20.2.4 through the Admin API (docs/rgw-behaviour/admin.md).
import t from 'tap';
import { AdminArgs } from '../../reference/protocols/admin/args.js';

t.test('values are decoded twice, as UTF-8; the last repeat wins; a name without = is present and empty', async (t) => {
  const a = new AdminArgs('display-name=a%252541b%2Bc&uid=one&uid=two&quota&name=%25C3%25A9&bad=q%25zzy&short=x%252&end=y%25');
  t.equal(a.str('display-name'), 'a%41b c');
  t.equal(a.str('uid'), 'two');
  t.ok(a.has('quota'));
  t.equal(a.str('quota'), '');
  t.equal(a.str('name'), 'é');
  t.equal(a.str('bad'), '', 'a failed decode empties the value');
  t.equal(a.str('short'), 'x', 'a short escape ends the value');
  t.equal(a.str('end'), 'y');
  t.equal(a.str('missing', 'def'), 'def');
});

t.test('get_bool', async (t) => {
  const a = new AdminArgs('e=&t=TRUE&o=1&f=False&z=0&y=yes');
  t.same(a.bool('e', false), { value: true, present: true });
  t.same(a.bool('t', false).value, true);
  t.same(a.bool('o', false).value, true);
  t.same(a.bool('f', true).value, false);
  t.same(a.bool('z', true).value, false);
  t.same(a.bool('y', true), { value: true, present: true }, 'junk keeps the default');
  t.same(a.bool('y', false).value, false);
  t.same(a.bool('none', true), { value: true, present: false });
});

t.test('get_int32 / get_int64 / get_uint32: strtol rules, int32 wrap, onError', async (t) => {
  const a = new AdminArgs('plus=%2B12&sp=%2013&junk=12abc&wrap=4294967297&neg=-4294967297&max=9223372036854775807&over=9223372036854775808&min=-9223372036854775808&empty=&blank=%20&big=3000000000');
  const i32 = (n: string) => a.int32(n, 1000, -7).value;
  t.same([i32('plus'), i32('sp'), i32('junk'), i32('wrap'), i32('neg'), i32('max'), i32('over'), i32('min'), i32('empty'), i32('blank'), i32('big')], [12, 13, -7, 1, -1, -7, -7, 0, 0, -7, -1294967296]);
  t.same(a.int32('none', 1000, -7), { value: 1000, present: false });
  t.equal(a.int64('big', 0, -1).value, 3000000000);
  t.equal(a.int64('junk', 0, -1).value, -1);
  t.equal(a.uint32('junk', 1000, 0).value, 0);
  t.equal(a.uint32('wrap', 1000, 0).value, 1);
});
