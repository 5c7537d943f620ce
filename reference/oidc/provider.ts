// Which registered OIDC provider a token's issuer names (rgw_rest_sts.cc load_provider): the provider of the
// RoleArn's account (or tenant) whose URL is the issuer with its first "http://" removed, else its first
// "https://", else its first "www." - a different rule from CreateOpenIDConnectProvider's (which drops the
// scheme AND a leading www.), so an issuer https://www.example.com finds no provider (RGW's quirk, kept).
import type { OidcProviderRecord } from '../identity/model.js';
import { findProvider, providerArn } from '../identity/oidc-providers.js';
import type { Store } from '../store/store.js';

function removeFirst(s: string, what: string): string | undefined {
  const i = s.indexOf(what);
  return i < 0 ? undefined : s.slice(0, i) + s.slice(i + what.length);
}

export function issuerToProviderUrl(iss: string): string {
  return removeFirst(iss, 'http://') ?? removeFirst(iss, 'https://') ?? removeFirst(iss, 'www.') ?? iss;
}

/** The issuer as condition keys name it (WebIdentityApplier::get_idp_url: only the scheme is removed). */
export function idpUrl(iss: string): string {
  return removeFirst(iss, 'http://') ?? removeFirst(iss, 'https://') ?? iss;
}

export function providerForIssuer(store: Store, accountOrTenant: string, iss: string): OidcProviderRecord | undefined {
  return findProvider(store, providerArn(accountOrTenant, issuerToProviderUrl(iss)));
}
