// SigV2, which RGW 20.2.4 still accepts by default (probed: header and query forms both work,
// docs/rgw-behaviour/auth.md). Header "AWS <AK>:<base64 HMAC-SHA1>" (no ":" is 400 InvalidArgument); query
// AWSAccessKeyId + Expires (epoch seconds, no upper bound) + Signature. The string to sign is
//   METHOD \n Content-MD5 \n Content-Type \n Date \n <x-amz-* headers, sorted, "name:value\n"> <resource>
// where Date is empty when x-amz-date is sent (x-amz-date is then among the x-amz-* lines), the Expires value
// for the query form, and the resource is the path as sent (virtual-host style: "/bucket" + path) followed by
// the sub-resources RGW signs, in RGW's order. The header form needs a Date or x-amz-date that parses (RFC 1123
// or ISO 8601; else 403 AccessDenied) within 15 minutes (403 RequestTimeTooSkewed).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '../errors.js';
import { atoll } from './presigned.js';

const MAX_SKEW_MS = 15 * 60 * 1000;

/** RGW's signed_subresources (rgw_auth_s3.cc), in its order. */
const SIGNED_SUBRESOURCES = [
  'acl', 'cors', 'delete', 'encryption', 'lifecycle', 'location', 'logging', 'notification', 'partNumber', 'policy',
  'policyStatus', 'publicAccessBlock', 'requestPayment', 'response-cache-control', 'response-content-disposition',
  'response-content-encoding', 'response-content-language', 'response-content-type', 'response-expires', 'tagging',
  'torrent', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website', 'object-lock',
];

export interface SigV2Request {
  accessKey: string;
  signature: string;
  /** The Date line of the string to sign. */
  dateLine: string;
  /** x-amz-* values the query form contributes (x-amz-meta-*, x-amz-security-token). */
  queryAmz: Map<string, string>;
  securityToken?: string;
}

export function isSigV2Header(authorization: string): boolean {
  return authorization.startsWith('AWS ');
}

export function parseSigV2Header(authorization: string, headers: IncomingHttpHeaders, now: number): SigV2Request {
  const rest = authorization.slice(4);
  const colon = rest.lastIndexOf(':');
  if (colon < 0) throw new GatewayError('InvalidArgument');
  const amzDate = single(headers['x-amz-date']);
  const date = amzDate ?? single(headers.date);
  const at = date === undefined ? NaN : parseHttpDate(date);
  if (Number.isNaN(at)) throw new GatewayError('AccessDenied');
  if (Math.abs(now - at) > MAX_SKEW_MS) throw new GatewayError('RequestTimeTooSkewed');
  const token = single(headers['x-amz-security-token']);
  return {
    accessKey: rest.slice(0, colon).trim(),
    signature: rest.slice(colon + 1).trim(),
    dateLine: amzDate !== undefined ? '' : date!,
    queryAmz: new Map(),
    ...(token !== undefined ? { securityToken: token } : {}),
  };
}

export function isPresignedV2(query: URLSearchParams): boolean {
  return query.has('AWSAccessKeyId');
}

export function parsePresignedV2(query: URLSearchParams, now: number): SigV2Request {
  const accessKey = query.get('AWSAccessKeyId') ?? '';
  const signature = query.get('Signature');
  const expires = query.get('Expires');
  if (!accessKey || !signature || !expires) throw new GatewayError('AccessDenied');
  if (now >= atoll(expires) * 1000) throw new GatewayError('AccessDenied');
  const queryAmz = new Map<string, string>();
  let securityToken: string | undefined;
  for (const [k, v] of query) {
    const name = k.toLowerCase();
    if (name.startsWith('x-amz-meta-')) queryAmz.set(name, queryAmz.has(name) ? `${queryAmz.get(name)},${v}` : v);
    if (name === 'x-amz-security-token') {
      queryAmz.set(name, v);
      securityToken = v;
    }
  }
  return { accessKey, signature, dateLine: expires, queryAmz, ...(securityToken !== undefined ? { securityToken } : {}) };
}

export interface V2Input {
  method: string;
  /** The path as sent, "/bucket" + path for virtual-host style. */
  resourcePath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  request: SigV2Request;
  secretKey: string;
}

export function stringToSignV2(input: Omit<V2Input, 'secretKey'>): string {
  const { headers, request } = input;
  const amz = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-') || value === undefined) continue;
    amz.set(name, (Array.isArray(value) ? value.join(',') : value).trim());
  }
  for (const [k, v] of request.queryAmz) amz.set(k, v);
  const amzLines = [...amz.keys()].sort().map((k) => `${k}:${amz.get(k)}\n`).join('');
  const subs = SIGNED_SUBRESOURCES.filter((s) => input.query.has(s)).map((s) => {
    const v = input.query.get(s) ?? '';
    return v ? `${s}=${v}` : s;
  });
  const resource = input.resourcePath + (subs.length ? `?${subs.join('&')}` : '');
  return [input.method, single(headers['content-md5']) ?? '', single(headers['content-type']) ?? '', request.dateLine].join('\n') + '\n' + amzLines + resource;
}

export function verifySigV2(input: V2Input): boolean {
  const md5 = single(input.headers['content-md5']);
  if (md5 !== undefined && !/^[A-Za-z0-9+/=\s]*$/.test(md5)) return false;
  const expected = Buffer.from(createHmac('sha1', input.secretKey).update(stringToSignV2(input), 'utf8').digest('base64'));
  const given = Buffer.from(input.request.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** RFC 1123 / RFC 850 / asctime or ISO 8601 (basic or extended); NaN otherwise. */
function parseHttpDate(s: string): number {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (basic) return Date.UTC(+basic[1]!, +basic[2]! - 1, +basic[3]!, +basic[4]!, +basic[5]!, +basic[6]!);
  if (!/^[A-Za-z]{3},? |^\d{4}-\d{2}-\d{2}T/.test(s)) return NaN;
  return Date.parse(s);
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
