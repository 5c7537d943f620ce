// The STS actions RGW 20.2.4 serves (rgw_rest_sts.cc op_generators). Anything else, GetCallerIdentity
// included, is not an STS action there and falls through to S3: 405 MethodNotAllowed (probed).
// `auth` says which RGW strategy authenticates the call: SigV4 (S3's, anonymous allowed), or the web token
// engine, which ignores any signature.
import type { RequestContext } from '../../http/context.js';
import { assumeRole } from './assume-role.js';
import { getSessionToken } from './get-session-token.js';
import { assumeRoleWithWebIdentity } from './web-identity.js';

export interface StsOperation {
  auth: 'sigv4' | 'web-token';
  handler(ctx: RequestContext): Promise<void>;
}

export type StsAction = 'AssumeRole' | 'GetSessionToken' | 'AssumeRoleWithWebIdentity';

export const STS_OPERATIONS = {
  AssumeRole: { auth: 'sigv4', handler: assumeRole },
  GetSessionToken: { auth: 'sigv4', handler: getSessionToken },
  AssumeRoleWithWebIdentity: { auth: 'web-token', handler: assumeRoleWithWebIdentity },
} satisfies Record<StsAction, StsOperation>;

export const isStsAction = (a: string): a is StsAction => Object.hasOwn(STS_OPERATIONS, a);
