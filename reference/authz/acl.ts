// RGW's ACL fallback (callers without an account, and the resource side of cross-account requests): the
// owner grant is full control; canned ACLs grant READ/WRITE to AllUsers or AuthenticatedUsers. The owner
// grant names a uid or an account id, so a user that joined an account still owns what its uid owns.
import type { RequestContext } from '../http/context.js';
import { userKey, type Owner } from '../identity/model.js';

const READ = new Set(['s3:getobject', 's3:listbucket', 's3:listbucketmultipartuploads', 's3:getobjectversion', 's3:listbucketversions']);
const WRITE = new Set(['s3:putobject', 's3:deleteobject', 's3:abortmultipartupload']);

function isOwner(ctx: RequestContext, owner: Owner): boolean {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') {
    if (owner.kind === 'user') return owner.id === userKey(p.user.tenant, p.user.id);
    return owner.id === p.user.accountId;
  }
  if (p.kind === 'role') return owner.kind === 'account' && owner.id === p.role.accountId;
  return false;
}

export function aclAllows(ctx: RequestContext, action: string, owner: Owner, bucketAcl?: string, objectAcl?: string): boolean {
  if (isOwner(ctx, owner)) return true;
  const a = action.toLowerCase();
  const acl = (a === 's3:getobject' || a === 's3:getobjectacl' ? objectAcl : undefined) ?? bucketAcl ?? 'private';
  const authenticated = ctx.principal.kind !== 'anonymous';
  if (READ.has(a)) return acl === 'public-read' || acl === 'public-read-write' || (authenticated && acl === 'authenticated-read');
  if (WRITE.has(a)) return acl === 'public-read-write';
  return false;
}
