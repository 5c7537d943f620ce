// The policy grammar's keywords (rgw_iam_policy_keywords.gperf): where each may appear and whether it takes
// an array or an object. Lookup is exact and case-sensitive, as gperf's strncmp lookup is.

export type TokenKind = 'pseudo' | 'top' | 'statement' | 'cond_op' | 'cond_key' | 'version_key' | 'effect_key' | 'princ_type';

export interface Keyword {
  name: string;
  kind: TokenKind;
  arrayable: boolean;
  objectable: boolean;
}

const kw = (name: string, kind: TokenKind, arrayable: boolean, objectable: boolean): Keyword => ({
  name,
  kind,
  arrayable,
  objectable,
});

/** The condition operators RGW parses (IfExists is stripped before lookup, so every one has that form). */
export const CONDITION_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike',
  'StringNotLike', 'ForAllValues:StringEquals', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike',
  'ForAnyValue:StringLike', 'ForAllValues:StringEqualsIgnoreCase', 'ForAnyValue:StringEqualsIgnoreCase',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan',
  'NumericGreaterThanEquals', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan',
  'DateGreaterThanEquals', 'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnNotEquals', 'ArnLike',
  'ArnNotLike', 'Null',
] as const;

export const TOP = kw('<Top>', 'pseudo', false, false);
export const COND_KEY = kw('<Condition Key>', 'cond_key', true, false);

const TABLE: Keyword[] = [
  kw('Version', 'top', false, false),
  kw('Id', 'top', false, false),
  kw('Statement', 'top', true, true),
  kw('Sid', 'statement', false, false),
  kw('Effect', 'statement', false, false),
  kw('Principal', 'statement', false, true),
  kw('NotPrincipal', 'statement', true, true),
  kw('Action', 'statement', true, false),
  kw('NotAction', 'statement', true, false),
  kw('Resource', 'statement', true, false),
  kw('NotResource', 'statement', true, false),
  kw('Condition', 'statement', true, true),
  ...CONDITION_OPERATORS.map((op) => kw(op, 'cond_op', true, true)),
  kw('2008-10-17', 'version_key', false, false),
  kw('2012-10-17', 'version_key', false, false),
  kw('Allow', 'effect_key', false, false),
  kw('Deny', 'effect_key', false, false),
  kw('AWS', 'princ_type', true, false),
  kw('Federated', 'princ_type', true, false),
  kw('Service', 'princ_type', true, false),
  kw('CanonicalUser', 'princ_type', true, false),
];

const BY_NAME = new Map(TABLE.map((k) => [k.name, k]));

export function lookupKeyword(s: string): Keyword | undefined {
  return BY_NAME.get(s);
}

/** RGW's "seen" bits: keywords that may appear once per object (the PolicyParser::dex() set). */
export const ONCE: ReadonlySet<string> = new Set([
  'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource',
  'NotResource', 'Condition', 'AWS', 'Federated', 'Service', 'CanonicalUser',
]);

/** The subset RGW clears when an object inside an array ends (statement-level bits, PolicyParser::set). */
export const STATEMENT_LEVEL: ReadonlySet<string> = new Set([
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'AWS',
  'Federated', 'Service', 'CanonicalUser',
]);
