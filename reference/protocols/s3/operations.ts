// The S3 operation table: wire name → level (service, bucket, object), method, the sub-resource or header that
// selects it, the IAM action it is authorized as, and its handler. `select()` picks the row for a request the
// way RGW's RGWHandler_REST_{Service,Bucket,Obj}_S3::op_* do (verified on RGW 20.2.4, docs/rgw-behaviour/s3.md):
// - a known sub-resource selects its row; sub-resources RGW does not know are ignored (GET /b?bogus lists);
// - sub-resources RGW implements and the reference does not (deliberate gaps) answer 501 NotImplemented;
// - some requests have a fixed RGW answer: static website ops 405 (rgw_enable_static_website is off), POST
//   without a known sub-resource is a browser form upload (400 InvalidArgument for a non-form body), OPTIONS
//   without a CORS configuration 400 InvalidArgument, GET /bucket?uploadId 405;
// - any other method is 405 MethodNotAllowed.
import type { S3Request } from './request.js';
import * as acl from './acl.js';
import * as buckets from './buckets.js';
import * as copy from './copy.js';
import * as deleteMany from './delete-objects.js';
import * as list from './list.js';
import * as multipart from './multipart.js';
import * as objects from './objects.js';
import * as policy from './bucket-policy.js';
import * as subresources from './subresources.js';
import * as usage from './usage.js';

export type Level = 'service' | 'bucket' | 'object';
export type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS';

export interface S3Operation {
  level: Level;
  method: Method;
  /** Query parameter that selects this row at its level and method. */
  subresource?: string;
  /** ...only with this value (list-type=2). */
  subresourceValue?: string;
  /** Request header that selects this row (x-amz-copy-source). */
  selectHeader?: string;
  /** IAM action the handler authorizes (RGW's op → action mapping); '' when RGW asks no policy. */
  action: string;
  handler: (r: S3Request) => Promise<void>;
}

export const S3_OPERATIONS = {
  // service
  ListBuckets: { level: 'service', method: 'GET', action: 's3:ListAllMyBuckets', handler: buckets.listBuckets },
  GetUsage: { level: 'service', method: 'GET', subresource: 'usage', action: '', handler: usage.getUsage },
  HeadService: { level: 'service', method: 'HEAD', action: 's3:ListAllMyBuckets', handler: buckets.headService },
  // bucket
  CreateBucket: { level: 'bucket', method: 'PUT', action: 's3:CreateBucket', handler: buckets.createBucket },
  HeadBucket: { level: 'bucket', method: 'HEAD', action: 's3:ListBucket', handler: buckets.headBucket },
  DeleteBucket: { level: 'bucket', method: 'DELETE', action: 's3:DeleteBucket', handler: buckets.deleteBucket },
  GetBucketLocation: { level: 'bucket', method: 'GET', subresource: 'location', action: 's3:GetBucketLocation', handler: buckets.getBucketLocation },
  GetBucketVersioning: { level: 'bucket', method: 'GET', subresource: 'versioning', action: 's3:GetBucketVersioning', handler: buckets.getBucketVersioning },
  PutBucketVersioning: { level: 'bucket', method: 'PUT', subresource: 'versioning', action: 's3:PutBucketVersioning', handler: buckets.putBucketVersioning },
  GetBucketAcl: { level: 'bucket', method: 'GET', subresource: 'acl', action: 's3:GetBucketAcl', handler: acl.getBucketAcl },
  PutBucketAcl: { level: 'bucket', method: 'PUT', subresource: 'acl', action: 's3:PutBucketAcl', handler: acl.putBucketAcl },
  GetBucketPolicy: { level: 'bucket', method: 'GET', subresource: 'policy', action: 's3:GetBucketPolicy', handler: policy.getBucketPolicy },
  PutBucketPolicy: { level: 'bucket', method: 'PUT', subresource: 'policy', action: 's3:PutBucketPolicy', handler: policy.putBucketPolicy },
  DeleteBucketPolicy: { level: 'bucket', method: 'DELETE', subresource: 'policy', action: 's3:DeleteBucketPolicy', handler: policy.deleteBucketPolicy },
  GetBucketCors: { level: 'bucket', method: 'GET', subresource: 'cors', action: 's3:GetBucketCORS', handler: subresources.getBucketCors },
  DeleteBucketCors: { level: 'bucket', method: 'DELETE', subresource: 'cors', action: 's3:PutBucketCORS', handler: subresources.deleteNothing },
  GetBucketLifecycle: { level: 'bucket', method: 'GET', subresource: 'lifecycle', action: 's3:GetLifecycleConfiguration', handler: subresources.getBucketLifecycle },
  DeleteBucketLifecycle: { level: 'bucket', method: 'DELETE', subresource: 'lifecycle', action: 's3:PutLifecycleConfiguration', handler: subresources.deleteNothing },
  GetBucketTagging: { level: 'bucket', method: 'GET', subresource: 'tagging', action: 's3:GetBucketTagging', handler: subresources.getBucketTagging },
  DeleteBucketTagging: { level: 'bucket', method: 'DELETE', subresource: 'tagging', action: 's3:PutBucketTagging', handler: subresources.deleteNothing },
  GetBucketRequestPayment: { level: 'bucket', method: 'GET', subresource: 'requestPayment', action: 's3:GetBucketRequestPayment', handler: subresources.getBucketRequestPayment },
  GetBucketLogging: { level: 'bucket', method: 'GET', subresource: 'logging', action: 's3:GetBucketLogging', handler: subresources.getBucketLogging },
  GetBucketNotificationConfiguration: { level: 'bucket', method: 'GET', subresource: 'notification', action: 's3:GetBucketNotification', handler: subresources.getBucketNotification },
  GetBucketEncryption: { level: 'bucket', method: 'GET', subresource: 'encryption', action: 's3:GetEncryptionConfiguration', handler: subresources.getBucketEncryption },
  GetObjectLockConfiguration: { level: 'bucket', method: 'GET', subresource: 'object-lock', action: 's3:GetBucketObjectLockConfiguration', handler: subresources.getObjectLockConfiguration },
  ListMultipartUploads: { level: 'bucket', method: 'GET', subresource: 'uploads', action: 's3:ListBucketMultipartUploads', handler: multipart.listMultipartUploads },
  ListObjectVersions: { level: 'bucket', method: 'GET', subresource: 'versions', action: 's3:ListBucketVersions', handler: list.listObjectVersions },
  ListObjectsV2: { level: 'bucket', method: 'GET', subresource: 'list-type', subresourceValue: '2', action: 's3:ListBucket', handler: (r) => list.listObjects(r, true) },
  ListObjects: { level: 'bucket', method: 'GET', action: 's3:ListBucket', handler: (r) => list.listObjects(r, false) },
  DeleteObjects: { level: 'bucket', method: 'POST', subresource: 'delete', action: 's3:DeleteObject', handler: deleteMany.deleteObjects },
  // object
  GetObjectAcl: { level: 'object', method: 'GET', subresource: 'acl', action: 's3:GetObjectAcl', handler: acl.getObjectAcl },
  PutObjectAcl: { level: 'object', method: 'PUT', subresource: 'acl', action: 's3:PutObjectAcl', handler: acl.putObjectAcl },
  GetObjectTagging: { level: 'object', method: 'GET', subresource: 'tagging', action: 's3:GetObjectTagging', handler: subresources.getObjectTagging },
  DeleteObjectTagging: { level: 'object', method: 'DELETE', subresource: 'tagging', action: 's3:DeleteObjectTagging', handler: subresources.deleteObjectTagging },
  ListParts: { level: 'object', method: 'GET', subresource: 'uploadId', action: 's3:ListMultipartUploadParts', handler: multipart.listParts },
  GetObject: { level: 'object', method: 'GET', action: 's3:GetObject', handler: objects.getObject },
  HeadObject: { level: 'object', method: 'HEAD', action: 's3:GetObject', handler: objects.headObject },
  UploadPartCopy: { level: 'object', method: 'PUT', subresource: 'uploadId', selectHeader: 'x-amz-copy-source', action: 's3:PutObject', handler: multipart.uploadPartCopy },
  UploadPart: { level: 'object', method: 'PUT', subresource: 'uploadId', action: 's3:PutObject', handler: multipart.uploadPart },
  CopyObject: { level: 'object', method: 'PUT', selectHeader: 'x-amz-copy-source', action: 's3:PutObject', handler: copy.copyObject },
  PutObject: { level: 'object', method: 'PUT', action: 's3:PutObject', handler: objects.putObject },
  CreateMultipartUpload: { level: 'object', method: 'POST', subresource: 'uploads', action: 's3:PutObject', handler: multipart.createMultipartUpload },
  CompleteMultipartUpload: { level: 'object', method: 'POST', subresource: 'uploadId', action: 's3:PutObject', handler: multipart.completeMultipartUpload },
  AbortMultipartUpload: { level: 'object', method: 'DELETE', subresource: 'uploadId', action: 's3:AbortMultipartUpload', handler: multipart.abortMultipartUpload },
  DeleteObject: { level: 'object', method: 'DELETE', action: 's3:DeleteObject', handler: objects.deleteObjectOp },
} satisfies Record<string, S3Operation>;

export type S3OperationName = keyof typeof S3_OPERATIONS;

/** A request RGW answers with a fixed error, before looking at the bucket (no BucketName in the body). */
export interface Refusal {
  refused: 'NotImplemented' | 'MethodNotAllowed' | 'InvalidArgument';
  /** Name for the ops log. */
  name: string;
  /** Raised by an op RGW did select (after authentication): the error names the bucket. */
  withBucket?: boolean;
}

interface RefusalRule {
  level: Level | '*';
  method: Method | '*';
  subresource?: string;
  refused: Refusal['refused'];
  name: string;
  withBucket?: boolean;
  /** Only when the request's headers say so. */
  when?: (headers: Record<string, unknown>) => boolean;
}

/** The request declares a body (Content-Length above 0, or chunked). */
const hasBody = (h: Record<string, unknown>): boolean => (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;

const NI = 'NotImplemented' as const;
const MNA = 'MethodNotAllowed' as const;

/** Ordered: the first rule that matches wins; sub-resource rules before the catch-alls. */
const REFUSALS: RefusalRule[] = [
  // Static website ops are off in RGW by default (rgw_enable_static_website=false): 405 for any method.
  { level: 'bucket', method: '*', subresource: 'website', refused: MNA, name: 'BucketWebsite' },
  { level: 'bucket', method: 'GET', subresource: 'uploadId', refused: MNA, name: 'GetBucketUploadId' },
  // RGW implements these; the reference does not (deliberate gaps, answered before any bucket lookup).
  ...['cors', 'lifecycle', 'tagging', 'encryption', 'object-lock', 'notification', 'logging', 'requestPayment', 'replication', 'publicAccessBlock', 'policyStatus']
    .flatMap((s) => [{ level: 'bucket' as const, method: 'PUT' as const, subresource: s, refused: NI, name: `PutBucket:${s}` }]),
  ...['encryption', 'notification', 'replication', 'publicAccessBlock', 'object-lock'].map((s) => ({ level: 'bucket' as const, method: 'DELETE' as const, subresource: s, refused: NI, name: `DeleteBucket:${s}` })),
  ...['replication', 'publicAccessBlock', 'policyStatus'].map((s) => ({ level: 'bucket' as const, method: 'GET' as const, subresource: s, refused: NI, name: `GetBucket:${s}` })),
  ...['tagging', 'retention', 'legal-hold', 'append'].map((s) => ({ level: 'object' as const, method: 'PUT' as const, subresource: s, refused: NI, name: `PutObject:${s}` })),
  ...['torrent', 'retention', 'legal-hold', 'attributes'].map((s) => ({ level: 'object' as const, method: 'GET' as const, subresource: s, refused: NI, name: `GetObject:${s}` })),
  ...['restore', 'select'].map((s) => ({ level: 'object' as const, method: 'POST' as const, subresource: s, refused: NI, name: `PostObject:${s}` })),
  // A POST that selects no operation is RGW's browser form upload (RGWPostObj), which the reference does not
  // implement: with a body RGW answers 501 (before the bucket), without one 400 InvalidArgument.
  { level: 'bucket', method: 'POST', refused: NI, name: 'PostObject', when: hasBody },
  { level: 'object', method: 'POST', refused: NI, name: 'PostObject', when: hasBody },
  { level: 'bucket', method: 'POST', refused: 'InvalidArgument', name: 'PostObject', withBucket: true },
  { level: 'object', method: 'POST', refused: 'InvalidArgument', name: 'PostObject', withBucket: true },
  // CORS preflight without a CORS configuration (or Origin) is refused the same way.
  { level: 'bucket', method: 'OPTIONS', refused: 'InvalidArgument', name: 'OptionsObject' },
  { level: 'object', method: 'OPTIONS', refused: 'InvalidArgument', name: 'OptionsObject' },
];

const ROWS = Object.entries(S3_OPERATIONS) as [S3OperationName, S3Operation][];

function subresourceMatches(op: S3Operation, query: URLSearchParams): boolean {
  if (!op.subresource || !query.has(op.subresource)) return false;
  return op.subresourceValue === undefined || query.get(op.subresource) === op.subresourceValue;
}

/** The operation row for a request, or the fixed answer RGW gives it. */
export function select(level: Level, method: string, query: URLSearchParams, headers: Record<string, unknown>): S3OperationName | Refusal {
  const candidates = ROWS.filter(([, op]) => op.level === level && op.method === method);
  const hasHeader = (op: S3Operation): boolean => op.selectHeader === undefined || headers[op.selectHeader] !== undefined;
  for (const [name, op] of candidates) if (op.subresource && op.selectHeader && subresourceMatches(op, query) && hasHeader(op)) return name;
  for (const [name, op] of candidates) if (op.subresource && !op.selectHeader && subresourceMatches(op, query)) return name;
  for (const rule of REFUSALS) {
    const applies = (rule.level === '*' || rule.level === level) && (rule.method === '*' || rule.method === method) && (!rule.subresource || query.has(rule.subresource));
    if (applies && (!rule.when || rule.when(headers))) {
      return { refused: rule.refused, name: rule.name, ...(rule.withBucket ? { withBucket: true } : {}) };
    }
  }
  for (const [name, op] of candidates) if (!op.subresource && op.selectHeader && hasHeader(op)) return name;
  const plain = candidates.find(([, op]) => !op.subresource && !op.selectHeader);
  return plain ? plain[0] : { refused: 'MethodNotAllowed', name: 'MethodNotAllowed' };
}
