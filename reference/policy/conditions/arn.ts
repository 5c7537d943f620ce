// ARN operators. ArnEquals and ArnLike are the same in RGW (and ArnNotEquals / ArnNotLike): the env value
// must have exactly five ':' and then matches the pattern with match_policy() (':'-segmented, case-sensitive
// fnmatch).
import { matchPolicy } from '../match.js';
import { anyOf, noneOf, type OperatorFamily } from './family.js';

function arnLike(input: string, pattern: string): boolean {
  if ((input.match(/:/g) ?? []).length !== 5) return false;
  return matchPolicy(pattern, input, false);
}

export const arnOperators: OperatorFamily = {
  name: 'Arn',
  runtime: true,
  operators: {
    ArnEquals: anyOf(arnLike),
    ArnLike: anyOf(arnLike),
    ArnNotEquals: noneOf(arnLike),
    ArnNotLike: noneOf(arnLike),
  },
};
