// Decision vectors: identity, bucket, session and trust policies combined as RGW 20.2.4 does. Each vector
// names its source (a probe on the real RGW, or the RGW source file that decides it).
import t from 'tap';
import { readFileSync } from 'node:fs';
import {
  decide,
  MANAGED_POLICIES,
  parsePolicy,
  principalFacts,
  type DecideInput,
  type NamedPolicy,
  type PolicyKind,
  type PrincipalFacts,
} from '../../reference/policy/index.js';

type Doc = string | Record<string, unknown>;
interface DecideVector {
  name: string;
  source: string;
  principal: string;
  action?: string;
  resource?: string;
  conditions?: Record<string, string[]>;
  identity?: Doc[];
  bucketPolicy?: Doc;
  bucketPolicyTenant?: string;
  trustPolicy?: Doc;
  session?: Doc[];
  input?: Partial<Pick<DecideInput, 'resourceAccount' | 'isResourceOwner' | 'aclAllows' | 'scope' | 'mandatoryPolicy' | 'hasPrincipalTags' | 'restrictPublicBuckets'>>;
  expected: { allowed: boolean; effect?: string; blockedBy?: string };
}
type PrincipalSpec =
  | 'anonymous'
  | { user: Parameters<typeof principalFacts.user>[0] }
  | { role: Parameters<typeof principalFacts.role>[0] }
  | { webIdentity: string };

const file = JSON.parse(readFileSync(new URL('./vectors/decide.json', import.meta.url), 'utf8')) as {
  accounts: { A: string; B: string };
  principals: Record<string, PrincipalSpec>;
  vectors: DecideVector[];
};
const { A, B } = file.accounts;
const subst = <T>(x: T): T => JSON.parse(JSON.stringify(x).replaceAll('$A', A).replaceAll('$B', B)) as T;

function facts(spec: PrincipalSpec): PrincipalFacts {
  if (spec === 'anonymous') return principalFacts.anonymous();
  if ('user' in spec) return principalFacts.user(spec.user);
  if ('role' in spec) return principalFacts.role(spec.role);
  return principalFacts.webIdentity(spec.webIdentity);
}

function policy(doc: Doc, kind: PolicyKind, tenant?: string): NamedPolicy['policy'] {
  if (typeof doc === 'string' && doc.startsWith('managed:')) return parsePolicy(MANAGED_POLICIES[doc.slice(8)]!, kind, { tenant: null });
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  return parsePolicy(text, kind, tenant === undefined ? {} : { tenant });
}

function input(raw: DecideVector): DecideInput {
  const v = subst(raw);
  const out: DecideInput = {
    facts: {
      action: v.action ?? 's3:GetObject',
      resource: v.resource ?? 'arn:aws:s3:::bkt/obj',
      principal: facts(subst(file.principals[v.principal]!)),
      conditions: v.conditions ?? {},
    },
    identityPolicies: (v.identity ?? []).map((d, i) => ({ name: `identity:${i}`, policy: policy(d, 'identity') })),
    ...v.input,
  };
  if (v.bucketPolicy) out.resourcePolicy = { name: 'bucket-policy', policy: policy(v.bucketPolicy, 'resource', v.bucketPolicyTenant) };
  if (v.trustPolicy) out.resourcePolicy = { name: 'trust', policy: policy(v.trustPolicy, 'trust') };
  if (v.session) out.sessionPolicies = v.session.map((d, i) => ({ name: `session:${i}`, policy: policy(d, 'session') }));
  return out;
}

t.ok(file.vectors.length >= 150, `${file.vectors.length} decision vectors`);
for (const v of file.vectors) {
  t.test(v.name, async (t) => {
    const d = decide(input(v));
    const got: Record<string, unknown> = { allowed: d.allowed };
    if (v.expected.effect !== undefined) got.effect = d.effect;
    if (v.expected.blockedBy !== undefined) got.blockedBy = d.blockedBy;
    t.same(got, v.expected, v.source);
    t.ok(d.because.length > 0, 'the decision is explained');
  });
}
