// Which API a request is for, as RGW's REST manager decides it: /admin/... is Admin Ops; a request with an
// Action parameter (query or form body) on the service root goes to STS if STS knows the action, else IAM if
// IAM knows it; everything else is S3 (an unknown Action falls through to S3, which answers 405).
import type { IncomingHttpHeaders } from 'node:http';
import { header } from './context.js';

export type Route = 'admin' | 'reference' | 'form' | 's3';

export function routeOf(method: string, rawPath: string, query: URLSearchParams, headers: IncomingHttpHeaders): Route {
  if (rawPath === '/admin' || rawPath.startsWith('/admin/')) return 'admin';
  if (rawPath.startsWith('/_reference/')) return 'reference';
  // RGW hands Action requests to STS/IAM only on POST (probed: GET /?Action=ListUsers is an S3 ListBuckets).
  if (rawPath === '/' && method === 'POST') {
    if (query.has('Action')) return 'form';
    const type = header(headers, 'content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded')) return 'form';
  }
  return 's3';
}

/** Virtual-host-style bucket: Host is <bucket>.<dns name>[:port] for one of the configured names. */
export function hostBucket(headers: IncomingHttpHeaders, dnsNames: readonly string[]): string | undefined {
  const host = (header(headers, 'host') ?? '').replace(/:\d+$/, '').toLowerCase();
  for (const name of dnsNames) {
    if (host.length > name.length + 1 && host.endsWith('.' + name)) return host.slice(0, -(name.length + 1));
  }
  return undefined;
}
