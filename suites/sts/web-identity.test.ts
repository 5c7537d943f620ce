// AssumeRoleWithWebIdentity with the bundled IdP, as RGW 20.2.4 answers (probed with the same IdP, see
// docs/rgw-behaviour/sts.md): the document, the URLs read (discovery, then its jwks_uri), and each refusal:
// wrong audience, expired token, unregistered issuer, wrong thumbprint, a trust condition on sub, HMAC.
import t from 'tap';
import { CreateOpenIDConnectProviderCommand, UpdateOpenIDConnectProviderThumbprintCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startIdp } from '../../reference/idp/index.js';
import { fixture } from '../fixtures/gateway.js';
import { allow, createRole, outcome, stsRaw, temp, trustPolicy } from './helpers.js';

let clock = Date.now; // tokens are issued on the gateway clock once the gateway is up
const idp = await startIdp({ now: () => clock() });
t.teardown(() => idp.close());
const f = await fixture(t, { oidcCaCerts: [idp.caPem] });
clock = () => f.gw.env.clock.now();
const acct = await f.account('web');
const iam = f.iam(acct.root);
const host = idp.issuer.replace('https://', '');
const providerArn = (await iam.send(new CreateOpenIDConnectProviderCommand({ Url: idp.issuer, ClientIDList: ['app'], ThumbprintList: [idp.thumbprints.signing] }))).OpenIDConnectProviderArn!;
const federated = (cond?: Record<string, unknown>): string => trustPolicy({ Federated: providerArn }, cond ? { Condition: cond } : {}, 'sts:AssumeRoleWithWebIdentity');
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'web-data' }));
const webRole = await createRole(iam, 'web', federated(), { policy: allow('s3:ListBucket', 'arn:aws:s3:::web-data') });
const aliceRole = await createRole(iam, 'alice-only', federated({ StringEquals: { [`${host}:sub`]: 'alice' } }));
const assumeRole = await createRole(iam, 'assume-only', trustPolicy('*'));

const now = (): number => f.gw.env.clock.now();
const token = (spec: Parameters<typeof idp.token>[0] = {}): Promise<string> => idp.token({ sub: 'alice', aud: 'app', ...spec });
const web = async (tok: string, params: Record<string, string> = {}, role = webRole): Promise<string> =>
  outcome(await stsRaw(f.gw.url, null, { Action: 'AssumeRoleWithWebIdentity', RoleArn: role, RoleSessionName: 'websess', WebIdentityToken: tok, ...params }));

t.test('the document, in RGW order: SubjectFromWebIdentityToken, Audience, AssumedRoleUser, Credentials, Provider, PackedPolicySize', async (t) => {
  idp.requests.length = 0;
  const r = await stsRaw(f.gw.url, null, { Action: 'AssumeRoleWithWebIdentity', RoleArn: webRole, RoleSessionName: 'websess', WebIdentityToken: await token() });
  t.equal(r.status, 200);
  const order = [...r.body.matchAll(/<(\w+)>/g)].map((m) => m[1]).filter((n) => ['SubjectFromWebIdentityToken', 'Audience', 'AssumedRoleUser', 'Credentials', 'Provider', 'PackedPolicySize'].includes(n!));
  t.same(order, ['SubjectFromWebIdentityToken', 'Audience', 'AssumedRoleUser', 'Credentials', 'Provider', 'PackedPolicySize']);
  t.match(r.body, `<Provider>${idp.issuer}</Provider>`);
  t.match(r.body, /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/">/);
  t.same(idp.requests.map((q) => q.path), ['/.well-known/openid-configuration', '/protocol/openid-connect/certs'], 'RGW reads the discovery document, then its jwks_uri');
});

t.test('the SDK call and what the credentials may do (the role policy)', async (t) => {
  const sts = new STSClient({ endpoint: f.gw.url, region: 'default', maxAttempts: 1 });
  t.teardown(() => sts.destroy());
  const r = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRole, RoleSessionName: 'sdk', WebIdentityToken: await token() }));
  t.equal(r.SubjectFromWebIdentityToken, 'alice');
  t.equal(r.Audience, 'app');
  t.equal(r.Provider, idp.issuer);
  t.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${acct.id}:assumed-role/web/sdk`);
  t.equal((await f.s3(temp(r.Credentials)).send(new ListObjectsV2Command({ Bucket: 'web-data' }))).KeyCount, 0);
});

t.test('wrong audience: 403 AccessDenied; azp or client_id naming a registered client id will do', async (t) => {
  t.equal(await web(await token({ aud: 'other' })), '403 AccessDenied');
  t.equal(await web(await token({ aud: 'other', azp: 'app' })), '200');
  t.equal(await web(await token({ aud: 'other', clientId: 'app' })), '200');
  t.equal(await web(await token({ aud: ['app', 'other'] })), '403 AccessDenied', 'an aud array of two values is refused');
  t.equal(await web(await token({ aud: ['app'] })), '200');
});

t.test('expired token: 403, judged on the gateway clock with no leeway; exp itself is optional', async (t) => {
  t.equal(await web(await token({ expiresIn: -1 })), '403 AccessDenied');
  t.equal(await web(await token({ omit: ['exp'] })), '200');
  t.equal(await web(await token({ claims: { nbf: Math.floor(now() / 1000) + 10 } })), '403 AccessDenied', 'nbf in the future');
  t.equal(await web(await token({ issuedAtOffset: 10 })), '403 AccessDenied', 'iat in the future');
  const tok = await token({ expiresIn: 600 });
  t.equal(await web(tok), '200');
  f.gw.advanceClock(601);
  t.equal(await web(tok), '403 AccessDenied', 'the same token once the gateway clock passed exp');
});

t.test('unregistered issuer: 403, without a request to it', async (t) => {
  const stranger = await startIdp({ now });
  t.teardown(() => stranger.close());
  t.equal(await web(await stranger.token({ sub: 'alice', aud: 'app' })), '403 AccessDenied');
  t.same(stranger.requests, []);
  t.equal(await web(await token({ iss: `${idp.issuer}/` })), '403 AccessDenied', 'the issuer must match the provider URL exactly');
});

t.test('wrong thumbprint: only the x5c certificate of the signing key counts (not the TLS leaf, not the CA)', async (t) => {
  const set = (tp: string): Promise<unknown> => iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: providerArn, ThumbprintList: [tp] }));
  t.teardown(() => set(idp.thumbprints.signing));
  await set(idp.thumbprints.tls);
  t.equal(await web(await token()), '403 AccessDenied', 'TLS certificate thumbprint');
  await set(idp.thumbprints.ca);
  t.equal(await web(await token()), '403 AccessDenied', 'CA thumbprint');
  await set('0123456789abcdef0123456789abcdef01234567');
  t.equal(await web(await token()), '403 AccessDenied', 'unrelated thumbprint');
  await set(idp.thumbprints.signing.toUpperCase());
  t.equal(await web(await token()), '200', 'the signing certificate, in any case');
});

t.test('condition on sub', async (t) => {
  t.equal(await web(await token({ sub: 'alice' }), {}, aliceRole), '200');
  t.equal(await web(await token({ sub: 'bob' }), {}, aliceRole), '403 AccessDenied');
  t.equal(await web(await token(), {}, assumeRole), '403 AccessDenied', 'a trust policy for sts:AssumeRole only');
});

t.test('HMAC-signed and unsigned tokens are refused; HS* before anything is fetched', async (t) => {
  idp.requests.length = 0;
  t.equal(await web(await token({ alg: 'HS256' })), '403 AccessDenied');
  t.same(idp.requests, []);
  t.equal(await web(await token({ alg: 'none' })), '403 AccessDenied');
  t.equal(await web(await token({ signWith: 'foreign' })), '403 AccessDenied', 'signed by a key the IdP does not publish');
  t.equal(await web('not.a.token'), '403 AccessDenied');
  t.equal(await web(''), '403 AccessDenied');
});

t.test('refusals are explained in the decision log', async (t) => {
  const r = await stsRaw(f.gw.url, null, { Action: 'AssumeRoleWithWebIdentity', RoleArn: webRole, RoleSessionName: 's', WebIdentityToken: await token({ aud: 'other' }) });
  const [d] = f.gw.env.decisions.get(r.requestId!);
  t.equal(d?.blockedBy, 'web-identity-token');
  t.match(d?.summary, /client id/);
});
