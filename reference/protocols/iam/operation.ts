// The shape of one row of the IAM operation table, following RGW's op life cycle (rgw_process.cc):
// prepare = init_processing (inputs checked in RGW's order, the target loaded: NoSuchEntity before
// AccessDenied), resource + action = verify_permission, execute = execute, shape = send_response.
import type { IamCall } from './call.js';
import type { Shape, XNode } from './render.js';

export interface IamOperation<T = unknown> {
  /**
   * 'account': RGW answers 405 MethodNotAllowed to callers outside accounts before looking at anything
   * (users, keys, groups, managed policies). 'any': roles, inline user policies and OIDC providers also
   * serve callers outside accounts, in their tenant, authorised by identity policy or admin caps.
   */
  callers: 'account' | 'any';
  /** Message of that 405, when RGW sets one. */
  notInAccount?: string;
  /** The IAM action a policy must allow (RGW's names: UpdateAssumeRolePolicy is iam:ModifyRoleTrustPolicy). */
  action: string;
  /** Admin caps that also authorise the call (RGWRESTOp::verify_permission after the policy check). */
  cap?: { type: 'roles' | 'user-policy' | 'oidc-provider'; perm: 'read' | 'write' };
  prepare(c: IamCall): T;
  /** The resource ARN RGW checks; null when no identity policy can grant the call (only the account root). */
  resource(c: IamCall, target: T): string | null;
  /** Changes the store; returns the children of the result element, if the response has one. */
  execute(c: IamCall, target: T): Promise<XNode[] | undefined>;
  shape: Shape;
}

/** Type a row while keeping its target type private to the row. */
export const op = <T>(row: IamOperation<T>): IamOperation<unknown> => row as IamOperation<unknown>;

/** Response shapes RGW 20.2.4 uses (see render.ts). */
export const SHAPES = {
  /** user, access key and group operations */
  declNsAfter: { decl: true, ns: true, meta: 'after' },
  /** ListUsers, ListAccessKeys, ListGroups: no ResponseMetadata at all */
  declNsNone: { decl: true, ns: true, meta: 'none' },
  /** inline and managed user policies, OIDC providers */
  nsAfter: { decl: false, ns: true, meta: 'after' },
  nsBefore: { decl: false, ns: true, meta: 'before' },
  /** roles */
  after: { decl: false, ns: false, meta: 'after' },
  before: { decl: false, ns: false, meta: 'before' },
} satisfies Record<string, Shape>;
