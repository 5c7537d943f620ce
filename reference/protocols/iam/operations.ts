// The IAM operation table: exactly the actions RGW 20.2.4's IAM handler knows (its op_generators map,
// checked by probing every name). Any other Action falls through to S3, which answers 405
// MethodNotAllowed in S3's error format: GetAccountSummary, CreatePolicy, TagUser, ... (probed).
import { GROUP_OPERATIONS } from './groups.js';
import { OIDC_OPERATIONS } from './oidc.js';
import type { IamOperation } from './operation.js';
import { ROLE_OPERATIONS } from './roles.js';
import { USER_POLICY_OPERATIONS } from './user-policies.js';
import { USER_OPERATIONS } from './users.js';

export type IamOperationName =
  | 'CreateUser' | 'GetUser' | 'UpdateUser' | 'DeleteUser' | 'ListUsers'
  | 'CreateAccessKey' | 'UpdateAccessKey' | 'DeleteAccessKey' | 'ListAccessKeys'
  | 'PutUserPolicy' | 'GetUserPolicy' | 'DeleteUserPolicy' | 'ListUserPolicies'
  | 'AttachUserPolicy' | 'DetachUserPolicy' | 'ListAttachedUserPolicies'
  | 'CreateGroup' | 'GetGroup' | 'UpdateGroup' | 'DeleteGroup' | 'ListGroups'
  | 'AddUserToGroup' | 'RemoveUserFromGroup' | 'ListGroupsForUser'
  | 'PutGroupPolicy' | 'GetGroupPolicy' | 'DeleteGroupPolicy' | 'ListGroupPolicies'
  | 'AttachGroupPolicy' | 'DetachGroupPolicy' | 'ListAttachedGroupPolicies'
  | 'CreateRole' | 'GetRole' | 'ListRoles' | 'UpdateRole' | 'UpdateAssumeRolePolicy' | 'DeleteRole'
  | 'PutRolePolicy' | 'GetRolePolicy' | 'DeleteRolePolicy' | 'ListRolePolicies'
  | 'AttachRolePolicy' | 'DetachRolePolicy' | 'ListAttachedRolePolicies'
  | 'TagRole' | 'UntagRole' | 'ListRoleTags'
  | 'CreateOpenIDConnectProvider' | 'GetOpenIDConnectProvider' | 'ListOpenIDConnectProviders'
  | 'DeleteOpenIDConnectProvider' | 'AddClientIDToOpenIDConnectProvider'
  | 'RemoveClientIDFromOpenIDConnectProvider' | 'UpdateOpenIDConnectProviderThumbprint';

export const IAM_OPERATIONS = {
  ...USER_OPERATIONS,
  ...USER_POLICY_OPERATIONS,
  ...GROUP_OPERATIONS,
  ...ROLE_OPERATIONS,
  ...OIDC_OPERATIONS,
} satisfies Record<IamOperationName, IamOperation>;

/** Action names are case-sensitive, as RGW's map lookup is. */
export function isIamAction(action: string): action is IamOperationName {
  return Object.hasOwn(IAM_OPERATIONS, action);
}
