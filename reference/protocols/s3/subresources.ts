// Bucket and object sub-resources the reference keeps no configuration for, answered the way RGW 20.2.4
// answers a bucket that has none (probed; docs/rgw-behaviour/s3.md). Writing these configurations is a
// deliberate gap (501 NotImplemented, see operations.ts); deleting one that cannot exist is RGW's 204.
import { GatewayError } from '../../errors.js';
import { renderXml } from '../../http/xml.js';
import { T } from '../../identity/model.js';
import { objectKey, type ObjectRecord } from '../../bucket/model.js';
import { authorizeOn, loadBucket, missingObject, type S3Request } from './request.js';
import { sendEmpty, sendXml } from './respond.js';

/** Authorize the row's action on the bucket; the bucket must exist. */
function bucketOp(r: S3Request): void {
  authorizeOn(r, loadBucket(r));
}

export async function getBucketCors(r: S3Request): Promise<void> {
  bucketOp(r);
  throw new GatewayError('NoSuchCORSConfiguration');
}

export async function getBucketLifecycle(r: S3Request): Promise<void> {
  bucketOp(r);
  throw new GatewayError('NoSuchLifecycleConfiguration');
}

export async function getBucketTagging(r: S3Request): Promise<void> {
  bucketOp(r);
  throw new GatewayError('NoSuchTagSet');
}

export async function getBucketEncryption(r: S3Request): Promise<void> {
  bucketOp(r);
  throw new GatewayError('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found');
}

export async function getObjectLockConfiguration(r: S3Request): Promise<void> {
  bucketOp(r);
  throw new GatewayError('ObjectLockConfigurationNotFoundError');
}

export async function getBucketRequestPayment(r: S3Request): Promise<void> {
  bucketOp(r);
  sendXml(r.ctx, 'RequestPaymentConfiguration', { Payer: 'BucketOwner' });
}

export async function getBucketLogging(r: S3Request): Promise<void> {
  bucketOp(r);
  sendXml(r.ctx, 'BucketLoggingStatus', {});
}

export async function getBucketNotification(r: S3Request): Promise<void> {
  bucketOp(r);
  // RGW writes this one without the XML declaration and without a namespace.
  const xml = renderXml({ NotificationConfiguration: '' }).replace(/^<\?xml[^>]*\?>/, '');
  r.ctx.res.statusCode = 200;
  r.ctx.res.setHeader('Content-Type', 'application/xml');
  r.ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  r.ctx.res.end(xml);
}

/** DELETE of a configuration the reference never stores: RGW's 204 for a bucket without one. */
export async function deleteNothing(r: S3Request): Promise<void> {
  bucketOp(r);
  sendEmpty(r.ctx, 204);
}

function existingObject(r: S3Request): void {
  const b = loadBucket(r);
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
  if (!o) throw missingObject(r, b);
  authorizeOn(r, b, { key: r.key, owner: o.owner, objectAcl: o.acl });
}

export async function getObjectTagging(r: S3Request): Promise<void> {
  existingObject(r);
  sendXml(r.ctx, 'Tagging', { TagSet: '' });
}

export async function deleteObjectTagging(r: S3Request): Promise<void> {
  existingObject(r);
  sendEmpty(r.ctx, 204);
}
