// OpenID Connect providers through the real SDK: ARNs without the URL scheme, the Url as registered,
// client ids and thumbprints with RGW's limits and messages, and the ARN checks.
import t from 'tap';
import {
  AddClientIDToOpenIDConnectProviderCommand, CreateOpenIDConnectProviderCommand, DeleteOpenIDConnectProviderCommand, GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand, RemoveClientIDFromOpenIDConnectProviderCommand, UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('oidc');
const iam = f.iam(acct.root);
const tp = (i: number): string => 'a'.repeat(39) + i;
const arn = `arn:aws:iam::${acct.id}:oidc-provider/accounts.example.com/realm`;

t.test('CreateOpenIDConnectProvider: the ARN drops https://; duplicates 409', async (t) => {
  const r = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://accounts.example.com/realm', ClientIDList: ['app1', 'app2'], ThumbprintList: [tp(1)] }));
  t.equal(r.OpenIDConnectProviderArn, arn);
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://accounts.example.com/realm', ThumbprintList: [tp(1)] })), 409, 'EntityAlreadyExists');
  t.equal((await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://www.other.example.com', ThumbprintList: ['abc'] }))).OpenIDConnectProviderArn, `arn:aws:iam::${acct.id}:oidc-provider/www.other.example.com`, 'http:// dropped, www. kept, short thumbprints accepted');
  t.equal((await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'HTTPS://Up.example.com', ThumbprintList: ['abc'] }))).OpenIDConnectProviderArn, `arn:aws:iam::${acct.id}:oidc-provider/HTTPS://Up.example.com`, 'only a lower-case scheme is dropped');
});

t.test('GetOpenIDConnectProvider returns the Url as registered, client ids, thumbprints', async (t) => {
  const p = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  t.equal(p.Url, 'https://accounts.example.com/realm');
  t.same(p.ClientIDList, ['app1', 'app2']);
  t.same(p.ThumbprintList, [tp(1)]);
  t.ok(p.CreateDate instanceof Date);
});

t.test('input errors: missing Url or thumbprints, too many thumbprints, too long values', async (t) => {
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: undefined as unknown as string, ThumbprintList: [tp(1)] })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://x.example.com', ThumbprintList: [] })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://x.example.com', ThumbprintList: [1, 2, 3, 4, 5, 6].map(tp) })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://x.example.com', ThumbprintList: ['a'.repeat(41)] })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://x.example.com', ClientIDList: ['c'.repeat(256)], ThumbprintList: [tp(1)] })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${'u'.repeat(300)}`, ThumbprintList: [tp(1)] })), 400, 'InvalidInput');
});

t.test('ARN checks: bad ARN 400, another account 400, unknown provider 404', async (t) => {
  await rejects(t, iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: 'nonsense-but-long-enough' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: 'arn:aws:iam::RGW00000000000000001:oidc-provider/accounts.example.com/realm' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: `arn:aws:iam::${acct.id}:oidc-provider/nope.example.com` })), 404, 'NoSuchEntity');
});

t.test('client ids: add (no duplicates), remove (absent ids ignored); thumbprints replaced', async (t) => {
  await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'app3' }));
  await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'app3' }));
  await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'app1' }));
  await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'nope' }));
  await iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [tp(7), tp(8)] }));
  const p = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  t.same(p.ClientIDList, ['app2', 'app3']);
  t.same(p.ThumbprintList, [tp(7), tp(8)]);
  await rejects(t, iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: '' })), 400, 'InvalidInput');
});

t.test('ListOpenIDConnectProviders, DeleteOpenIDConnectProvider, and a second delete 404', async (t) => {
  t.same((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList?.map((p) => p.Arn).sort(), [`arn:aws:iam::${acct.id}:oidc-provider/HTTPS://Up.example.com`, arn, `arn:aws:iam::${acct.id}:oidc-provider/www.other.example.com`]);
  await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  await rejects(t, iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })), 404, 'NoSuchEntity');
});
