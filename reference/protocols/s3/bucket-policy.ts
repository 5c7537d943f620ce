// Bucket policies: stored as given after RGW's parser accepts them (a rejected document is 400 InvalidArgument
// with the parser's message, as RGW 20.2.4 answers — see docs/rgw-behaviour/policy.md). Enforcement is authz's.
import { authorize } from '../../authz/authorize.js';
import { GatewayError } from '../../errors.js';
import { T } from '../../identity/model.js';
import { bucketKey } from '../../bucket/model.js';
import { parsePolicy, PolicyParseError } from '../../policy/index.js';
import { loadBucket, s3Arn, type S3Request } from './request.js';
import { sendEmpty } from './respond.js';
import { readSmallBody } from './body.js';

export async function putBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:PutBucketPolicy', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const text = (await readSmallBody(r.ctx)).toString('utf8');
  try {
    parsePolicy(text, 'resource', { tenant: b.tenant });
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('InvalidArgument', err.message, { BucketName: b.name });
    throw err;
  }
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: { ...b, policy: text } }]);
  sendEmpty(r.ctx, 204);
}

export async function getBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:GetBucketPolicy', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  if (b.policy === undefined) throw new GatewayError('NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: b.name });
  r.ctx.res.statusCode = 200;
  r.ctx.res.setHeader('Content-Type', 'application/json');
  r.ctx.res.setHeader('Content-Length', Buffer.byteLength(b.policy));
  r.ctx.res.end(b.policy);
}

export async function deleteBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorize(r.ctx, { action: 's3:DeleteBucketPolicy', resource: s3Arn(b), owner: b.owner, bucketPolicy: b.policy, bucketTenant: b.tenant, bucketAcl: b.acl });
  const { policy: _dropped, ...rest } = b;
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: rest }]);
  sendEmpty(r.ctx, 204);
}
