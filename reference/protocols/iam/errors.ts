// IAM error kinds → status and code (RGW's rgw_http_iam_errors + the S3 table as fallback), probed on RGW 20.2.4.
import type { ErrorTable } from '../../errors.js';

export const IAM_ERRORS = {
  InvalidArgument: { status: 400, code: 'InvalidInput' },
  InvalidInput: { status: 400, code: 'InvalidInput' },
  ValidationError: { status: 400, code: 'ValidationError' },
  NoSuchEntity: { status: 404, code: 'NoSuchEntity' },
  EntityAlreadyExists: { status: 409, code: 'EntityAlreadyExists' },
  DeleteConflict: { status: 409, code: 'DeleteConflict' },
  LimitExceeded: { status: 409, code: 'LimitExceeded' },
  MalformedPolicyDocument: { status: 400, code: 'MalformedPolicyDocument' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
  MethodNotAllowed: { status: 405, code: 'MethodNotAllowed' },
  ServiceFailure: { status: 500, code: 'ServiceFailure' },
} satisfies ErrorTable;
