// The finer rules of AssumeRoleWithWebIdentity on RGW 20.2.4 (each probed with the bundled IdP): how keys are
// chosen from the JWKS (bare RSA keys need no thumbprint), what a failing issuer costs (400 for discovery, 403
// after), which condition keys the trust policy sees, session tags and sts:TagSession, and the parameters.
import t from 'tap';
import { CreateOpenIDConnectProviderCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startIdp, type Idp } from '../../reference/idp/index.js';
import { fixture } from '../fixtures/gateway.js';
import { allow, createRole, outcome, stsRaw, tempFromXml, trustPolicy } from './helpers.js';

let clock = Date.now;
const idp = await startIdp({ now: () => clock() });
const bare = await startIdp({ x5c: false, now: () => clock() });
const plain = await startIdp({ plainHttp: true, now: () => clock() });
const untrusted = await startIdp({ now: () => clock() });
t.teardown(() => Promise.all([idp, bare, plain, untrusted].map((i) => i.close())));
const f = await fixture(t, { oidcCaCerts: [idp.caPem, bare.caPem] });
clock = () => f.gw.env.clock.now();
const acct = await f.account('webd');
const iam = f.iam(acct.root);
const urlOf = (i: Idp): string => i.issuer.replace(/^https?:\/\//, '');
const register = async (i: Idp, thumbprint = i.thumbprints.signing): Promise<string> =>
  (await iam.send(new CreateOpenIDConnectProviderCommand({ Url: i.issuer, ClientIDList: ['app'], ThumbprintList: [thumbprint] }))).OpenIDConnectProviderArn!;
const arns = { idp: await register(idp), bare: await register(bare, '0123456789abcdef0123456789abcdef01234567'), plain: await register(plain), untrusted: await register(untrusted) };
const trustFor = (providerArn: string, cond?: Record<string, unknown>, action: string | string[] = 'sts:AssumeRoleWithWebIdentity'): string =>
  trustPolicy({ Federated: providerArn }, cond ? { Condition: cond } : {}, action);
const h = urlOf(idp);
const roles = {
  idp: await createRole(iam, 'w-idp', trustFor(arns.idp)),
  bare: await createRole(iam, 'w-bare', trustFor(arns.bare)),
  plain: await createRole(iam, 'w-plain', trustFor(arns.plain)),
  untrusted: await createRole(iam, 'w-untrusted', trustFor(arns.untrusted)),
  aud: await createRole(iam, 'w-aud', trustFor(arns.idp, { StringEquals: { [`${h}:aud`]: 'app' } })),
  appId: await createRole(iam, 'w-appid', trustFor(arns.idp, { StringEquals: { [`${h}:app_id`]: 'app' } })),
  azp: await createRole(iam, 'w-azp', trustFor(arns.idp, { StringEquals: { [`${h}:azp`]: 'web' } })),
  email: await createRole(iam, 'w-email', trustFor(arns.idp, { StringEquals: { [`${h}:email`]: 'a@x.io' } })),
  nested: await createRole(iam, 'w-nested', trustFor(arns.idp, { StringEquals: { [`${h}:role`]: 'admin' } })),
  subLike: await createRole(iam, 'w-sublike', trustFor(arns.idp, { StringLike: { [`${h}:sub`]: 'ali*' } })),
  tagSession: await createRole(iam, 'w-tags', trustFor(arns.idp, undefined, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']), {
    policy: allow('s3:ListBucket', '*', { StringEquals: { 'aws:PrincipalTag/dept': 'eng' } }),
  }),
  reqTag: await createRole(iam, 'w-reqtag', trustFor(arns.idp, { StringEquals: { 'aws:RequestTag/dept': 'eng' } }, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'])),
  roleTags: await createRole(iam, 'w-roletags', trustFor(arns.idp), { tags: [{ Key: 'team', Value: 'blue' }] }),
  roleTagsOk: await createRole(iam, 'w-roletags-ok', trustFor(arns.idp, undefined, ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']), { tags: [{ Key: 'team', Value: 'blue' }] }),
};
await f.s3(acct.root).send(new CreateBucketCommand({ Bucket: 'webd' }));

const call = (tok: string, role: string, params: Record<string, string> = {}): ReturnType<typeof stsRaw> =>
  stsRaw(f.gw.url, null, { Action: 'AssumeRoleWithWebIdentity', RoleArn: role, RoleSessionName: 'sess', WebIdentityToken: tok, ...params });
const web = async (i: Idp, role: string, spec: Parameters<Idp['token']>[0] = {}, params: Record<string, string> = {}): Promise<string> =>
  outcome(await call(await i.token({ sub: 'alice', aud: 'app', ...spec }), role, params));
const tags = (o: Record<string, string[]>): Record<string, unknown> => ({ 'https://aws.amazon.com/tags': { principal_tags: o, transitive_tag_keys: [] } });

t.test('JWKS keys: bare RSA keys are trusted without any thumbprint (RGW default: no JWKS URL check)', async (t) => {
  t.equal(await web(bare, roles.bare), '200');
});

t.test('JWKS keys: enc keys and other kids are skipped, failing keys tried past; no usable key is 403', async (t) => {
  const jwk = idp.jwk();
  const { x5c: _x5c, ...noX5c } = jwk;
  const { kid: _kid, ...noKid } = jwk;
  const cases: [string, unknown, string][] = [
    ['another kid first', { keys: [{ ...jwk, kid: 'other' }, jwk] }, '200'],
    ['the key as enc first', { keys: [{ ...jwk, use: 'enc' }, jwk] }, '200'],
    ['only an enc key', { keys: [{ ...jwk, use: 'enc' }] }, '403 AccessDenied'],
    ['a key without kid is tried', { keys: [noKid] }, '200'],
    ['a bare copy (no x5c) of the key', { keys: [noX5c] }, '200'],
    ['x5c with an unregistered certificate only', { keys: [{ ...jwk, x5c: [idp.pki.ca.der.toString('base64')] }] }, '403 AccessDenied'],
    ['x5c: the registered certificate second', { keys: [{ ...jwk, x5c: [idp.pki.ca.der.toString('base64'), jwk.x5c![0]] }] }, '200'],
    ['no keys', { keys: [] }, '403 AccessDenied'],
    ['keys not an array', { keys: { a: 1 } }, '403 AccessDenied'],
  ];
  t.teardown(() => idp.serve('jwks', undefined));
  for (const [name, doc, expected] of cases) {
    idp.serve('jwks', doc);
    t.equal(await web(idp, roles.idp), expected, name);
  }
  idp.serve('jwks', undefined);
  t.equal(await web(idp, roles.idp, { kid: 'unknown' }), '403 AccessDenied', 'a token kid no key has');
});

t.test('issuer failures: the discovery document unreachable or an HTTP error is 400, anything later 403', async (t) => {
  t.equal(await web(untrusted, roles.untrusted), '400 InvalidArgument', 'TLS certificate not trusted');
  t.teardown(() => {
    idp.serve('discovery', undefined);
    idp.serve('jwks', undefined);
  });
  idp.serve('discovery', 404);
  t.equal(await web(idp, roles.idp), '400 InvalidArgument', 'discovery 404');
  idp.serve('discovery', 'not json');
  t.equal(await web(idp, roles.idp), '403 AccessDenied', 'discovery not JSON');
  idp.serve('discovery', { issuer: idp.issuer });
  t.equal(await web(idp, roles.idp), '403 AccessDenied', 'discovery without jwks_uri');
  idp.serve('discovery', { jwks_uri: 'https://127.0.0.1:1/certs' });
  t.equal(await web(idp, roles.idp), '403 AccessDenied', 'jwks_uri unreachable');
  idp.serve('discovery', undefined);
  idp.serve('jwks', 404);
  t.equal(await web(idp, roles.idp), '403 AccessDenied', 'JWKS 404');
  t.equal(await web(plain, roles.plain), '200', 'an http:// issuer is fetched in the clear, as RGW does');
});

t.test('condition keys: <issuer>:<claim> for every claim (flattened), app_id for aud', async (t) => {
  t.equal(await web(idp, roles.aud), '200');
  t.equal(await web(idp, roles.aud, { aud: 'other', azp: 'app' }), '403 AccessDenied', ':aud is the aud claim only');
  t.equal(await web(idp, roles.appId), '200');
  t.equal(await web(idp, roles.appId, { aud: 'other', clientId: 'app' }), '403 AccessDenied', ':app_id is aud, not client_id');
  t.equal(await web(idp, roles.azp, { azp: 'web' }), '200');
  t.equal(await web(idp, roles.azp), '403 AccessDenied');
  t.equal(await web(idp, roles.email, { claims: { email: 'a@x.io' } }), '200');
  t.equal(await web(idp, roles.email, { claims: { email: 'b@x.io' } }), '403 AccessDenied');
  t.equal(await web(idp, roles.nested, { claims: { x: { role: 'admin' } } }), '200', 'object members under their own names');
  t.equal(await web(idp, roles.nested, { claims: { role: ['user', 'admin'] } }), '200', 'arrays: each value');
  t.equal(await web(idp, roles.subLike), '200');
});

t.test('session tags: they need sts:TagSession, as do role tags; the session carries them', async (t) => {
  t.equal(await web(idp, roles.idp, { claims: tags({ dept: ['eng'] }) }), '403 AccessDenied', 'tags without sts:TagSession');
  t.equal(await web(idp, roles.roleTags), '403 AccessDenied', 'a tagged role without sts:TagSession');
  t.equal(await web(idp, roles.roleTagsOk), '200');
  t.equal(await web(idp, roles.reqTag, { claims: tags({ dept: ['eng'] }) }), '200', 'aws:RequestTag/dept');
  t.equal(await web(idp, roles.reqTag, { claims: tags({ dept: ['ops'] }) }), '403 AccessDenied');
  t.equal(await web(idp, roles.tagSession, { claims: { 'https://aws.amazon.com/tags': 'x' } }), '403 AccessDenied', 'malformed tags claim');
  for (const [dept, expected] of [['eng', 0], ['ops', 403]] as const) {
    const r = await call(await idp.token({ sub: 'alice', aud: 'app', claims: tags({ dept: [dept] }) }), roles.tagSession);
    t.equal(r.status, 200);
    const got = await f.s3(tempFromXml(r.body)).send(new ListObjectsV2Command({ Bucket: 'webd' })).then((x) => x.KeyCount, (e: { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode);
    t.equal(got, expected, `aws:PrincipalTag/dept=${dept} in the session`);
  }
});

t.test('parameters: checked after the token and the trust policy', async (t) => {
  t.equal(await web(idp, roles.idp, {}, { RoleSessionName: '' }), '403 AccessDenied', 'no RoleSessionName: the token engine refuses');
  t.equal(await web(idp, roles.idp, { claims: { sub: '' } }), '400 InvalidArgument', 'empty sub');
  t.equal(await web(idp, roles.idp, {}, { RoleSessionName: 'a b' }), '400 InvalidArgument');
  t.equal(await web(idp, roles.idp, {}, { DurationSeconds: '899' }), '400 InvalidArgument');
  t.equal(await web(idp, roles.idp, {}, { DurationSeconds: '3601' }), '400 InvalidArgument');
  t.equal(await web(idp, roles.idp, {}, { Policy: '{bad' }), '400 MalformedPolicyDocument');
  t.equal(await web(idp, roles.idp, {}, { ProviderId: 'abc' }), '400 InvalidArgument');
  t.equal(await web(idp, `arn:aws:iam::${acct.id}:role/nope`), '403 AccessDenied', 'a missing role');
  t.equal(await web(idp, 'not-an-arn'), '403 AccessDenied', 'a RoleArn that does not parse: no provider found');
  const r = await call(await idp.token({ sub: 'alice', aud: 'app' }), roles.idp, { ProviderId: 'abcd' });
  t.match(r.body, '<Provider></Provider>', 'with a ProviderId the Provider element is empty');
  const n = await call(await idp.token({ aud: 'app', claims: { sub: 12345 } }), roles.idp);
  t.match(n.body, '<SubjectFromWebIdentityToken>12345</SubjectFromWebIdentityToken>', 'a numeric sub');
  const c = await call(await idp.token({ sub: 'alice', clientId: 'app' }), roles.idp);
  t.match(c.body, '<Audience>app</Audience>', 'without aud, Audience is client_id (then azp)');
});
