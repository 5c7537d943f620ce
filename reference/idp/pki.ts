// The identity provider's keys and certificates, generated at start: a CA, a TLS certificate it issues for the
// provider's host names, and the token-signing key with a certificate (the JWKS `x5c`) issued by the same CA.
import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { createCertificate, thumbprint, toPem } from './x509.js';

export type SigningAlg = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'ES256' | 'ES384';

export interface IssuedCert {
  der: Buffer;
  pem: string;
  /** lower-case hex SHA-1 of the DER certificate, as OIDC provider thumbprints are written */
  thumbprint: string;
}

export interface IdpPki {
  ca: IssuedCert & { key: KeyObject };
  tls: IssuedCert & { key: KeyObject };
  signing: IssuedCert & { key: KeyObject; publicKey: KeyObject; alg: SigningAlg };
}

const issued = (der: Buffer): IssuedCert => ({ der, pem: toPem(der), thumbprint: thumbprint(der) });

function signingKeyPair(alg: SigningAlg): { privateKey: KeyObject; publicKey: KeyObject } {
  if (alg === 'ES256') return generateKeyPairSync('ec', { namedCurve: 'P-256' });
  if (alg === 'ES384') return generateKeyPairSync('ec', { namedCurve: 'P-384' });
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export function createPki(opts: { hosts: string[]; alg: SigningAlg; name: string; now?: Date }): IdpPki {
  const now = opts.now ?? new Date();
  const notBefore = new Date(now.getTime() - 3600_000);
  const notAfter = new Date(now.getTime() + 365 * 86400_000);
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caName = `${opts.name} CA`;
  const caDer = createCertificate({ subject: caName, issuer: caName, publicKey: ca.publicKey, signingKey: ca.privateKey, issuerPublicKey: ca.publicKey, notBefore, notAfter, ca: true });
  const tls = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const tlsDer = createCertificate({ subject: opts.hosts[0]!, issuer: caName, publicKey: tls.publicKey, signingKey: ca.privateKey, issuerPublicKey: ca.publicKey, notBefore, notAfter, hosts: opts.hosts });
  const sk = signingKeyPair(opts.alg);
  const skDer = createCertificate({ subject: `${opts.name} token signing`, issuer: caName, publicKey: sk.publicKey, signingKey: ca.privateKey, issuerPublicKey: ca.publicKey, notBefore, notAfter });
  // Fail at start, not at the first handshake, if an encoding is wrong.
  if (!new X509Certificate(tlsDer).verify(ca.publicKey) || !new X509Certificate(skDer).verify(ca.publicKey)) throw new Error('idp: certificate does not verify');
  return {
    ca: { ...issued(caDer), key: ca.privateKey },
    tls: { ...issued(tlsDer), key: tls.privateKey },
    signing: { ...issued(skDer), key: sk.privateKey, publicKey: sk.publicKey, alg: opts.alg },
  };
}
