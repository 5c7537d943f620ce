// Turn the authenticated principal and the request into the policy engine's facts (RGW's auth applier and
// rgw_build_iam_environment): who asks, its policies, and the condition keys RGW fills.
import type { RequestContext } from '../http/context.js';
import { header } from '../http/context.js';
import { T, type GroupRecord, type RoleRecord, type UserRecord } from '../identity/model.js';
import { managedPolicyText, parsePolicy, principalFacts, type NamedPolicy, type Policy, type PrincipalFacts, type PolicyKind } from '../policy/index.js';

/** Parsed policies by text: parsing is pure, and the same documents are evaluated on every request. */
export class PolicyCache {
  private readonly cache = new Map<string, Policy>();
  parse(text: string, kind: PolicyKind, tenant?: string | null): Policy {
    const key = `${kind}\u0000${tenant ?? '\u0001'}\u0000${text}`;
    let p = this.cache.get(key);
    if (!p) {
      p = parsePolicy(text, kind, tenant === undefined ? {} : { tenant });
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(key, p);
    }
    return p;
  }
}

export function callerFacts(ctx: RequestContext): PrincipalFacts {
  // AssumeRoleWithWebIdentity evaluates the trust policy for the token's identity, not the (unsigned) caller.
  const web = (ctx as RequestContext & { webIdentityFacts?: PrincipalFacts }).webIdentityFacts;
  if (web) return web;
  const p = ctx.principal;
  switch (p.kind) {
    case 'anonymous':
      return principalFacts.anonymous();
    case 'user':
    case 'user-session':
      return principalFacts.user({
        tenant: p.user.tenant,
        userId: p.user.id,
        displayName: p.user.displayName,
        path: p.user.path,
        account: p.user.accountId,
        isAccountRoot: p.user.accountId ? p.user.accountRoot : undefined,
      });
    case 'role':
      return principalFacts.role({
        tenant: p.role.tenant,
        roleName: p.role.name,
        path: p.role.path,
        account: p.role.accountId,
        sessionName: p.sessionName,
        tokenUser: p.tokenUser ?? { tenant: p.role.tenant, id: p.sourceIdentity },
      });
  }
}

function managedAndInline(cache: PolicyCache, owner: string, inline: Record<string, string>, managed: string[], tenant: string | null): NamedPolicy[] {
  const out: NamedPolicy[] = [];
  for (const [name, text] of Object.entries(inline)) out.push({ name: `${owner}:inline:${name}`, policy: cache.parse(text, 'identity', tenant) });
  for (const arn of managed) {
    const text = managedPolicyText(arn);
    if (text) out.push({ name: `${owner}:managed:${arn.split('/').pop()}`, policy: cache.parse(text, 'identity', null) });
  }
  return out;
}

/** The caller's identity policies: a user's inline, managed and group policies; a role session's role policies. */
export function identityPolicies(ctx: RequestContext, cache: PolicyCache): NamedPolicy[] {
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') {
    const u: UserRecord = p.user;
    const tenant = u.accountId ? null : u.tenant;
    const out = managedAndInline(cache, 'user', u.inlinePolicies ?? {}, u.managedPolicies ?? [], tenant);
    for (const gid of u.groups ?? []) {
      const g = ctx.env.store.get<GroupRecord>(T.groups, gid);
      if (g) out.push(...managedAndInline(cache, `group/${g.name}`, g.inlinePolicies, g.managedPolicies, null));
    }
    return out;
  }
  if (p.kind === 'role') {
    const r: RoleRecord = ctx.env.store.get<RoleRecord>(T.roles, p.roleKey ?? '') ?? p.role;
    return managedAndInline(cache, `role/${r.name}`, r.inlinePolicies, r.managedPolicies, r.accountId ? null : r.tenant);
  }
  return [];
}

export function baseConditions(ctx: RequestContext): Record<string, string[]> {
  const now = ctx.env.clock.now();
  const c: Record<string, string[]> = {
    'aws:CurrentTime': [String(Math.floor(now / 1000))],
    'aws:EpochTime': [new Date(now).toISOString()],
    'aws:PrincipalType': ['User'],
    'aws:SourceIp': [ctx.req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? ''],
  };
  const ua = header(ctx.headers, 'user-agent');
  if (ua) c['aws:UserAgent'] = [ua];
  const referer = header(ctx.headers, 'referer');
  if (referer) c['aws:Referer'] = [referer];
  const p = ctx.principal;
  if (p.kind === 'user' || p.kind === 'user-session') {
    c['aws:username'] = [p.user.id];
    c['rgw:subuser'] = [''];
    c['sts:authentication'] = [p.kind === 'user-session' ? 'true' : 'false'];
  } else if (p.kind === 'role') {
    c['aws:userid'] = [`${p.role.id}:${p.sessionName}`];
    c['sts:authentication'] = ['true'];
    if (p.issuedAt) c['aws:TokenIssueTime'] = [new Date(p.issuedAt).toISOString()];
    for (const [k, v] of Object.entries(p.sessionTags ?? {})) c[`aws:PrincipalTag/${k}`] = [v];
  }
  return c;
}
