// OpenID Connect providers (rgw_rest_oidc_provider.cc), used by AssumeRoleWithWebIdentity. Quirks kept
// (probed on RGW 20.2.4): the ARN drops a lower-case http(s):// from the Url but keeps a
// trailing '/', GetOpenIDConnectProvider returns the Url as registered; thumbprints are checked for length
// only; AddClientID, RemoveClientID and UpdateThumbprint answer the provider inside an element named like
// the response (UpdateThumbprint's is AddClientIDToOpenIDConnectProviderResponse); only the account root
// (or the oidc-provider cap) can list providers — no identity policy grants it.
import { GatewayError } from '../../errors.js';
import { T, type OidcProviderRecord } from '../../identity/model.js';
import { findProvider, providerArn, providersOf, urlRemovePrefix } from '../../identity/oidc-providers.js';
import { memberValues, requireParam, type IamCall } from './call.js';
import { op, SHAPES, type IamOperation } from './operation.js';
import { members, milliDate, type Shape, type XNode } from './render.js';

const MAX_URL = 255;
const MAX_CLIENT_ID = 255;
const MAX_CLIENT_IDS = 100;
const MAX_THUMBPRINT = 40;
const MAX_THUMBPRINTS = 5;

const providerXml = (p: OidcProviderRecord): XNode[] => [
  members('ClientIDList', p.clientIds),
  ['CreateDate', milliDate(p.createDate)],
  members('ThumbprintList', p.thumbprints),
  ['Url', p.registeredUrl ?? `https://${p.url}`],
];

function thumbprints(c: IamCall): string[] {
  const list = memberValues(c, 'ThumbprintList').map(({ value }) => value);
  for (const t of list) if (t.length > MAX_THUMBPRINT) throw new GatewayError('InvalidInput', `Thumbprint cannot exceed the maximum length of ${MAX_THUMBPRINT}`);
  if (list.length > MAX_THUMBPRINTS) throw new GatewayError('InvalidInput', `ThumbprintList cannot exceed the maximum size of ${MAX_THUMBPRINTS}`);
  if (list.length === 0) throw new GatewayError('InvalidInput', 'Missing required element ThumbprintList');
  return list;
}

function clientId(c: IamCall): string {
  const id = requireParam(c, 'ClientID');
  if (id.length > MAX_CLIENT_ID) throw new GatewayError('InvalidInput', `ClientID cannot exceed the maximum length of ${MAX_CLIENT_ID}`);
  return id;
}

/** RGW's validate_provider_arn: arn:aws:iam::<caller's account or tenant>:oidc-provider/<url>. */
function providerFromArn(c: IamCall): { arn: string; resource: string } {
  const arn = requireParam(c, 'OpenIDConnectProviderArn');
  const fail = (m: string): never => {
    throw new GatewayError('InvalidInput', m);
  };
  let s = arn;
  if (!s.startsWith('arn:')) fail('Invalid value for OpenIDConnectProviderArn');
  s = s.slice(4);
  if (!s.startsWith('aws:')) fail('OpenIDConnectProviderArn partition must be aws');
  s = s.slice(4);
  if (!s.startsWith('iam::')) fail('OpenIDConnectProviderArn service must be iam');
  s = s.slice(5);
  if (!s.startsWith(c.scope)) fail('OpenIDConnectProviderArn account must match user tenant');
  s = s.slice(c.scope.length);
  if (!s.startsWith(':oidc-provider/')) fail('Invalid ARN resource for OpenIDConnectProviderArn');
  return { arn: providerArn(c.scope, s.slice(':oidc-provider/'.length)), resource: `arn:aws:iam::${c.scope}:${s.slice(1)}` };
}

function load(c: IamCall, arn: string): OidcProviderRecord {
  const p = findProvider(c.ctx.env.store, arn);
  if (!p || (p.accountId ?? p.tenant) !== c.scope) throw new GatewayError('NoSuchEntity');
  return p;
}

const save = (c: IamCall, p: OidcProviderRecord, value: OidcProviderRecord | undefined): Promise<void> => c.ctx.env.store.commit([{ table: T.oidc, key: p.arn, value }]);
const READ = { type: 'oidc-provider', perm: 'read' } as const;
const WRITE = { type: 'oidc-provider', perm: 'write' } as const;
/** The odd documents of the client-id and thumbprint calls: metadata, then the provider under `name`. */
const providerEcho = (name: string): Shape => ({ ...SHAPES.before, ns: false, root: name, result: name });

export const OIDC_OPERATIONS = {
  CreateOpenIDConnectProvider: op({
    callers: 'any',
    action: 'iam:CreateOIDCProvider',
    cap: WRITE,
    prepare(c): OidcProviderRecord {
      const url = requireParam(c, 'Url');
      if (url.length > MAX_URL) throw new GatewayError('InvalidInput', `Url cannot exceed the maximum length of ${MAX_URL}`);
      const clientIds: string[] = [];
      const prints: string[] = [];
      for (const { key, value } of memberValues(c, 'ClientIDList').concat(memberValues(c, 'ThumbprintList')).sort((a, b) => (a.key < b.key ? -1 : 1))) {
        if (key.includes('ClientIDList.member.')) {
          if (value.length > MAX_CLIENT_ID) throw new GatewayError('InvalidInput', `ClientID cannot exceed the maximum length of ${MAX_CLIENT_ID}`);
          clientIds.push(value);
        } else {
          if (value.length > MAX_THUMBPRINT) throw new GatewayError('InvalidInput', `Thumbprint cannot exceed the maximum length of ${MAX_THUMBPRINT}`);
          prints.push(value);
        }
      }
      if (prints.length > MAX_THUMBPRINTS) throw new GatewayError('InvalidInput', `ThumbprintList cannot exceed the maximum size of ${MAX_THUMBPRINTS}`);
      if (clientIds.length > MAX_CLIENT_IDS) throw new GatewayError('InvalidInput', `ClientIDList cannot exceed the maximum size of ${MAX_CLIENT_IDS}`);
      if (prints.length === 0) throw new GatewayError('InvalidInput', 'Missing required element ThumbprintList');
      const stripped = urlRemovePrefix(url);
      return {
        arn: providerArn(c.scope, stripped),
        ...(c.account ? { accountId: c.account.id } : {}),
        tenant: c.tenant,
        url: stripped,
        registeredUrl: url,
        clientIds,
        thumbprints: prints,
        createDate: c.now,
      };
    },
    resource: (c, p) => `arn:aws:iam::${c.scope}:oidc-provider/${p.url}`,
    async execute(c, p) {
      if (findProvider(c.ctx.env.store, p.arn)) throw new GatewayError('EntityAlreadyExists');
      await save(c, p, p);
      return [['OpenIDConnectProviderArn', p.arn]];
    },
    shape: SHAPES.nsAfter,
  }),

  GetOpenIDConnectProvider: op({
    callers: 'any',
    action: 'iam:GetOIDCProvider',
    cap: READ,
    prepare: providerFromArn,
    resource: (_c, t) => t.resource,
    execute: async (c, t) => providerXml(load(c, t.arn)),
    shape: SHAPES.nsBefore,
  }),

  ListOpenIDConnectProviders: op({
    callers: 'any',
    action: 'iam:ListOIDCProviders',
    cap: READ,
    prepare: () => undefined,
    resource: () => null,
    execute: async (c) => [members('OpenIDConnectProviderList', providersOf(c.ctx.env.store, c.scope).map((p): XNode[] => [['Arn', p.arn]]))],
    shape: SHAPES.nsBefore,
  }),

  DeleteOpenIDConnectProvider: op({
    callers: 'any',
    action: 'iam:DeleteOIDCProvider',
    cap: WRITE,
    prepare: providerFromArn,
    resource: (_c, t) => t.resource,
    async execute(c, t) {
      await save(c, load(c, t.arn), undefined);
      return undefined;
    },
    shape: SHAPES.nsAfter,
  }),

  AddClientIDToOpenIDConnectProvider: op({
    callers: 'any',
    action: 'iam:AddClientIdToOIDCProvider',
    cap: WRITE,
    prepare: (c) => ({ ...providerFromArn(c), id: clientId(c) }),
    resource: (_c, t) => t.resource,
    async execute(c, t) {
      let p = load(c, t.arn);
      if (!p.clientIds.includes(t.id)) {
        p = { ...p, clientIds: [...p.clientIds, t.id] };
        await save(c, p, p);
      }
      return providerXml(p);
    },
    shape: providerEcho('AddClientIDToOpenIDConnectProviderResponse'),
  }),

  RemoveClientIDFromOpenIDConnectProvider: op({
    callers: 'any',
    action: 'iam:RemoveClientIdFromOIDCProvider',
    cap: WRITE,
    prepare: (c) => ({ ...providerFromArn(c), id: clientId(c) }),
    resource: (_c, t) => t.resource,
    async execute(c, t) {
      let p = load(c, t.arn);
      const i = p.clientIds.indexOf(t.id);
      if (i >= 0) {
        p = { ...p, clientIds: p.clientIds.filter((_, j) => j !== i) };
        await save(c, p, p);
      }
      return providerXml(p);
    },
    shape: providerEcho('RemoveClientIDFromOpenIDConnectProviderResponse'),
  }),

  UpdateOpenIDConnectProviderThumbprint: op({
    callers: 'any',
    action: 'iam:UpdateOIDCProviderThumbprint',
    cap: WRITE,
    prepare: (c) => ({ ...providerFromArn(c), prints: thumbprints(c) }),
    resource: (_c, t) => t.resource,
    async execute(c, t) {
      const p = { ...load(c, t.arn), thumbprints: t.prints };
      await save(c, p, p);
      return providerXml(p);
    },
    shape: providerEcho('AddClientIDToOpenIDConnectProviderResponse'),
  }),
} satisfies Record<string, IamOperation>;
