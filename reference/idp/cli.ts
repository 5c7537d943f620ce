// `rgw-conformance idp`: run the bundled OIDC identity provider in the foreground (for scenarios and for a
// real RGW, whose host must trust the CA written by --ca-out). Prints what an OIDC provider registration
// needs, then "listening on URL"; stops on SIGINT/SIGTERM.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SigningAlg } from './pki.js';
import { startIdp } from './server.js';

export const IDP_USAGE = `usage: rgw-conformance idp [--port 0] [--host 127.0.0.1] [--issuer-host NAME] [--issuer-path /realms/x]
       [--alg RS256|RS384|RS512|PS256|ES256|ES384] [--no-x5c] [--plain-http] [--ca-out FILE]

A test OIDC identity provider: HTTPS with its own CA (written to --ca-out), a discovery document at
<issuer>/.well-known/openid-configuration and a JWKS at its jwks_uri. Register it with
CreateOpenIDConnectProvider --url <issuer> --thumbprint-list <signing thumbprint> (RGW checks the JWKS x5c
certificate). Tokens (test only): GET <origin>/_idp/token?sub=S&aud=A[&azp=..][&expires_in=N][&claims=JSON]
`;

const ALGS = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384']);

export async function idpCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'issuer-host': { type: 'string' },
      'issuer-path': { type: 'string' },
      alg: { type: 'string' },
      'no-x5c': { type: 'boolean' },
      'plain-http': { type: 'boolean' },
      'ca-out': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(IDP_USAGE);
    return 0;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
  if (values.alg !== undefined && !ALGS.has(values.alg)) throw new Error(`--alg must be one of ${[...ALGS].join(', ')}`);
  const idp = await startIdp({
    port,
    host: values.host,
    issuerHost: values['issuer-host'],
    issuerPath: values['issuer-path'],
    alg: values.alg as SigningAlg | undefined,
    x5c: !values['no-x5c'],
    plainHttp: values['plain-http'],
  });
  if (values['ca-out']) writeFileSync(values['ca-out'], idp.caPem);
  const origin = new URL(idp.issuer).origin;
  process.stdout.write(
    `issuer ${idp.issuer}\n` +
      `thumbprint (signing certificate, the one RGW checks) ${idp.thumbprints.signing}\n` +
      `thumbprint (TLS certificate) ${idp.thumbprints.tls}\nthumbprint (CA) ${idp.thumbprints.ca}\n` +
      (values['ca-out'] ? `CA written to ${values['ca-out']}\n` : '') +
      `tokens: GET ${origin}/_idp/token?sub=NAME&aud=CLIENT\n` +
      `listening on ${origin}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await idp.close();
  return 0;
}
