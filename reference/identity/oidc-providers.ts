// OpenID Connect providers of an account (or tenant): the ARN names the issuer URL without its scheme
// (RGW's url_remove_prefix), while GetOpenIDConnectProvider returns the Url exactly as registered.
import type { Store } from '../store/store.js';
import { T, type OidcProviderRecord } from './model.js';

/** RGW's url_remove_prefix: drop a lower-case "http://" or "https://" (a "www." stays, probed). */
export function urlRemovePrefix(url: string): string {
  if (url.startsWith('http://')) return url.slice(7);
  if (url.startsWith('https://')) return url.slice(8);
  return url;
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
