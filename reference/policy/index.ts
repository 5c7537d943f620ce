// RGW's IAM policy language as a pure module: parse a document as RGW 20.2 does, evaluate it, and combine
// identity, resource, session and trust policies into one decision with explanations. No I/O, no clock:
// everything about the request comes in RequestFacts. See README.md for the RGW rules encoded here.
export type { Effect, Verdict, Policy, PolicyKind, PolicyVersion, Statement, Condition, PolicyPrincipal, Arn } from './types.js';
export { PolicyParseError } from './errors.js';
export { parsePolicy, type ParseOptions } from './parse.js';
export type { RequestFacts, PrincipalFacts, CallerIdentity } from './facts.js';
export { principalFacts } from './facts.js';
export { evaluatePolicy, splitRequestArn, type Explanation, type ExplanationEffect, type PolicyResult, type PrincipalKind } from './evaluate.js';
export { decide, type Decision, type DecideInput, type NamedPolicy } from './decide.js';
export { MANAGED_POLICIES, MANAGED_POLICY_ARN_PREFIX, managedPolicyText } from './managed.js';
export { ACTIONS, POLICY_ACTION_NAMES, canonicalAction, actionsNamedBy } from './actions.js';
export { parseArn, arnMatches, arnToString } from './arn.js';
export { fnmatch, matchPolicy } from './match.js';
export { identityMatches } from './identity.js';
export { isPublic } from './public.js';
export { CONDITION_OPERATORS } from './keywords.js';
