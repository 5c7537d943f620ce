// x-amz-copy-source as RGW parses it (RGWCopyObj::parse_copy_location): "[/]bucket/key[?versionId=V]", the
// query split off before URL-decoding (so %3F stays part of the key), '+' kept as '+'; `tenant:bucket` names
// another tenant's bucket. No key, or no '/', is 400 InvalidArgument (raised while RGW picks the op, so the
// error has no BucketName).
import { GatewayError } from '../../errors.js';

export interface CopySource {
  /** undefined: the caller's tenant. */
  tenant?: string;
  bucket: string;
  key: string;
  versionId?: string;
}

export function parseCopySource(value: string): CopySource {
  const q = value.indexOf('?');
  let name = q < 0 ? value : value.slice(0, q);
  const params = q < 0 ? '' : value.slice(q + 1);
  if (name.startsWith('/')) name = name.slice(1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    throw new GatewayError('InvalidArgument');
  }
  const slash = decoded.indexOf('/');
  if (slash < 0 || slash === decoded.length - 1) throw new GatewayError('InvalidArgument');
  let bucket = decoded.slice(0, slash);
  let tenant: string | undefined;
  const colon = bucket.indexOf(':');
  if (colon >= 0) {
    tenant = bucket.slice(0, colon);
    bucket = bucket.slice(colon + 1);
  }
  const versionId = params ? new URLSearchParams(params).get('versionId') ?? undefined : undefined;
  return { tenant, bucket, key: decoded.slice(slash + 1), ...(versionId !== undefined ? { versionId } : {}) };
}
