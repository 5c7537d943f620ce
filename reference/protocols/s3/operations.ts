// The S3 operation table: wire name → level, how the request selects it, and its handler. `select()` picks
// the row for a request in RGW's order (sub-resources first, then method).
import type { S3Request } from './request.js';
import * as acl from './acl.js';
import * as buckets from './buckets.js';
import * as list from './list.js';
import * as multipart from './multipart.js';
import * as objects from './objects.js';
import * as policy from './bucket-policy.js';

export type Level = 'service' | 'bucket' | 'object';

export interface S3Operation {
  level: Level;
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  /** Query parameter that selects this row at its level and method. */
  subresource?: string;
  /** Request header that selects this row (x-amz-copy-source). */
  selectHeader?: string;
  handler: (r: S3Request) => Promise<void>;
}

export const S3_OPERATIONS = {
  ListBuckets: { level: 'service', method: 'GET', handler: buckets.listBuckets },
  CreateBucket: { level: 'bucket', method: 'PUT', handler: buckets.createBucket },
  HeadBucket: { level: 'bucket', method: 'HEAD', handler: buckets.headBucket },
  DeleteBucket: { level: 'bucket', method: 'DELETE', handler: buckets.deleteBucket },
  GetBucketLocation: { level: 'bucket', method: 'GET', subresource: 'location', handler: buckets.getBucketLocation },
  GetBucketVersioning: { level: 'bucket', method: 'GET', subresource: 'versioning', handler: buckets.getBucketVersioning },
  GetBucketAcl: { level: 'bucket', method: 'GET', subresource: 'acl', handler: acl.getBucketAcl },
  PutBucketAcl: { level: 'bucket', method: 'PUT', subresource: 'acl', handler: acl.putBucketAcl },
  GetBucketPolicy: { level: 'bucket', method: 'GET', subresource: 'policy', handler: policy.getBucketPolicy },
  PutBucketPolicy: { level: 'bucket', method: 'PUT', subresource: 'policy', handler: policy.putBucketPolicy },
  DeleteBucketPolicy: { level: 'bucket', method: 'DELETE', subresource: 'policy', handler: policy.deleteBucketPolicy },
  ListMultipartUploads: { level: 'bucket', method: 'GET', subresource: 'uploads', handler: multipart.listMultipartUploads },
  ListObjectsV2: { level: 'bucket', method: 'GET', subresource: 'list-type', handler: (r) => list.listObjects(r, true) },
  ListObjects: { level: 'bucket', method: 'GET', handler: (r) => list.listObjects(r, false) },
  DeleteObjects: { level: 'bucket', method: 'POST', subresource: 'delete', handler: objects.deleteObjects },
  GetObjectAcl: { level: 'object', method: 'GET', subresource: 'acl', handler: acl.getObjectAcl },
  PutObjectAcl: { level: 'object', method: 'PUT', subresource: 'acl', handler: acl.putObjectAcl },
  ListParts: { level: 'object', method: 'GET', subresource: 'uploadId', handler: multipart.listParts },
  GetObject: { level: 'object', method: 'GET', handler: objects.getObject },
  HeadObject: { level: 'object', method: 'HEAD', handler: objects.headObject },
  UploadPart: { level: 'object', method: 'PUT', subresource: 'uploadId', handler: multipart.uploadPart },
  CopyObject: { level: 'object', method: 'PUT', selectHeader: 'x-amz-copy-source', handler: objects.copyObject },
  PutObject: { level: 'object', method: 'PUT', handler: objects.putObject },
  CreateMultipartUpload: { level: 'object', method: 'POST', subresource: 'uploads', handler: multipart.createMultipartUpload },
  CompleteMultipartUpload: { level: 'object', method: 'POST', subresource: 'uploadId', handler: multipart.completeMultipartUpload },
  AbortMultipartUpload: { level: 'object', method: 'DELETE', subresource: 'uploadId', handler: multipart.abortMultipartUpload },
  DeleteObject: { level: 'object', method: 'DELETE', handler: objects.deleteObjectOp },
} satisfies Record<string, S3Operation>;

export type S3OperationName = keyof typeof S3_OPERATIONS;

const ROWS = Object.entries(S3_OPERATIONS) as [S3OperationName, S3Operation][];

/** Sub-resources RGW knows but the reference does not implement: answered NotImplemented, never mistaken for a plain GET/PUT. */
const UNSUPPORTED_SUBRESOURCES = ['cors', 'lifecycle', 'tagging', 'website', 'notification', 'replication', 'logging', 'encryption', 'object-lock', 'legal-hold', 'retention', 'requestPayment', 'accelerate', 'ownershipControls', 'publicAccessBlock', 'versions', 'torrent', 'restore', 'select', 'attributes', 'analytics', 'metrics', 'inventory', 'intelligent-tiering'];

export function select(level: Level, method: string, query: URLSearchParams, headers: Record<string, unknown>): S3OperationName | 'NotImplemented' | 'MethodNotAllowed' {
  const candidates = ROWS.filter(([, op]) => op.level === level && op.method === method);
  if (!candidates.length) return 'MethodNotAllowed';
  for (const [name, op] of candidates) if (op.subresource && query.has(op.subresource)) return name;
  if (UNSUPPORTED_SUBRESOURCES.some((s) => query.has(s))) return 'NotImplemented';
  for (const [name, op] of candidates) if (!op.subresource && op.selectHeader && headers[op.selectHeader] !== undefined) return name;
  const plain = candidates.find(([, op]) => !op.subresource && !op.selectHeader);
  return plain ? plain[0] : 'MethodNotAllowed';
}
