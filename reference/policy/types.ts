// The parsed shape of a policy document, mirroring RGW's rgw::IAM::Policy / Statement / Condition
// (rgw_iam_policy.h). Everything here is plain data: parse.ts builds it, evaluate.ts reads it.

export type Effect = 'Allow' | 'Deny';
/** RGW's rgw::IAM::Effect: a policy or statement either decides, or passes. */
export type Verdict = 'Allow' | 'Deny' | 'Pass';
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'session';
export type PolicyVersion = '2008-10-17' | '2012-10-17';

/** RGW's rgw::Partition and rgw::Service, '*' being the wildcard. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/**
 * A principal as RGW's parse_principal() keeps it (rgw::auth::Principal). `account` is RGW's tenant-or-account
 * field ('' for `arn:aws:iam:::...`); `id` is everything after `user/` or `role/` (path included).
 */
export type PolicyPrincipal =
  | { type: 'user'; account: string; id: string }
  | { type: 'role'; account: string; id: string }
  | { type: 'account'; account: string }
  | { type: 'wildcard' }
  | { type: 'oidc-provider'; url: string }
  | { type: 'assumed-role'; account: string; roleSession: string }
  | { type: 'service'; name: string };

export interface Condition {
  /** The operator without IfExists, e.g. 'StringEquals', 'ForAnyValue:StringLike'. */
  operator: string;
  /** The condition key exactly as written: RGW looks keys up case-sensitively. */
  key: string;
  ifExists: boolean;
  /** Values as written (numbers keep their JSON text). */
  values: string[];
  /** Some value is a `${key}` reference; RGW then compares against the env values of the LAST value's key. */
  runtime: boolean;
}

export interface Statement {
  /** Position in the document, for explanations. */
  index: number;
  sid?: string;
  /** RGW defaults a statement without Effect to Deny. */
  effect: Effect;
  principals: PolicyPrincipal[];
  notPrincipals: PolicyPrincipal[];
  /** Canonical action names the Action element names (RGW's action bitset). */
  actions: Set<string>;
  notActions: Set<string>;
  resources: Arn[];
  notResources: Arn[];
  conditions: Condition[];
}

export interface Policy {
  text: string;
  kind: PolicyKind;
  version: PolicyVersion;
  id?: string;
  statements: Statement[];
}
