// The IAM operation table: Action → handler. Exactly the actions RGW 20.2.4's IAM handler knows; any other
// Action falls through to S3 and is answered 405 MethodNotAllowed (GetAccountSummary included, probed).
import type { IamCall } from './call.js';
import * as groups from './groups.js';
import * as oidc from './oidc.js';
import * as roles from './roles.js';
import * as users from './users.js';

export const IAM_OPERATIONS = {
  CreateUser: users.createUser,
  GetUser: users.getUser,
  UpdateUser: users.updateUser,
  DeleteUser: users.deleteUser,
  ListUsers: users.listUsers,
  CreateAccessKey: users.createAccessKey,
  UpdateAccessKey: users.updateAccessKey,
  DeleteAccessKey: users.deleteAccessKey,
  ListAccessKeys: users.listAccessKeys,
  PutUserPolicy: users.putUserPolicy,
  GetUserPolicy: users.getUserPolicy,
  DeleteUserPolicy: users.deleteUserPolicy,
  ListUserPolicies: users.listUserPolicies,
  AttachUserPolicy: users.attachUserPolicy,
  DetachUserPolicy: users.detachUserPolicy,
  ListAttachedUserPolicies: users.listAttachedUserPolicies,
  CreateRole: roles.createRole,
  GetRole: roles.getRole,
  ListRoles: roles.listRoles,
  UpdateRole: roles.updateRole,
  UpdateAssumeRolePolicy: roles.updateAssumeRolePolicy,
  DeleteRole: roles.deleteRole,
  PutRolePolicy: roles.putRolePolicy,
  GetRolePolicy: roles.getRolePolicy,
  DeleteRolePolicy: roles.deleteRolePolicy,
  ListRolePolicies: roles.listRolePolicies,
  AttachRolePolicy: roles.attachRolePolicy,
  DetachRolePolicy: roles.detachRolePolicy,
  ListAttachedRolePolicies: roles.listAttachedRolePolicies,
  TagRole: roles.tagRole,
  UntagRole: roles.untagRole,
  ListRoleTags: roles.listRoleTags,
  CreateGroup: groups.createGroup,
  GetGroup: groups.getGroup,
  ListGroups: groups.listGroups,
  UpdateGroup: groups.updateGroup,
  DeleteGroup: groups.deleteGroup,
  AddUserToGroup: groups.addUserToGroup,
  RemoveUserFromGroup: groups.removeUserFromGroup,
  ListGroupsForUser: groups.listGroupsForUser,
  PutGroupPolicy: groups.putGroupPolicy,
  GetGroupPolicy: groups.getGroupPolicy,
  DeleteGroupPolicy: groups.deleteGroupPolicy,
  ListGroupPolicies: groups.listGroupPolicies,
  AttachGroupPolicy: groups.attachGroupPolicy,
  DetachGroupPolicy: groups.detachGroupPolicy,
  ListAttachedGroupPolicies: groups.listAttachedGroupPolicies,
  CreateOpenIDConnectProvider: oidc.createOpenIDConnectProvider,
  GetOpenIDConnectProvider: oidc.getOpenIDConnectProvider,
  ListOpenIDConnectProviders: oidc.listOpenIDConnectProviders,
  DeleteOpenIDConnectProvider: oidc.deleteOpenIDConnectProvider,
} satisfies Record<string, (c: IamCall) => Promise<void>>;

export type IamOperationName = keyof typeof IAM_OPERATIONS;

export function isIamAction(action: string): action is IamOperationName {
  return Object.hasOwn(IAM_OPERATIONS, action);
}
