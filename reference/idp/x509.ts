// X.509 v3 certificates for the bundled identity provider: a self-signed CA, the TLS certificate it issues for
// the IdP's host names, and the certificate that carries the token-signing key in the JWKS `x5c`. Keys are
// node:crypto KeyObjects; the signature is node:crypto's, the encoding is der.ts.
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { bits, bool, explicit, implicit, nul, octets, oid, seq, set, time, uint, utf8 } from './der.js';

export interface CertificateSpec {
  subject: string; // common name
  issuer: string;
  publicKey: KeyObject;
  /** The issuer's private key (the subject's own for a self-signed certificate). */
  signingKey: KeyObject;
  /** The issuer's public key, for the authority key identifier. */
  issuerPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  /** DNS names and IP addresses for subjectAltName (TLS certificates). */
  hosts?: string[];
}

const OID = {
  commonName: '2.5.4.3',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const name = (cn: string): Buffer => seq(set(seq(oid(OID.commonName), utf8(cn))));

/** A key identifier: SHA-1 of the encoded public key (RFC 5280 leaves the method open). */
function keyId(key: KeyObject): Buffer {
  return createHash('sha1').update(key.export({ type: 'spki', format: 'der' })).digest();
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

function altNames(hosts: string[]): Buffer {
  return seq(
    ...hosts.map((h) => {
      const family = isIP(h);
      if (family === 4) return implicit(7, Buffer.from(h.split('.').map(Number)));
      if (family === 6) return implicit(7, ipv6Bytes(h));
      return implicit(2, Buffer.from(h, 'ascii'));
    }),
  );
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

function signatureAlgorithm(key: KeyObject): { id: Buffer; digest: 'sha256' } {
  return key.asymmetricKeyType === 'ec' ? { id: seq(oid(OID.ecdsaWithSHA256)), digest: 'sha256' } : { id: seq(oid(OID.sha256WithRSA), nul()), digest: 'sha256' };
}

/** A DER-encoded certificate. */
export function createCertificate(spec: CertificateSpec): Buffer {
  const alg = signatureAlgorithm(spec.signingKey);
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const extensions = [
    extension(OID.basicConstraints, true, spec.ca ? seq(bool(true)) : seq()),
    // keyCertSign + cRLSign for a CA (bits 5, 6); digitalSignature + keyEncipherment otherwise (bits 0, 2).
    extension(OID.keyUsage, true, spec.ca ? bits(Buffer.from([0x06]), 1) : bits(Buffer.from([0xa0]), 5)),
    extension(OID.subjectKeyId, false, octets(keyId(spec.publicKey))),
    extension(OID.authorityKeyId, false, seq(implicit(0, keyId(spec.issuerPublicKey)))),
  ];
  if (spec.hosts?.length) {
    extensions.push(extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))));
    extensions.push(extension(OID.subjectAltName, false, altNames(spec.hosts)));
  }
  const tbs = seq(
    explicit(0, uint(2)),
    uint(serial),
    alg.id,
    name(spec.issuer),
    seq(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...extensions)),
  );
  return seq(tbs, alg.id, bits(sign(alg.digest, tbs, spec.signingKey)));
}

export function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** The thumbprint an OIDC provider registers: lower-case hex SHA-1 of the DER certificate. */
export function thumbprint(der: Buffer): string {
  return createHash('sha1').update(der).digest('hex');
}
