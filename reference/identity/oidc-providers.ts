// OpenID Connect providers of an account (or tenant): the ARN names the issuer URL without its scheme
// (RGW's url_remove_prefix), while GetOpenIDConnectProvider returns the Url exactly as registered.
import type { Store } from '../store/store.js';
import { T, type OidcProviderRecord } from './model.js';

/** RGW's url_remove_prefix: drop a lower-case "http://" or "https://", then a leading "www.". */
export function urlRemovePrefix(url: string): string {
  let u = url;
  if (u.startsWith('http://')) u = u.slice(7);
  else if (u.startsWith('https://')) u = u.slice(8);
  if (u.startsWith('www.')) u = u.slice(4);
  return u;
}

export const providerArn = (accountOrTenant: string, url: string): string => `arn:aws:iam::${accountOrTenant}:oidc-provider/${url}`;

export function findProvider(store: Store, arn: string): OidcProviderRecord | undefined {
  return store.get<OidcProviderRecord>(T.oidc, arn);
}

export function providersOf(store: Store, accountOrTenant: string): OidcProviderRecord[] {
  return store
    .list<OidcProviderRecord>(T.oidc)
    .map(([, p]) => p)
    .filter((p) => (p.accountId ?? p.tenant) === accountOrTenant);
}
