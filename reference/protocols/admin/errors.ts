// Admin Ops error kinds → status and code, as RGW 20.2.4 answers them (probed; docs/rgw-behaviour/admin.md).
import type { ErrorTable } from '../../errors.js';

export const ADMIN_ERRORS = {
  NoSuchUser: { status: 404, code: 'NoSuchUser' },
  UserAlreadyExists: { status: 409, code: 'UserAlreadyExists' },
  EmailExists: { status: 409, code: 'EmailExists' },
  KeyExists: { status: 409, code: 'KeyExists' },
  InvalidAccessKeyId: { status: 403, code: 'InvalidAccessKeyId' },
  NoSuchKey: { status: 404, code: 'NoSuchKey' },
  NoSuchAccount: { status: 404, code: 'NoSuchKey' },
  AccountAlreadyExists: { status: 409, code: 'AccountAlreadyExists' },
  InvalidArgument: { status: 400, code: 'InvalidArgument' },
  InvalidCap: { status: 400, code: 'InvalidCapability' },
  BucketNotEmpty: { status: 409, code: 'BucketNotEmpty' },
  NoSuchBucket: { status: 404, code: 'NoSuchBucket' },
  AccessDenied: { status: 403, code: 'AccessDenied' },
  MethodNotAllowed: { status: 405, code: 'MethodNotAllowed' },
} satisfies ErrorTable;
