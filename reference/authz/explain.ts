// One line per decision for the decision log: what allowed it, or what refused it.
import type { Decision, Explanation } from '../policy/index.js';

const where = (e: Explanation): string => (e.statement ? `${e.policy} statement ${e.statement}` : e.policy);

export function explain(d: Decision, action: string, principal: string): string {
  const because = d.because as Explanation[];
  if (d.allowed) {
    const by = because.filter((e) => e.effect === 'Allow' || e.effect.startsWith('Allow('));
    const last = by[by.length - 1];
    // Rules (account root, ACL, caps) carry no statement: their reason says which rule.
    return last ? `allowed: ${action} by ${by.map(where).join(', ')}${last.statement ? '' : ` (${last.reason})`}` : `allowed: ${action}`;
  }
  const deny = because.find((e) => e.effect === 'Deny');
  if (deny) return `denied: explicit Deny in ${where(deny)} for ${principal}`;
  const why = [...because].reverse().find((e) => e.effect === 'ImplicitDeny');
  return `denied: ${action} for ${principal}: ${why?.reason ?? 'no policy allows it'}`;
}
