// The actions RGW 20.2 knows (rgw_iam_policy.cc `actpairs`, checked against the strings in the 20.2.4
// radosgw binary). An Action element is matched against these names with match_policy() (':'-segmented,
// case-insensitive fnmatch); a pattern that names none of them is "`x` is not a valid action.", and a
// string starting with '*' means every action. RGW's table spells iam:RemoveClientIdFromOIDCProvider as
// "iam:RemoveCientIdFromOIDCProvider": only that spelling (or a wildcard) is accepted in a policy, while
// the operation itself is named correctly (action_bit_string). Service-wide pseudo actions (s3All, ...)
// are not nameable and are left out.
import { matchPolicy } from './match.js';

/** [name as a policy must spell it, canonical name the operation uses] where they differ. */
const MISSPELLED: Record<string, string> = {
  'iam:RemoveCientIdFromOIDCProvider': 'iam:RemoveClientIdFromOIDCProvider',
};

const S3 = [
  'AbortMultipartUpload', 'CreateBucket', 'DeleteBucketPolicy', 'DeleteBucket', 'DeleteBucketWebsite', 'DeleteObject',
  'DeleteObjectVersion', 'DeleteObjectTagging', 'DeleteObjectVersionTagging', 'DeleteBucketPublicAccessBlock',
  'DeletePublicAccessBlock', 'DeleteReplicationConfiguration', 'GetAccelerateConfiguration', 'GetBucketAcl',
  'GetBucketCORS', 'GetBucketEncryption', 'GetBucketLocation', 'GetBucketLogging', 'GetBucketNotification',
  'GetBucketOwnershipControls', 'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketPublicAccessBlock',
  'GetBucketRequestPayment', 'GetBucketTagging', 'GetBucketVersioning', 'GetBucketWebsite', 'GetLifecycleConfiguration',
  'GetBucketObjectLockConfiguration', 'GetPublicAccessBlock', 'GetObjectAcl', 'GetObject', 'GetObjectAttributes',
  'GetObjectVersionAttributes', 'GetObjectTorrent', 'GetObjectVersionAcl', 'GetObjectVersion', 'GetObjectVersionTorrent',
  'GetObjectTagging', 'GetObjectVersionTagging', 'GetObjectRetention', 'GetObjectLegalHold',
  'GetReplicationConfiguration', 'ListAllMyBuckets', 'ListBucketMultipartUploads', 'ListBucket', 'ListBucketVersions',
  'ListMultipartUploadParts', 'PutAccelerateConfiguration', 'PutBucketAcl', 'PutBucketCORS', 'PutBucketEncryption',
  'PutBucketLogging', 'PostBucketLogging', 'PutBucketNotification', 'PutBucketOwnershipControls', 'PutBucketPolicy',
  'PutBucketRequestPayment', 'PutBucketTagging', 'PutBucketVersioning', 'PutBucketWebsite', 'PutLifecycleConfiguration',
  'PutBucketObjectLockConfiguration', 'PutObjectAcl', 'PutObject', 'PutObjectVersionAcl', 'PutObjectTagging',
  'PutObjectVersionTagging', 'PutObjectRetention', 'PutObjectLegalHold', 'BypassGovernanceRetention',
  'PutBucketPublicAccessBlock', 'PutPublicAccessBlock', 'PutReplicationConfiguration', 'RestoreObject', 'DescribeJob',
  'ReplicateDelete', 'ReplicateObject', 'ReplicateTags', 'GetObjectVersionForReplication',
].map((a) => `s3:${a}`);

const S3_OBJECT_LAMBDA = ['GetObject', 'ListBucket'].map((a) => `s3-object-lambda:${a}`);

const IAM = [
  'PutUserPolicy', 'GetUserPolicy', 'DeleteUserPolicy', 'ListUserPolicies', 'AttachUserPolicy', 'DetachUserPolicy',
  'ListAttachedUserPolicies', 'CreateRole', 'DeleteRole', 'GetRole', 'ModifyRoleTrustPolicy', 'ListRoles',
  'PutRolePolicy', 'GetRolePolicy', 'ListRolePolicies', 'DeleteRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy',
  'ListAttachedRolePolicies', 'CreateOIDCProvider', 'DeleteOIDCProvider', 'GetOIDCProvider', 'ListOIDCProviders',
  'AddClientIdToOIDCProvider', 'RemoveCientIdFromOIDCProvider', 'UpdateOIDCProviderThumbprint', 'TagRole',
  'ListRoleTags', 'UntagRole', 'UpdateRole', 'CreateUser', 'GetUser', 'UpdateUser', 'DeleteUser', 'ListUsers',
  'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'ListAccessKeys', 'CreateGroup', 'GetGroup', 'UpdateGroup',
  'DeleteGroup', 'ListGroups', 'AddUserToGroup', 'RemoveUserFromGroup', 'ListGroupsForUser', 'PutGroupPolicy',
  'GetGroupPolicy', 'ListGroupPolicies', 'DeleteGroupPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
  'ListAttachedGroupPolicies', 'GenerateCredentialReport', 'GenerateServiceLastAccessedDetails',
  'SimulateCustomPolicy', 'SimulatePrincipalPolicy', 'GetAccountSummary',
].map((a) => `iam:${a}`);

const STS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'TagSession'].map((a) => `sts:${a}`);

const SNS = ['GetTopicAttributes', 'DeleteTopic', 'Publish', 'SetTopicAttributes', 'CreateTopic', 'ListTopics'].map(
  (a) => `sns:${a}`,
);

const ORGANIZATIONS = [
  'DescribeAccount', 'DescribeOrganization', 'DescribeOrganizationalUnit', 'DescribePolicy', 'ListChildren',
  'ListParents', 'ListPoliciesForTarget', 'ListRoots', 'ListPolicies', 'ListTargetsForPolicy',
].map((a) => `organizations:${a}`);

/** Names as a policy spells them, in RGW's table order. */
export const POLICY_ACTION_NAMES: readonly string[] = [...S3, ...S3_OBJECT_LAMBDA, ...IAM, ...STS, ...SNS, ...ORGANIZATIONS];

/** Canonical action names (what an operation asks for). */
export const ACTIONS: readonly string[] = POLICY_ACTION_NAMES.map((n) => MISSPELLED[n] ?? n);

const BY_LOWER = new Map(ACTIONS.map((a) => [a.toLowerCase(), a]));

/** The canonical spelling of an operation's action name (case-insensitive), or undefined if RGW has none. */
export function canonicalAction(name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/**
 * The canonical actions an Action/NotAction string names, as RGW's parser builds its bitset; an empty set means
 * RGW rejects the string as "not a valid action".
 */
export function actionsNamedBy(pattern: string): Set<string> {
  if (pattern.startsWith('*')) return new Set(ACTIONS);
  const out = new Set<string>();
  POLICY_ACTION_NAMES.forEach((name, i) => {
    if (matchPolicy(pattern, name, true)) out.add(ACTIONS[i]!);
  });
  return out;
}
