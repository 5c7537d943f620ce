// Key selection from a JWKS as RGW does it (reference/oidc/jwks.ts), without a network: tokens signed with the
// bundled IdP's key material.
import t from 'tap';
import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import { createPki } from '../../reference/idp/pki.js';
import { verifyWithJwks, type KeyChoice } from '../../reference/oidc/jwks.js';

const pki = createPki({ hosts: ['localhost'], alg: 'RS256', name: 'unit' });
const now = Date.now();
const jwk = { ...(await exportJWK(pki.signing.publicKey)), kid: 'k1', use: 'sig', x5c: [pki.signing.der.toString('base64')] };
const sign = (claims: Record<string, unknown> = {}, kid: string | undefined = 'k1', key = pki.signing.key): Promise<string> =>
  new SignJWT({ sub: 'a', iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 60, ...claims }).setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) }).sign(key);
const choice = (over: Partial<KeyChoice> = {}): KeyChoice => ({ alg: 'RS256', kid: 'k1', thumbprints: [pki.signing.thumbprint], skipX5cThumbprints: false, now, ...over });

t.test('x5c: the registered certificate verifies; others do not', async (t) => {
  t.ok(await verifyWithJwks(await sign(), { keys: [jwk] }, choice()));
  t.notOk(await verifyWithJwks(await sign(), { keys: [jwk] }, choice({ thumbprints: [pki.ca.thumbprint] })));
  t.ok(await verifyWithJwks(await sign(), { keys: [jwk] }, choice({ thumbprints: [], skipX5cThumbprints: true })), 'JWKS URL verification mode');
});

t.test('bare RSA keys need no thumbprint; EC bare keys are not used', async (t) => {
  const { x5c: _x, ...bare } = jwk;
  t.ok(await verifyWithJwks(await sign(), { keys: [bare] }, choice({ thumbprints: [] })));
  const ec = { ...(await exportJWK(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)), kid: 'k1' };
  t.notOk(await verifyWithJwks(await sign(), { keys: [ec] }, choice()));
});

t.test('kid, use and order', async (t) => {
  t.ok(await verifyWithJwks(await sign(), { keys: [{ ...jwk, kid: 'k0' }, jwk] }, choice()));
  t.notOk(await verifyWithJwks(await sign({}, undefined), { keys: [jwk] }, choice({ kid: undefined })), 'token without kid, key with kid');
  t.notOk(await verifyWithJwks(await sign(), { keys: [{ ...jwk, use: 'enc' }] }, choice()));
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  t.ok(await verifyWithJwks(await sign(), { keys: [{ ...(await exportJWK(other.publicKey)), kid: 'k1' }, jwk] }, choice()), 'a failing key is passed over');
  t.notOk(await verifyWithJwks(await sign({}, 'k1', other.privateKey), { keys: [jwk] }, choice()), 'a foreign signature');
  t.notOk(await verifyWithJwks(await sign(), { nokeys: [] }, choice()));
});

t.test('times: exp (optional; now > exp refuses), nbf and iat (now < value refuses), integers only', async (t) => {
  const s = Math.floor(now / 1000);
  t.notOk(await verifyWithJwks(await sign({ exp: s - 1 }), { keys: [jwk] }, choice()));
  t.ok(await verifyWithJwks(await sign({ exp: undefined }), { keys: [jwk] }, choice()));
  t.notOk(await verifyWithJwks(await sign({ nbf: s + 5 }), { keys: [jwk] }, choice()));
  t.notOk(await verifyWithJwks(await sign({ iat: s + 5 }), { keys: [jwk] }, choice()));
  t.notOk(await verifyWithJwks(await sign({ exp: String(s + 60) }), { keys: [jwk] }, choice()));
});
