// String operators. StringLike is fnmatch (so `[` `]` `?` `*` and backslash are special), case-sensitive;
// IgnoreCase is ASCII-only (boost::iequals). ForAnyValue:* behave exactly as the plain operators;
// ForAllValues:* need every env value to match some policy value (and are true when the key is absent).
import { asciiEqualsIgnoreCase, fnmatch } from '../match.js';
import { allOf, anyOf, noneOf, type OperatorFamily } from './family.js';

const eq = (e: string, p: string): boolean => e === p;
const ci = (e: string, p: string): boolean => asciiEqualsIgnoreCase(e, p);
const like = (e: string, p: string): boolean => fnmatch(p, e, false);

export const stringOperators: OperatorFamily = {
  name: 'String',
  runtime: true,
  operators: {
    StringEquals: anyOf(eq),
    'ForAnyValue:StringEquals': anyOf(eq),
    StringNotEquals: noneOf(eq),
    StringEqualsIgnoreCase: anyOf(ci),
    'ForAnyValue:StringEqualsIgnoreCase': anyOf(ci),
    StringNotEqualsIgnoreCase: noneOf(ci),
    StringLike: anyOf(like),
    'ForAnyValue:StringLike': anyOf(like),
    StringNotLike: noneOf(like),
    'ForAllValues:StringEquals': allOf(eq),
    'ForAllValues:StringLike': allOf(like),
    'ForAllValues:StringEqualsIgnoreCase': allOf(ci),
  },
};
