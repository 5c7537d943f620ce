// Claim flattening and principal tags as RGW's recurse_and_insert does them (pure functions).
import t from 'tap';
import { flattenClaims, principalTags, TAGS_CLAIM } from '../../reference/oidc/claims.js';
import { idpUrl, issuerToProviderUrl } from '../../reference/oidc/provider.js';

t.test('flattenClaims', async (t) => {
  t.same(flattenClaims({ sub: 'a', n: 5, b: true, z: null, arr: ['x', 'y'], obj: { inner: 'v', deep: { k: [1, 'two'] } }, [TAGS_CLAIM]: { principal_tags: { a: ['b'] } } }), [
    ['sub', 'a'],
    ['n', '5'],
    ['b', 'true'],
    ['arr', 'x'],
    ['arr', 'y'],
    ['inner', 'v'],
    ['k', '1'],
    ['k', 'two'],
  ]);
});

t.test('principalTags: leaves of the claim, sorted, filtered, at most 50', async (t) => {
  t.equal(principalTags({ sub: 'x' }), undefined);
  t.throws(() => principalTags({ [TAGS_CLAIM]: 'x' }));
  t.same(principalTags({ [TAGS_CLAIM]: { principal_tags: { dept: ['eng'], b: ['2', '1'] }, transitive_tag_keys: ['dept'] } }), [
    ['b', '1'],
    ['b', '2'],
    ['dept', 'eng'],
    ['transitive_tag_keys', 'dept'],
  ]);
  t.same(principalTags({ [TAGS_CLAIM]: { principal_tags: { 'aws:x': ['v'], k: ['aws:v'], ['l'.repeat(129)]: ['v'], v: ['x'.repeat(257)], ok: ['yes'] } } }), [['ok', 'yes']]);
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${String(i).padStart(2, '0')}`, ['v']]));
  t.equal(principalTags({ [TAGS_CLAIM]: { principal_tags: many } })!.length, 50);
});

t.test('issuer → provider URL (lookup) and → condition-key prefix', async (t) => {
  t.equal(issuerToProviderUrl('https://idp.example.com/realms/x'), 'idp.example.com/realms/x');
  t.equal(issuerToProviderUrl('http://idp.example.com'), 'idp.example.com');
  t.equal(issuerToProviderUrl('https://www.example.com'), 'www.example.com', 'www. is kept when there was a scheme');
  t.equal(issuerToProviderUrl('www.example.com'), 'example.com');
  t.equal(issuerToProviderUrl('HTTPS://idp'), 'HTTPS://idp', 'only a lower-case scheme');
  t.equal(idpUrl('https://www.example.com'), 'www.example.com');
  t.equal(idpUrl('www.example.com'), 'www.example.com');
});
