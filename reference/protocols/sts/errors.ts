// STS error kinds → status and code as RGW 20.2.4 answers them (probed, docs/rgw-behaviour/sts.md). Every
// parameter problem is 400 InvalidArgument with an empty message (not AWS's ValidationError), and every web
// identity token that fails a check is 403 AccessDenied (not AWS's InvalidIdentityToken / ExpiredToken /
// IDPRejectedClaim), except a discovery document the IdP does not serve (400 InvalidArgument).
import type { ErrorTable } from '../../errors.js';

export const STS_ERRORS = {
  InvalidArgument: { status: 400, code: 'InvalidArgument' },
  MalformedPolicyDocument: { status: 400, code: 'MalformedPolicyDocument' },
  PackedPolicyTooLarge: { status: 400, code: 'PackedPolicyTooLarge' },
  NoSuchEntity: { status: 404, code: 'NoSuchEntity' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
} satisfies ErrorTable;
