// IAM error kinds → status and code (RGW's rgw_http_iam_errors, then the S3 table), probed on RGW 20.2.4.
// An invalid argument (EINVAL) is InvalidInput here; RGW leaves <Message> empty unless the op set one.
import type { ErrorTable } from '../../errors.js';

export const IAM_ERRORS = {
  InvalidInput: { status: 400, code: 'InvalidInput' },
  InvalidArgument: { status: 400, code: 'InvalidInput' },
  MalformedPolicyDocument: { status: 400, code: 'MalformedPolicyDocument' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
  NoSuchEntity: { status: 404, code: 'NoSuchEntity' },
  MethodNotAllowed: { status: 405, code: 'MethodNotAllowed' },
  EntityAlreadyExists: { status: 409, code: 'EntityAlreadyExists' },
  DeleteConflict: { status: 409, code: 'DeleteConflict' },
  LimitExceeded: { status: 409, code: 'LimitExceeded' },
  ServiceFailure: { status: 500, code: 'ServiceFailure' },
} satisfies ErrorTable;
