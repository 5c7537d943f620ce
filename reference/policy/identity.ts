// Does a Principal element name the caller? RGW asks each auth applier (rgw_auth.cc is_identity()):
// - users: "*"; an account principal (arn:aws:iam::X:root or bare X) when X is the caller's account id OR its
//   tenant ('' for most users, so `arn:aws:iam:::root` matches every untenanted user and anonymous); a user
//   principal by path+display name under the caller's account id, or by path+uid under its tenant, with an
//   optional `:subuser` or `:*` suffix.
// - role sessions: "*"; account as above; role by path+name under account or tenant; assumed-role only under
//   the role's TENANT (so arn:aws:sts::<account-id>:assumed-role/... never matches an account role); and a
//   user principal naming the uid the session was issued to, under that user's tenant.
// - web identity (AssumeRoleWithWebIdentity): only a Federated oidc-provider with the issuer's URL; not "*".
import type { CallerIdentity } from './facts.js';
import type { PolicyPrincipal } from './types.js';

// rgw_auth.cc match_principal(): expected = <path without leading '/'><name>[:<subuser>|:*]
function matchPrincipal(path: string, name: string, subuser: string, expected: string): boolean {
  const p = path.startsWith('/') ? path.slice(1) : path;
  if (!expected.startsWith(p)) return false;
  let rest = expected.slice(p.length);
  if (!rest.startsWith(name)) return false;
  rest = rest.slice(name.length);
  if (rest === '') return true;
  if (!rest.startsWith(':')) return false;
  rest = rest.slice(1);
  if (rest === '') return false;
  return rest === '*' || rest === subuser;
}

function matchAccountOrTenant(account: string | undefined, tenant: string, expected: string): boolean {
  return (account !== undefined && account === expected) || tenant === expected;
}

export function identityMatches(who: CallerIdentity, p: PolicyPrincipal): boolean {
  switch (who.type) {
    case 'anonymous':
      return userMatches({ type: 'user', tenant: '', userId: 'anonymous', displayName: '', path: '' }, p);
    case 'user':
      return userMatches(who, p);
    case 'role':
      return roleMatches(who, p);
    case 'web-identity':
      return p.type === 'oidc-provider' && p.url === who.idpUrl;
  }
}

function userMatches(u: Extract<CallerIdentity, { type: 'user' }>, p: PolicyPrincipal): boolean {
  const path = u.path ?? '/';
  const subuser = u.subuser ?? '';
  switch (p.type) {
    case 'wildcard':
      return true;
    case 'account':
      return matchAccountOrTenant(u.account, u.tenant, p.account);
    case 'user':
      // account users match both account- and tenant-based ARNs
      if (u.account !== undefined && p.account === u.account) return matchPrincipal(path, u.displayName, subuser, p.id);
      return p.account === u.tenant && matchPrincipal(path, u.userId, subuser, p.id);
    default:
      return false;
  }
}

function roleMatches(r: Extract<CallerIdentity, { type: 'role' }>, p: PolicyPrincipal): boolean {
  switch (p.type) {
    case 'wildcard':
      return true;
    case 'account':
      return matchAccountOrTenant(r.account, r.tenant, p.account);
    case 'role':
      return matchAccountOrTenant(r.account, r.tenant, p.account) && matchPrincipal(r.path ?? '/', r.roleName, '', p.id);
    case 'assumed-role':
      return p.account === r.tenant && p.roleSession === `${r.roleName}/${r.sessionName}`;
    case 'user': {
      const t = r.tokenUser;
      const oidcId = t.ns ? `${t.ns}$${t.id}` : t.id;
      return p.id === oidcId && p.account === t.tenant;
    }
    default:
      return false;
  }
}

/** RGW's PolicyPrincipal for a role session matched by a resource policy: user/assumed-role -> Session. */
export function sessionPrincipalKind(p: PolicyPrincipal): 'Role' | 'Session' {
  return p.type === 'assumed-role' || p.type === 'user' ? 'Session' : 'Role';
}
