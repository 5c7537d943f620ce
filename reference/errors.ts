// Handlers throw a protocol-neutral GatewayError; each protocol's errors.ts maps `kind` to the status and code
// RGW sends on that protocol (rgw_common.cc keeps one table per protocol; so do we).
export class GatewayError extends Error {
  constructor(
    readonly kind: string,
    message = '',
    /** Extra elements RGW puts in the error body (BucketName, Key, ...). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface ErrorMapping {
  status: number;
  code: string;
}

export type ErrorTable = Record<string, ErrorMapping>;

/** Resolve a kind in a protocol table, falling back to the S3 table, then to 500 UnknownError (as RGW does). */
export function resolveError(kind: string, table: ErrorTable, fallback: ErrorTable): ErrorMapping {
  return table[kind] ?? fallback[kind] ?? { status: 500, code: 'UnknownError' };
}
