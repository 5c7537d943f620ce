// Bucket policies: stored as given after RGW's parser accepts them (a rejected document is 400 InvalidArgument
// with the parser's message, as RGW 20.2.4 answers — see docs/rgw-behaviour/policy.md). Enforcement is authz's.
import { GatewayError } from '../../errors.js';
import { T } from '../../identity/model.js';
import { bucketKey } from '../../bucket/model.js';
import { parsePolicy, PolicyParseError } from '../../policy/index.js';
import { authorizeOn, loadBucket, type S3Request } from './request.js';
import { sendEmpty } from './respond.js';
import { readSmallBody } from './body.js';

export async function putBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  const text = (await readSmallBody(r.ctx)).toString('utf8');
  try {
    parsePolicy(text, 'resource', { tenant: b.tenant });
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('InvalidArgument', err.message);
    throw err;
  }
  // Re-read the row: object writes changed its stats while the body was read (a stale copy would undo them).
  const now = loadBucket(r);
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(now.tenant, now.name), value: { ...now, policy: text } }]);
  sendEmpty(r.ctx, 204);
}

export async function getBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  if (b.policy === undefined) throw new GatewayError('NoSuchBucketPolicy', 'The bucket policy does not exist');
  r.ctx.res.statusCode = 200;
  r.ctx.res.setHeader('Content-Type', 'application/json');
  r.ctx.res.setHeader('Content-Length', Buffer.byteLength(b.policy));
  r.ctx.res.end(b.policy);
}

export async function deleteBucketPolicy(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  const { policy: _dropped, ...rest } = b;
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(b.tenant, b.name), value: rest }]);
  sendEmpty(r.ctx, 204);
}
