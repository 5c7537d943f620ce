// ACLs: RGW keeps a full ACL per bucket and object; the reference keeps a canned ACL and renders the grants RGW
// renders for it (the AllUsers/AuthenticatedUsers grants, then the owner's FULL_CONTROL; probed on RGW 20.2.4).
// Put*Acl takes x-amz-acl, or an AccessControlPolicy document whose grants are exactly those of a canned ACL;
// other grant sets and x-amz-grant-* headers are a deliberate gap (501 NotImplemented). Neither header nor
// body, or a body that is not XML: RGW's 400 InvalidArgument.
import { GatewayError } from '../../errors.js';
import { asArray, parseXml } from '../../http/xml.js';
import { T, type Owner } from '../../identity/model.js';
import { bucketKey, objectKey, type ObjectRecord } from '../../bucket/model.js';
import { authorizeOn, loadBucket, missingObject, ownerIdentity, type S3Request } from './request.js';
import { sendEmpty, sendXml } from './respond.js';
import { readSmallBody } from './body.js';
import { header, type RequestContext } from '../../http/context.js';

export const CANNED_ACLS = new Set(['private', 'public-read', 'public-read-write', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control']);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Group grants each canned ACL adds to the owner's FULL_CONTROL. */
const CANNED_GROUP_GRANTS: Record<string, string[]> = {
  private: [],
  'public-read': [`${ALL_USERS} READ`],
  'public-read-write': [`${ALL_USERS} READ`, `${ALL_USERS} WRITE`],
  'authenticated-read': [`${AUTH_USERS} READ`],
};

function renderAcl(ctx: RequestContext, owner: Owner, canned: string): Record<string, unknown> {
  const o = ownerIdentity(ctx, owner);
  const grants: Record<string, unknown>[] = (CANNED_GROUP_GRANTS[canned] ?? []).map((g) => {
    const [uri, permission] = g.split(' ');
    return { Grantee: { '@xmlns:xsi': XSI, '@xsi:type': 'Group', URI: uri }, Permission: permission };
  });
  grants.push({ Grantee: { '@xmlns:xsi': XSI, '@xsi:type': 'CanonicalUser', ID: o.id, DisplayName: o.displayName }, Permission: 'FULL_CONTROL' });
  return { Owner: { ID: o.id, DisplayName: o.displayName }, AccessControlList: { Grant: grants } };
}

/**
 * The canned ACL an AccessControlPolicy document amounts to, if it amounts to one. RGW's checks first: the
 * document must name the resource's owner (400 InvalidArgument, "Invalid Owner ID" when it names another) and
 * every CanonicalUser grantee must exist ("Invalid CanonicalUser id").
 */
function cannedFromDocument(ctx: RequestContext, text: string, ownerId: string): string | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch {
    throw new GatewayError('InvalidArgument');
  }
  const policy = doc.AccessControlPolicy as Record<string, unknown> | undefined;
  const owner = policy && typeof policy === 'object' ? (policy.Owner as Record<string, unknown> | undefined) : undefined;
  if (!owner || typeof owner !== 'object' || owner.ID === undefined) throw new GatewayError('InvalidArgument');
  if (String(owner.ID) !== ownerId) throw new GatewayError('InvalidArgument', 'Invalid Owner ID');
  const list = policy && typeof policy === 'object' ? (policy.AccessControlList as Record<string, unknown> | undefined) : undefined;
  const grants = asArray((list && typeof list === 'object' ? list.Grant : undefined) as Record<string, unknown> | Record<string, unknown>[] | undefined);
  let ownerFull = false;
  const groups: string[] = [];
  const known = (id: string): boolean => ctx.env.store.get(T.users, id) !== undefined || ctx.env.store.get(T.accounts, id) !== undefined;
  for (const g of grants) {
    const id = ((g.Grantee ?? {}) as Record<string, unknown>).ID;
    if (id !== undefined && !known(String(id))) throw new GatewayError('InvalidArgument', 'Invalid CanonicalUser id');
  }
  for (const g of grants) {
    const grantee = (g.Grantee ?? {}) as Record<string, unknown>;
    const permission = String(g.Permission ?? '');
    if (grantee.ID !== undefined && String(grantee.ID) === ownerId && permission === 'FULL_CONTROL') ownerFull = true;
    else if (grantee.URI !== undefined) groups.push(`${String(grantee.URI)} ${permission}`);
    else return undefined;
  }
  if (!ownerFull) return undefined;
  const key = [...groups].sort().join('|');
  return Object.keys(CANNED_GROUP_GRANTS).find((c) => [...CANNED_GROUP_GRANTS[c]!].sort().join('|') === key);
}

/** The canned ACL a Put*Acl request sets. */
async function requestedAcl(ctx: RequestContext, owner: Owner): Promise<string> {
  const body = (await readSmallBody(ctx)).toString('utf8');
  const canned = header(ctx.headers, 'x-amz-acl');
  if (canned !== undefined) {
    if (!CANNED_ACLS.has(canned)) throw new GatewayError('InvalidArgument');
    return canned;
  }
  if (Object.keys(ctx.headers).some((h) => h.startsWith('x-amz-grant-'))) {
    throw new GatewayError('NotImplemented', 'the reference gateway keeps canned ACLs only (x-amz-grant-* headers are not supported)');
  }
  if (!body.trim()) throw new GatewayError('InvalidArgument');
  const fromDoc = cannedFromDocument(ctx, body, ownerIdentity(ctx, owner).id);
  if (!fromDoc) throw new GatewayError('NotImplemented', 'the reference gateway keeps canned ACLs only (this grant set is not one)');
  return fromDoc;
}

export async function getBucketAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  sendXml(r.ctx, 'AccessControlPolicy', renderAcl(r.ctx, b.owner, b.acl));
}

export async function putBucketAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  authorizeOn(r, b);
  const acl = await requestedAcl(r.ctx, b.owner);
  // Re-read the row: object writes changed its stats while the body was read (a stale copy would undo them).
  const now = loadBucket(r);
  await r.ctx.env.store.commit([{ table: T.buckets, key: bucketKey(now.tenant, now.name), value: { ...now, acl } }]);
  r.ctx.res.setHeader('Content-Type', 'application/xml');
  sendEmpty(r.ctx);
}

export async function getObjectAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, objectKey(b.marker, r.key!));
  if (!o) throw missingObject(r, b);
  authorizeOn(r, b, { key: r.key, owner: o.owner, objectAcl: o.acl });
  sendXml(r.ctx, 'AccessControlPolicy', renderAcl(r.ctx, o.owner, o.acl));
}

export async function putObjectAcl(r: S3Request): Promise<void> {
  const b = loadBucket(r);
  const k = objectKey(b.marker, r.key!);
  const o = r.ctx.env.store.get<ObjectRecord>(T.objects, k);
  if (!o) throw missingObject(r, b);
  authorizeOn(r, b, { key: r.key, owner: o.owner, objectAcl: o.acl });
  const acl = await requestedAcl(r.ctx, o.owner);
  const now = r.ctx.env.store.get<ObjectRecord>(T.objects, k);
  if (!now) throw new GatewayError('NoSuchKey');
  await r.ctx.env.store.commit([{ table: T.objects, key: k, value: { ...now, acl } }]);
  r.ctx.res.setHeader('Content-Type', 'application/xml');
  sendEmpty(r.ctx);
}
