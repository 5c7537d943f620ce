// STS error kinds → status and code as RGW 20.2.4 answers them: every parameter problem is 400 InvalidArgument
// with an empty message (not AWS's ValidationError); see docs/rgw-behaviour.md.
import type { ErrorTable } from '../../errors.js';

export const STS_ERRORS = {
  InvalidArgument: { status: 400, code: 'InvalidArgument' },
  MalformedPolicyDocument: { status: 400, code: 'MalformedPolicyDocument' },
  NoSuchEntity: { status: 404, code: 'NoSuchEntity' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
  InvalidIdentityToken: { status: 400, code: 'InvalidIdentityToken' },
  ExpiredToken: { status: 400, code: 'ExpiredTokenException' },
  IDPRejectedClaim: { status: 403, code: 'IDPRejectedClaim' },
  PackedPolicyTooLarge: { status: 400, code: 'PackedPolicyTooLarge' },
} satisfies ErrorTable;
