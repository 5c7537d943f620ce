// One row of the Admin Ops operation table, after RGW's RGWRESTOp life cycle (rgw_rest.cc, rgw_process.cc):
// RGWHandler_<Resource>::op_<method> picks the op by method and sub-resource, check_caps authorises it
// with the caller's admin caps, execute runs it and the flusher renders what it dumped.
import type { RequestContext } from '../../http/context.js';
import type { UserRecord } from '../../identity/model.js';
import type { Store } from '../../store/store.js';
import type { AdminArgs } from './args.js';
import type { Doc } from './format.js';

export type AdminResource = 'user' | 'account' | 'bucket' | 'info' | 'usage' | 'metadata';
export type AdminMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface CapNeed {
  type: string;
  perm: 'read' | 'write';
}

/** What a handler sees: the request, RGW's view of its parameters, and the caller (who holds the caps). */
export interface AdminCall {
  ctx: RequestContext;
  args: AdminArgs;
  store: Store;
  /** The gateway clock as ISO 8601, for create dates. */
  now: string;
  caller: UserRecord;
}

/** A document, nothing (200 with an empty body), or 'sent' when the handler answered itself. */
export type AdminResult = Doc | undefined | 'sent';

export interface AdminOperation {
  resource: AdminResource;
  method: AdminMethod;
  /** RGW dispatches on the parameter's presence (`?quota`, `?key`, ...); rows without one are the default. */
  subresource?: string;
  /** check_caps: any one of these grants the call. */
  caps: readonly CapNeed[];
  handler(c: AdminCall): Promise<AdminResult>;
}

export const cap = (type: string, perm: 'read' | 'write'): CapNeed[] => [{ type, perm }];

/** The request body, when it has one (RGW reads a JSON body whenever Content-Length > 0). */
export const bodyOf = (c: AdminCall): Buffer | undefined => (c.ctx.buffered && c.ctx.buffered.length > 0 ? c.ctx.buffered : undefined);
