// The bundled OIDC identity provider: certificates that verify (CA → TLS certificate for its hosts, CA →
// signing certificate), served over HTTPS that Node verifies with its CA, the discovery document and JWKS in
// the shape RGW reads, tokens with chosen claims, the request log, and the test-only token endpoint.
import t from 'tap';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { get as httpsGet } from 'node:https';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { startIdp } from '../../reference/idp/index.js';

const idp = await startIdp({ issuerPath: '/realms/test' });
t.teardown(() => idp.close());
/** GET over HTTPS trusting the IdP's CA only. */
const get = (url: string): Promise<{ status: number; json(): Promise<unknown> }> =>
  new Promise((resolve, reject) => {
    httpsGet(url, { ca: idp.caPem }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d)).on('end', () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(body) as unknown }));
    }).on('error', reject);
  });

t.test('certificates chain to the CA; the TLS certificate names its hosts', async (t) => {
  const ca = new X509Certificate(idp.pki.ca.der);
  const tls = new X509Certificate(idp.pki.tls.der);
  const signing = new X509Certificate(idp.pki.signing.der);
  t.ok(ca.ca, 'the CA is a CA');
  t.ok(tls.verify(ca.publicKey) && signing.verify(ca.publicKey));
  t.equal(tls.checkHost('localhost'), 'localhost');
  t.equal(tls.checkIP('127.0.0.1'), '127.0.0.1');
  t.equal(idp.thumbprints.tls, tls.fingerprint.replace(/:/g, '').toLowerCase());
  t.equal(idp.thumbprints.signing, signing.fingerprint.replace(/:/g, '').toLowerCase());
});

t.test('HTTPS verifies with the CA, and fails without it', async (t) => {
  t.equal((await get(idp.discoveryUrl)).status, 200);
  await t.rejects(fetch(idp.discoveryUrl));
});

t.test('discovery document and JWKS as RGW reads them', async (t) => {
  idp.requests.length = 0;
  t.equal(idp.issuer, idp.url);
  t.match(idp.issuer, /^https:\/\/127\.0\.0\.1:\d+\/realms\/test$/);
  const disco = (await (await get(idp.discoveryUrl)).json()) as { issuer: string; jwks_uri: string };
  t.equal(disco.issuer, idp.issuer);
  t.equal(disco.jwks_uri, idp.jwksUri);
  const jwks = (await (await get(disco.jwks_uri)).json()) as { keys: { kid: string; use: string; alg: string; kty: string; x5c: string[] }[] };
  t.equal(jwks.keys.length, 1);
  t.match(jwks.keys[0], { use: 'sig', alg: 'RS256', kty: 'RSA' });
  t.equal(jwks.keys[0]!.x5c[0], idp.pki.signing.der.toString('base64'));
  t.same(idp.requests.map((r) => r.path), ['/realms/test/.well-known/openid-configuration', '/realms/test/protocol/openid-connect/certs']);
});

t.test('tokens for named subjects with chosen claims, signed with the published key', async (t) => {
  const tok = await idp.token({ sub: 'alice', aud: ['app'], azp: 'web', clientId: 'cli', expiresIn: 120, claims: { email: 'a@x.io' }, tags: { dept: 'eng' } });
  const claims = decodeJwt(tok);
  t.match(claims, { iss: idp.issuer, sub: 'alice', aud: ['app'], azp: 'web', client_id: 'cli', email: 'a@x.io' });
  t.equal(claims.exp! - claims.iat!, 120);
  t.same(claims['https://aws.amazon.com/tags'], { principal_tags: { dept: ['eng'] } });
  t.equal(decodeProtectedHeader(tok).kid, idp.jwk().kid);
  await compactVerify(tok, createPublicKey({ key: idp.jwk() as never, format: 'jwk' }));
  t.equal(decodeProtectedHeader(await idp.token({ alg: 'HS256' })).alg, 'HS256');
  t.match(await idp.token({ alg: 'none' }), /\.$/);
  t.notOk('exp' in decodeJwt(await idp.token({ omit: ['exp'] })));
});

t.test('the test-only token endpoint and document overrides', async (t) => {
  const r = (await (await get(`${idp.url.replace('/realms/test', '')}/_idp/token?sub=bob&aud=app&expires_in=60`)).json()) as { token: string };
  t.match(decodeJwt(r.token), { sub: 'bob', aud: 'app' });
  idp.serve('jwks', 404);
  t.equal((await get(idp.jwksUri)).status, 404);
  idp.serve('jwks', undefined);
  t.equal((await get(idp.jwksUri)).status, 200);
});

t.test('plain HTTP and an EC signing key', async (t) => {
  const p = await startIdp({ plainHttp: true, alg: 'ES256', x5c: false });
  t.teardown(() => p.close());
  t.match(p.issuer, /^http:\/\//);
  const jwks = (await (await fetch(p.jwksUri)).json()) as { keys: Record<string, unknown>[] };
  t.match(jwks.keys[0], { kty: 'EC', crv: 'P-256', alg: 'ES256' });
  t.notOk('x5c' in jwks.keys[0]!);
  t.equal(decodeProtectedHeader(await p.token({ sub: 's' })).alg, 'ES256');
});
