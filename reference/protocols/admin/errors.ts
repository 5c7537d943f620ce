// Admin Ops error kinds → status and code. RGW's admin ops return errnos and RGW's own error numbers, and
// set_req_state_err maps them through the S3 table (rgw_common.cc); the kinds named after errnos are what
// the identity services throw (identity/accounts.ts). Every row was observed on RGW 20.2.4
// (docs/rgw-behaviour/admin.md); other kinds fall back to the S3 table, then 500 UnknownError.
import type { ErrorTable } from '../../errors.js';

export const ADMIN_ERRORS = {
  // errnos
  ENOENT: { status: 404, code: 'NoSuchKey' }, // an account or bucket that is not there (GET /admin/account)
  EEXIST: { status: 409, code: 'BucketAlreadyExists' }, // user removal with buckets, account rename clash
  ENOTEMPTY: { status: 409, code: 'BucketNotEmpty' }, // account removal with users, roles, groups, ...
  ERANGE: { status: 416, code: 'InvalidRange' }, // a JSON body over 1 KiB
  InvalidArgument: { status: 400, code: 'InvalidArgument' }, // EINVAL
  // RGW's ERR_* numbers
  NoSuchUser: { status: 404, code: 'NoSuchUser' },
  UserAlreadyExists: { status: 409, code: 'UserAlreadyExists' },
  EmailExists: { status: 409, code: 'EmailExists' },
  KeyExists: { status: 409, code: 'KeyExists' },
  InvalidAccessKeyId: { status: 403, code: 'InvalidAccessKeyId' },
  InvalidSecretKey: { status: 400, code: 'InvalidSecretKey' },
  InvalidCapability: { status: 400, code: 'InvalidCapability' },
  InvalidTenantName: { status: 400, code: 'InvalidTenantName' },
  AccountAlreadyExists: { status: 409, code: 'AccountAlreadyExists' },
  NoSuchBucket: { status: 404, code: 'NoSuchBucket' },
  BucketNotEmpty: { status: 409, code: 'BucketNotEmpty' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
  MethodNotAllowed: { status: 405, code: 'MethodNotAllowed' },
  NotImplemented: { status: 501, code: 'NotImplemented' },
} satisfies ErrorTable;
