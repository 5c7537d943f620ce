// Outbound GETs to an OIDC issuer, as RGW makes them through libcurl: the URL's own scheme (an http:// issuer
// is fetched in the clear, as RGW does), TLS verified against what Node trusts (its CA store plus
// NODE_EXTRA_CA_CERTS) and any CAs the gateway was given (startGateway's oidcCaCerts), as RGW verifies against
// its host's CA store (rgw_verify_ssl).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

export interface Fetched {
  status: number;
  body: string;
}

/** A request that never got an HTTP answer: refused connection, TLS failure, timeout. */
export class TransportError extends Error {}

const MAX_BODY = 1024 * 1024;

/** Node's default trust plus extra CAs. Passing `ca` replaces Node's store, so the defaults are re-added. */
function trustWith(extra: readonly string[]): string[] | undefined {
  if (extra.length === 0) return undefined;
  const fromEnv = process.env.NODE_EXTRA_CA_CERTS ? safeRead(process.env.NODE_EXTRA_CA_CERTS) : [];
  return [...rootCertificates, ...fromEnv, ...extra];
}

function safeRead(path: string): string[] {
  try {
    return [readFileSync(path, 'utf8')];
  } catch {
    return [];
  }
}

export function fetchUrl(url: string, opts: { extraCa?: readonly string[]; timeoutMs?: number } = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      reject(new TransportError(`not a URL: ${url}`));
      return;
    }
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > MAX_BODY) res.destroy(new TransportError('response too large'));
        else chunks.push(d);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => reject(new TransportError(err.message)));
    };
    const timeout = opts.timeoutMs ?? 5000;
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }; // what RGW's transceiver sends
    const req =
      target.protocol === 'https:'
        ? httpsRequest(target, { method: 'GET', timeout, headers, ca: trustWith(opts.extraCa ?? []) }, onResponse)
        : target.protocol === 'http:'
          ? httpRequest(target, { method: 'GET', timeout, headers }, onResponse)
          : undefined;
    if (!req) {
      reject(new TransportError(`unsupported scheme: ${target.protocol}`));
      return;
    }
    req.on('timeout', () => req.destroy(new TransportError(`timed out fetching ${url}`)));
    req.on('error', (err) => reject(err instanceof TransportError ? err : new TransportError(err.message)));
    req.end();
  });
}
