// Principal elements: RGW's ParseState::parse_principal() and the flat_set RGW keeps them in.
import { parseArn } from './arn.js';
import type { PolicyPrincipal } from './types.js';

export type PrincipalParse = { principal: PolicyPrincipal } | { error: string };

/**
 * One string under AWS / Federated / Service / CanonicalUser. AWS "*" is the wildcard; an ARN ending in
 * `:root` names an account (or tenant); `user/`, `role/`, `assumed-role/` and `oidc-provider/` ARNs name those
 * (any known service, e.g. arn:aws:s3::A:root, is accepted); a bare string without ':' or '/' names an
 * account (so Federated "*" names an account called "*", matching nobody). Every other AWS/Federated form is
 * "RGW does not support principals of type `AWS`." (RGW overwrites its more specific message).
 */
export function parsePrincipal(type: string, s: string): PrincipalParse {
  if (type === 'AWS' && s === '*') return { principal: { type: 'wildcard' } };
  if (type === 'CanonicalUser') return { error: 'RGW does not support canonical users.' };
  if (type === 'AWS' || type === 'Federated') {
    const a = parseArn(s, false);
    if (a) {
      if (a.resource === 'root') return { principal: { type: 'account', account: a.account } };
      const m = /^([^/\n\r]*)\/(.*)$/.exec(a.resource);
      if (m) {
        const [, kind, rest] = m as unknown as [string, string, string];
        if (kind === 'user') return { principal: { type: 'user', account: a.account, id: rest } };
        if (kind === 'role') return { principal: { type: 'role', account: a.account, id: rest } };
        if (kind === 'oidc-provider') return { principal: { type: 'oidc-provider', url: rest } };
        if (kind === 'assumed-role') return { principal: { type: 'assumed-role', account: a.account, roleSession: rest } };
      }
    } else if (!s.includes(':') && !s.includes('/')) {
      return { principal: { type: 'account', account: s } };
    }
  } else if (type === 'Service') {
    return { principal: { type: 'service', name: s } };
  }
  return { error: `RGW does not support principals of type \`${type}\`.` };
}

// rgw::auth::Principal's order: (type, tenant, id), types in enum order. Its == ignores the OIDC URL, so a
// second Federated oidc-provider in one statement is dropped as a duplicate, as in RGW's flat_set.
const TYPE_ORDER: Record<PolicyPrincipal['type'], number> = {
  user: 0,
  role: 1,
  account: 2,
  wildcard: 3,
  'oidc-provider': 4,
  'assumed-role': 5,
  service: 6,
};

function sortKey(p: PolicyPrincipal): [number, string, string] {
  switch (p.type) {
    case 'user':
    case 'role':
      return [TYPE_ORDER[p.type], p.account, p.id];
    case 'account':
      return [TYPE_ORDER.account, p.account, ''];
    case 'assumed-role':
      return [TYPE_ORDER['assumed-role'], p.account, p.roleSession];
    case 'service':
      return [TYPE_ORDER.service, '', p.name];
    default:
      return [TYPE_ORDER[p.type], '', ''];
  }
}

function compare(a: PolicyPrincipal, b: PolicyPrincipal): number {
  const [x, y] = [sortKey(a), sortKey(b)];
  for (let i = 0; i < 3; i++) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return 0;
}

/** flat_set::emplace: keeps the set sorted and ignores an element equal to one already there. */
export function insertPrincipal(set: PolicyPrincipal[], p: PolicyPrincipal): void {
  let i = 0;
  while (i < set.length && compare(set[i]!, p) < 0) i++;
  if (i < set.length && compare(set[i]!, p) === 0) return;
  set.splice(i, 0, p);
}

export function principalToString(p: PolicyPrincipal): string {
  switch (p.type) {
    case 'wildcard':
      return '*';
    case 'account':
      return `arn:aws:iam::${p.account}:root`;
    case 'user':
      return `arn:aws:iam::${p.account}:user/${p.id}`;
    case 'role':
      return `arn:aws:iam::${p.account}:role/${p.id}`;
    case 'assumed-role':
      return `arn:aws:sts::${p.account}:assumed-role/${p.roleSession}`;
    case 'oidc-provider':
      return `arn:aws:iam:::oidc-provider/${p.url}`;
    case 'service':
      return `service:${p.name}`;
  }
}
