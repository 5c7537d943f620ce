// Raw IAM query requests signed with @smithy/signature-v4, for what the SDK hides: the exact XML document
// (declaration, namespace, element order), parameters the SDK will not send, and unsigned calls.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Creds } from '../fixtures/gateway.js';

export interface RawResponse {
  status: number;
  contentType: string | null;
  body: string;
  requestId: string | null;
}

export async function iamRaw(endpoint: string, creds: Creds | null, params: Record<string, string>, service = 'iam'): Promise<RawResponse> {
  const url = new URL(endpoint);
  const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
  const request = {
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } as Record<string, string>,
    body,
  };
  let headers = request.headers;
  if (creds) {
    const signer = new SignatureV4({ credentials: creds, region: 'default', service, sha256: Sha256 });
    headers = (await signer.sign(request)).headers;
  }
  const res = await fetch(`${endpoint}/`, { method: 'POST', headers, body });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text(), requestId: res.headers.get('x-amz-request-id') };
}

/** The document with request ids replaced, for comparing shapes. */
export const shape = (xml: string): string => xml.replace(/<RequestId>[^<]*<\/RequestId>/g, '<RequestId/>');
