// RGW's WebTokenEngine (rgw_rest_sts.cc get_from_jwt / validate_signature), in its order. Every refusal is
// 403 AccessDenied except a discovery document the issuer does not serve (transport failure or an HTTP error
// status: 400 InvalidArgument, RGW's stray EINVAL). Probed on RGW 20.2.4 with the bundled IdP:
// 1. the token decodes (three dot-separated parts, JSON header and payload) and has an "iss";
// 2. the provider is the one registered for that issuer in the RoleArn's account (oidc/provider.ts);
// 3. a principal-tags claim, if any, is an object or array;
// 4. with client ids registered, one of them is in "aud", or is the "client_id" ("clientId") or "azp" claim;
//    an "aud" array of more than one value is refused;
// 5. the header names an algorithm; HS256/384/512 are refused before anything is fetched;
// 6. GET <iss>/.well-known/openid-configuration, then its jwks_uri (any failure: 403), over verified TLS;
// 7. a key of the set verifies the token (oidc/jwks.ts).
// Not reproduced: rgw_enable_jwks_url_verification=true (off by default; RGW then fingerprints the last
// certificate the JWKS host presents instead of the x5c certificates - Node does not expose the chain as sent).
import { decodeProtectedHeader } from 'jose';
import type { GatewayEnv } from '../env.js';
import { GatewayError } from '../errors.js';
import type { OidcProviderRecord } from '../identity/model.js';
import { flattenClaims, principalTags, type Flat } from './claims.js';
import { fetchUrl, TransportError, type Fetched } from './fetch.js';
import { verifyWithJwks } from './jwks.js';
import { providerForIssuer } from './provider.js';

export interface WebIdentity {
  iss: string;
  sub: string;
  /** The audience RGW reports: the "aud" claim, else "client_id", else "azp". */
  aud: string;
  provider: OidcProviderRecord;
  /** All claims, flattened, for `<idp-url>:<claim>` condition keys. */
  claims: Flat;
  /** Principal tags from the token, sorted. */
  tags: [string, string][];
  /** Values of the aud claim (for `<idp-url>:app_id`). */
  audiences: string[];
}

/** A refused token: 403 AccessDenied with RGW's empty message; the reason is for the decision log only. */
export class TokenRefused extends GatewayError {
  constructor(readonly reason: string) {
    super('AccessDenied');
  }
}

const refuse = (why: string): TokenRefused => new TokenRefused(why);

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const parts = token.split('.');
  if (parts.length !== 3) throw refuse('not a JWT');
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('payload');
    return { header, payload: payload as Record<string, unknown> };
  } catch {
    throw refuse('not a JWT');
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function getJson(env: GatewayEnv, url: string, discovery: boolean): Promise<{ json: unknown }> {
  let fetched: Fetched;
  try {
    fetched = await fetchUrl(url, { extraCa: env.config.oidcCaCerts ?? [] });
  } catch (err) {
    if (err instanceof TransportError && discovery) throw new GatewayError('InvalidArgument');
    throw refuse(`fetching ${url} failed`);
  }
  if (fetched.status >= 400) {
    if (discovery) throw new GatewayError('InvalidArgument');
    throw refuse(`${url}: HTTP ${fetched.status}`);
  }
  try {
    return { json: JSON.parse(fetched.body) as unknown };
  } catch {
    throw refuse(`${url}: not JSON`);
  }
}

export async function verifyWebIdentityToken(env: GatewayEnv, token: string, roleScope: string): Promise<WebIdentity> {
  const { header, payload } = decode(token);
  const iss = str(payload.iss);
  if (iss === undefined) throw refuse('no issuer');
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud.filter((a): a is string => typeof a === 'string') : [];
  const clientId = str(payload.client_id) ?? str(payload.clientId) ?? '';
  const azp = str(payload.azp) ?? '';
  const provider = providerForIssuer(env.store, roleScope, iss);
  if (!provider) throw refuse(`no OIDC provider for ${iss}`);
  let tags: [string, string][];
  try {
    tags = principalTags(payload) ?? [];
  } catch {
    throw refuse('malformed principal tags');
  }
  if (provider.clientIds.length > 0) {
    const ok = audiences.some((a) => provider.clientIds.includes(a)) || provider.clientIds.includes(clientId) || provider.clientIds.includes(azp);
    if (!ok) throw refuse('no registered client id in aud, client_id or azp');
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1) throw refuse('aud holds more than one value');
  const alg = str(header.alg);
  if (!alg) throw refuse('no alg');
  if (alg === 'HS256' || alg === 'HS384' || alg === 'HS512') throw refuse('HMAC algorithms are not supported');

  const { json: disco } = await getJson(env, `${iss}/.well-known/openid-configuration`, true);
  const jwksUri = str((disco as { jwks_uri?: unknown } | null)?.jwks_uri);
  if (!jwksUri) throw refuse('discovery document without jwks_uri');
  const { json: jwks } = await getJson(env, jwksUri, false);
  const verified = await verifyWithJwks(token, jwks, { alg, kid: str(header.kid), thumbprints: provider.thumbprints, skipX5cThumbprints: false, now: env.clock.now() });
  if (!verified) throw refuse('no key of the JWKS verifies the token');

  const claims = flattenClaims(verified);
  const first = (k: string): string => claims.find(([key]) => key === k)?.[1] ?? '';
  return { iss, sub: first('sub'), aud: audiences[0] ?? (clientId || azp), provider, claims, tags, audiences };
}
