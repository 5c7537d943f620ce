// Reads the reference-only decision log (GET /_reference/decisions?request-id=ID), signed by the gateway's
// admin user, so tests can check why a request was allowed or denied.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Gateway } from '../../reference/gateway.js';

export interface LoggedDecision {
  principal: string;
  action: string;
  resource: string;
  allowed: boolean;
  summary: string;
  blockedBy?: string;
  because: { policy: string; statement?: string; effect: string; reason: string }[];
}

export async function decisionsOf(gw: Gateway, requestId: string): Promise<LoggedDecision[]> {
  const url = new URL(gw.url);
  const signer = new SignatureV4({ credentials: gw.admin, region: gw.region, service: 's3', sha256: Sha256 });
  const req = { method: 'GET', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/_reference/decisions', query: { 'request-id': requestId }, headers: { host: url.host } };
  const signed = await signer.sign(req);
  const res = await fetch(`${gw.url}/_reference/decisions?request-id=${encodeURIComponent(requestId)}`, { headers: signed.headers });
  if (res.status !== 200) throw new Error(`decisions: HTTP ${res.status}`);
  return ((await res.json()) as { decisions: LoggedDecision[] }).decisions;
}

/** The request id of an SDK call that failed (or of its output). */
export async function requestIdOf(p: Promise<{ $metadata: { requestId?: string } }>): Promise<string> {
  try {
    return (await p).$metadata.requestId ?? '';
  } catch (err) {
    return (err as { $metadata?: { requestId?: string } }).$metadata?.requestId ?? '';
  }
}
