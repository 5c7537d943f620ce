// Policy documents handed to IAM: parsed with reference/policy exactly as RGW parses them; a grammar error
// is 400 MalformedPolicyDocument carrying RGW's "At character offset N, ..." message.
import { GatewayError } from '../../errors.js';
import { managedPolicyText, parsePolicy, PolicyParseError, type PolicyKind } from '../../policy/index.js';

export function checkPolicy(text: string, kind: PolicyKind, tenant: string | null): string {
  try {
    parsePolicy(text, kind, { tenant });
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('MalformedPolicyDocument', err.message);
    throw err;
  }
  return text;
}

/** UpdateAssumeRolePolicy only checks JSON syntax (RGW's JSONParser), with an empty message. */
export function checkJson(text: string): string {
  try {
    JSON.parse(text);
  } catch {
    throw new GatewayError('MalformedPolicyDocument');
  }
  return text;
}

/** The managed policies RGW knows; others are 404 NoSuchEntity. */
export function knownManagedPolicy(arn: string): string {
  if (managedPolicyText(arn) === undefined) throw new GatewayError('NoSuchEntity', 'The requested PolicyArn is not recognized');
  return arn;
}

/** ListAttached*Policies members: PolicyName is everything after the first '/'. */
export const attachedName = (arn: string): string => arn.slice(arn.indexOf('/') + 1);

export const sortedNames = (policies: Record<string, string>): string[] => Object.keys(policies).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
