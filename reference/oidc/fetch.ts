// Outbound HTTPS to an OIDC issuer, trusting what Node trusts (its CA store plus NODE_EXTRA_CA_CERTS), as RGW
// trusts its system CA store. Returns the body and the SHA-1 fingerprints of the certificate chain the server
// presented, for the provider's thumbprint check.
import { get } from 'node:https';
import type { PeerCertificate, DetailedPeerCertificate } from 'node:tls';

export interface Fetched {
  status: number;
  body: string;
  /** lower-case hex SHA-1 fingerprints, leaf first */
  chain: string[];
}

export function fetchHttps(url: string, timeoutMs = 5000): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: timeoutMs }, (res) => {
      const cert = (res.socket as unknown as { getPeerCertificate(detailed: boolean): DetailedPeerCertificate }).getPeerCertificate(true);
      const chain: string[] = [];
      let c: PeerCertificate | DetailedPeerCertificate | undefined = cert;
      const seen = new Set<string>();
      while (c && c.fingerprint && !seen.has(c.fingerprint)) {
        seen.add(c.fingerprint);
        chain.push(c.fingerprint.replace(/:/g, '').toLowerCase());
        c = (c as DetailedPeerCertificate).issuerCertificate;
      }
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), chain }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out fetching ${url}`)));
    req.on('error', reject);
  });
}
