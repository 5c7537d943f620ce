// The bundled OpenID Connect identity provider, for tests and scenarios: HTTPS with its own CA and certificate
// generated at start, a discovery document and a JWKS shaped as RGW reads them (the discovery document's
// jwks_uri; keys with kid, use, alg, n/e or x/y, and x5c), and tokens for named subjects with chosen claims,
// signed with jose. Every request it serves is recorded, so a probe can show which URLs a relying party reads.
//
//   const idp = await startIdp();
//   idp.issuer            https://127.0.0.1:PORT
//   idp.caPem             the CA to trust (RGW host CA store, NODE_EXTRA_CA_CERTS, startGateway's oidcCaCerts)
//   idp.thumbprints       { signing, tls, ca }: SHA-1 thumbprints of each certificate
//   await idp.token({ sub: 'alice', aud: 'app', expiresIn: 600 })
//
// Test-only: GET /_idp/token?sub=..&aud=..&expires_in=..&claims=JSON mints a token over HTTP for processes that
// cannot call token() (scenarios, the CLI); never put this provider in front of anything real.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWK } from 'jose';
import { createPki, type IdpPki, type SigningAlg } from './pki.js';
import { mintToken, type TokenSpec } from './tokens.js';

export interface IdpOptions {
  host?: string; // listen address, default 127.0.0.1
  port?: number; // default 0
  /** Host name used in the issuer URL (default: host). Must be one of `hosts` for TLS to verify. */
  issuerHost?: string;
  /** Names the TLS certificate covers (default: localhost, 127.0.0.1 and issuerHost). */
  hosts?: string[];
  /** Path under the origin, as Keycloak's /realms/NAME (default: none). */
  issuerPath?: string;
  alg?: SigningAlg;
  /** Put the signing certificate in the JWK's x5c (default true); without it only n/e (or x/y) are published. */
  x5c?: boolean;
  /** Plain HTTP instead of HTTPS (to show what a relying party does with an http:// issuer). */
  plainHttp?: boolean;
  /** What the TLS server presents: its certificate alone (default) or followed by the CA. */
  chain?: 'leaf' | 'leaf+ca';
  /** The clock tokens are issued by (epoch ms); default Date.now. Tests pass the gateway's clock. */
  now?: () => number;
  name?: string;
}

export interface IdpRequest {
  method: string;
  path: string;
  time: string;
}

export interface Idp {
  issuer: string;
  /** The URL RGW's OIDC provider is registered with (the issuer). */
  url: string;
  discoveryUrl: string;
  jwksUri: string;
  caPem: string;
  thumbprints: { signing: string; tls: string; ca: string };
  pki: IdpPki;
  /** Requests served, oldest first. */
  requests: IdpRequest[];
  token(spec: TokenSpec): Promise<string>;
  /** The JWK of the signing key as published. */
  jwk(): JWK;
  /** Replace the discovery document or the JWKS (undefined restores the default); a number answers that status. */
  serve(what: 'discovery' | 'jwks', doc: unknown): void;
  close(): Promise<void>;
}

export async function startIdp(options: IdpOptions = {}): Promise<Idp> {
  const host = options.host ?? '127.0.0.1';
  const issuerHost = options.issuerHost ?? host;
  const hosts = [...new Set([...(options.hosts ?? ['localhost', '127.0.0.1']), issuerHost])];
  const alg = options.alg ?? 'RS256';
  const pki = createPki({ hosts, alg, name: options.name ?? 'rgw-conformance idp' });
  const now = options.now ?? Date.now;
  const requests: IdpRequest[] = [];
  const overrides: { discovery?: unknown; jwks?: unknown } = {};
  const kid = pki.signing.thumbprint.slice(0, 16);
  const jwk: JWK = { ...(await exportJWK(pki.signing.publicKey)), kid, use: 'sig', alg, ...(options.x5c === false ? {} : { x5c: [pki.signing.der.toString('base64')] }) };

  let base = '';
  const documents = (): { discovery: unknown; jwks: unknown } => ({
    discovery: {
      issuer: `${base}${options.issuerPath ?? ''}`,
      jwks_uri: `${base}${options.issuerPath ?? ''}/protocol/openid-connect/certs`,
      authorization_endpoint: `${base}${options.issuerPath ?? ''}/protocol/openid-connect/auth`,
      token_endpoint: `${base}${options.issuerPath ?? ''}/protocol/openid-connect/token`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [alg],
    },
    jwks: { keys: [jwk] },
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://idp');
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, time: new Date().toISOString() });
    const prefix = options.issuerPath ?? '';
    const send = (status: number, body: unknown): void => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const answer = (which: 'discovery' | 'jwks'): void => {
      const doc = overrides[which] ?? documents()[which];
      if (typeof doc === 'number') send(doc, { error: `status ${doc}` });
      else send(200, doc);
    };
    if (url.pathname === `${prefix}/.well-known/openid-configuration`) return answer('discovery');
    if (url.pathname === `${prefix}/protocol/openid-connect/certs`) return answer('jwks');
    if (url.pathname === '/_idp/token') {
      const q = url.searchParams;
      const spec: TokenSpec = {
        sub: q.get('sub') ?? 'subject',
        ...(q.has('aud') ? { aud: q.getAll('aud').length > 1 ? q.getAll('aud') : q.get('aud')! } : {}),
        ...(q.has('azp') ? { azp: q.get('azp')! } : {}),
        ...(q.has('expires_in') ? { expiresIn: Number(q.get('expires_in')) } : {}),
        ...(q.has('claims') ? { claims: JSON.parse(q.get('claims')!) as Record<string, unknown> } : {}),
        ...(q.has('omit') ? { omit: q.getAll('omit') } : {}),
      };
      void token(spec).then((t) => send(200, { token: t }), (err: Error) => send(400, { error: err.message }));
      return;
    }
    send(404, { error: 'not found' });
  };

  const server: Server = options.plainHttp
    ? createHttpServer(handler)
    : createHttpsServer({ key: pki.tls.key.export({ type: 'pkcs8', format: 'pem' }), cert: options.chain === 'leaf+ca' ? pki.tls.pem + pki.ca.pem : pki.tls.pem }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = issuerHost.includes(':') ? `[${issuerHost}]` : issuerHost;
  base = `${options.plainHttp ? 'http' : 'https'}://${hostPart}:${port}`;
  const issuer = `${base}${options.issuerPath ?? ''}`;

  const token = (spec: TokenSpec): Promise<string> => mintToken(spec, { issuer, kid, alg, key: pki.signing.key, now: now() });

  return {
    issuer,
    url: issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUri: `${issuer}/protocol/openid-connect/certs`,
    caPem: pki.ca.pem,
    thumbprints: { signing: pki.signing.thumbprint, tls: pki.tls.thumbprint, ca: pki.ca.thumbprint },
    pki,
    requests,
    token,
    jwk: () => ({ ...jwk }),
    serve(what, doc) {
      overrides[what] = doc;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

