// RGW's ACL fallback for callers without an account (and cross-account resource checks): the owner has full
// control; canned ACLs grant READ/WRITE to AllUsers or AuthenticatedUsers.
import type { RequestContext } from '../http/context.js';
import { userKey, type Owner } from '../identity/model.js';

const READ = new Set(['s3:getobject', 's3:listbucket', 's3:listbucketmultipartuploads', 's3:getobjectversion', 's3:listbucketversions']);
const WRITE = new Set(['s3:putobject', 's3:deleteobject', 's3:abortmultipartupload']);

export function aclAllows(ctx: RequestContext, action: string, owner: Owner, bucketAcl?: string, objectAcl?: string): boolean {
  const p = ctx.principal;
  const a = action.toLowerCase();
  if (p.kind === 'user' || p.kind === 'user-session') {
    const me: Owner = p.user.accountId ? { kind: 'account', id: p.user.accountId } : { kind: 'user', id: userKey(p.user.tenant, p.user.id) };
    if (me.kind === owner.kind && me.id === owner.id) return true;
  }
  const acl = (a === 's3:getobject' || a === 's3:getobjectacl' ? objectAcl : undefined) ?? bucketAcl ?? 'private';
  const authenticated = p.kind !== 'anonymous';
  if (READ.has(a)) return acl === 'public-read' || acl === 'public-read-write' || (authenticated && acl === 'authenticated-read');
  if (WRITE.has(a)) return acl === 'public-read-write';
  return false;
}
