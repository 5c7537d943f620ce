// RGW's canonical request, where it departs from a naive one (probed on RGW 20.2.4): the path is decoded and
// re-encoded, so a character sent raw must be signed encoded and an escaped unreserved character signed plain;
// "//" and "/./" are kept; query values are decoded ('+' is a space) and re-encoded; repeated names keep the order
// they were sent in; an invalid escape decodes to nothing.
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { call, outcome, send, sign } from './raw.js';

t.test('canonical path and query', async (t) => {
  const f = await fixture(t);
  const alice = await f.user('canon-alice');
  await call(f.gw.url, alice, { method: 'PUT', path: '/canon' });
  /** Sign for `signedPath` (and query), send `sentTarget` as the request target. */
  const check = async (signedPath: string, sentTarget: string, query: Record<string, string | string[]> = {}): Promise<string> => {
    const r = await sign(f.gw.url, alice, { path: signedPath, query: query as Record<string, string> });
    return outcome(await send(f.gw.url, { ...r, path: sentTarget, query: {} }));
  };
  // 404 NoSuchKey: the signature held (the key does not exist); 403 AccessDenied: it did not.
  const cases: Array<[string, string, string, string]> = [
    ['raw "!" signed as %21', '/canon/a%21b', '/canon/a!b', '404 NoSuchKey'],
    ['raw "!" signed raw', '/canon/a!b', '/canon/a!b', '403 AccessDenied'],
    ['raw "$" signed as %24', '/canon/a%24b', '/canon/a$b', '404 NoSuchKey'],
    ['%41 signed as "A"', '/canon/A', '/canon/%41', '404 NoSuchKey'],
    ['%41 signed as %41', '/canon/%41', '/canon/%41', '403 AccessDenied'],
    ['%7E signed as "~"', '/canon/a~b', '/canon/a%7Eb', '404 NoSuchKey'],
    ['%2F signed as "/"', '/canon/a/b', '/canon/a%2Fb', '404 NoSuchKey'],
    ['"+" signed as %2B', '/canon/a%2Bb', '/canon/a+b', '404 NoSuchKey'],
    ['lowercase escapes signed uppercase', '/canon/%C3%BC', '/canon/%c3%bc', '404 NoSuchKey'],
    ['"//" kept', '/canon//x', '/canon//x', '404 NoSuchKey'],
    ['"//" not collapsed', '/canon/x', '/canon//x', '403 AccessDenied'],
    ['"/./" kept', '/canon/./x', '/canon/./x', '404 NoSuchKey'],
  ];
  for (const [name, signed, sent, want] of cases) t.equal(await check(signed, sent), want, name);

  const q = async (signedQuery: Record<string, string | string[]>, sentQuery: string): Promise<string> => check('/canon', `/canon?${sentQuery}`, signedQuery);
  t.equal(await q({ prefix: 'a b' }, 'prefix=a+b'), '200', '"+" in a query value is a space');
  t.equal(await q({ prefix: 'a+b' }, 'prefix=a+b'), '403 AccessDenied', '... so it cannot stand for itself');
  t.equal(await q({ prefix: 'a!b' }, 'prefix=a!b'), '200', 'raw "!" in a query value');
  t.equal(await q({ prefix: 'a+b' }, 'prefix=a%2bb'), '200', 'lowercase escapes in the query');
  t.equal(await q({ prefix: ['b', 'a'] }, 'prefix=b&prefix=a'), '403 AccessDenied', 'repeated names are not sorted by value (the SDK sorts them)');
  t.equal(await q({ prefix: '%zz' }, 'prefix=%zz'), '403 AccessDenied', 'an invalid escape decodes to nothing');
  t.equal(await q({ acl: '' }, 'acl'), '200', 'a name without "="');
});
