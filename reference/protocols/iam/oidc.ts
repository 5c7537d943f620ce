// OpenID Connect providers (used by AssumeRoleWithWebIdentity): the issuer URL, client ids and thumbprints.
import { GatewayError } from '../../errors.js';
import { T, type OidcProviderRecord } from '../../identity/model.js';
import { check, members, required, type IamCall } from './call.js';
import { sendIam, type Shape } from './render.js';

const SHAPE: Shape = { decl: true, ns: true, meta: 'after' };

/** RGW keys providers by the issuer URL without its scheme. */
export const providerUrl = (url: string): string => url.replace(/^https?:\/\//, '').replace(/\/$/, '');
export const providerArn = (account: string, url: string): string => `arn:aws:iam::${account}:oidc-provider/${providerUrl(url)}`;

function load(c: IamCall): OidcProviderRecord {
  const arn = required(c, 'OpenIDConnectProviderArn');
  const p = c.ctx.env.store.get<OidcProviderRecord>(T.oidc, arn);
  if (!p || p.accountId !== c.account.id) throw new GatewayError('NoSuchEntity', 'No such OpenIDConnectProviderArn');
  return p;
}

export async function createOpenIDConnectProvider(c: IamCall): Promise<void> {
  const url = required(c, 'Url');
  if (!/^https:\/\/[^\s]+$/.test(url) || url.length > 255) throw new GatewayError('InvalidInput', 'Url must be an https URL');
  const thumbprints = members(c, 'ThumbprintList');
  if (!thumbprints.length || thumbprints.length > 5 || thumbprints.some((t) => !/^[0-9a-fA-F]{40}$/.test(t))) throw new GatewayError('InvalidInput', 'ThumbprintList must hold 1 to 5 hex SHA-1 thumbprints');
  const clientIds = members(c, 'ClientIDList');
  const arn = providerArn(c.account.id, url);
  check(c, 'CreateOpenIDConnectProvider', arn);
  if (c.ctx.env.store.get(T.oidc, arn)) throw new GatewayError('EntityAlreadyExists', 'OpenIDConnectProvider already exists');
  const rec: OidcProviderRecord = { arn, accountId: c.account.id, tenant: c.account.tenant, url: providerUrl(url), registeredUrl: url, clientIds, thumbprints: thumbprints.map((t) => t.toLowerCase()), createDate: c.now };
  await c.ctx.env.store.commit([{ table: T.oidc, key: arn, value: rec }]);
  sendIam(c.ctx, 'CreateOpenIDConnectProvider', SHAPE, { OpenIDConnectProviderArn: arn });
}

export async function getOpenIDConnectProvider(c: IamCall): Promise<void> {
  const p = load(c);
  check(c, 'GetOpenIDConnectProvider', p.arn);
  sendIam(c.ctx, 'GetOpenIDConnectProvider', SHAPE, { ClientIDList: { member: p.clientIds }, ThumbprintList: { member: p.thumbprints }, Url: p.registeredUrl ?? p.url, CreateDate: p.createDate });
}

export async function listOpenIDConnectProviders(c: IamCall): Promise<void> {
  check(c, 'ListOpenIDConnectProviders', `arn:aws:iam::${c.account.id}:oidc-provider/`);
  const all = c.ctx.env.store.list<OidcProviderRecord>(T.oidc).map(([, p]) => p).filter((p) => p.accountId === c.account.id);
  sendIam(c.ctx, 'ListOpenIDConnectProviders', SHAPE, { OpenIDConnectProviderList: { member: all.map((p) => ({ Arn: p.arn })) } });
}

export async function deleteOpenIDConnectProvider(c: IamCall): Promise<void> {
  const p = load(c);
  check(c, 'DeleteOpenIDConnectProvider', p.arn);
  await c.ctx.env.store.commit([{ table: T.oidc, key: p.arn }]);
  sendIam(c.ctx, 'DeleteOpenIDConnectProvider', SHAPE);
}
