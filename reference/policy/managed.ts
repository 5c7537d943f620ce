// The AWS managed policies RGW 20.2 knows (rgw_iam_managed_policy.cc get_managed_policy()), with RGW's
// exact documents (checked against the strings in the 20.2.4 radosgw binary). AttachUserPolicy and friends
// accept only these ARNs (others: 404 NoSuchEntity "The requested PolicyArn is not recognized"); RGW parses
// them with no tenant restriction.

/** Policy name -> document text. ARN: `arn:aws:iam::aws:policy/<name>`. */
export const MANAGED_POLICIES: Readonly<Record<string, string>> = Object.freeze({
  IAMFullAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Effect\" : \"Allow\",\n      \"Action\" : [\n        \"iam:*\",\n        \"organizations:DescribeAccount\",\n        \"organizations:DescribeOrganization\",\n        \"organizations:DescribeOrganizationalUnit\",\n        \"organizations:DescribePolicy\",\n        \"organizations:ListChildren\",\n        \"organizations:ListParents\",\n        \"organizations:ListPoliciesForTarget\",\n        \"organizations:ListRoots\",\n        \"organizations:ListPolicies\",\n        \"organizations:ListTargetsForPolicy\"\n      ],\n      \"Resource\" : \"*\"\n    }\n  ]\n}",
  IAMReadOnlyAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Effect\" : \"Allow\",\n      \"Action\" : [\n        \"iam:GenerateCredentialReport\",\n        \"iam:GenerateServiceLastAccessedDetails\",\n        \"iam:Get*\",\n        \"iam:List*\",\n        \"iam:SimulateCustomPolicy\",\n        \"iam:SimulatePrincipalPolicy\"\n      ],\n      \"Resource\" : \"*\"\n    }\n  ]\n}",
  AmazonSNSFullAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Action\" : [\n        \"sns:*\"\n      ],\n      \"Effect\" : \"Allow\",\n      \"Resource\" :  \"*\"\n    }\n  ]\n}",
  AmazonSNSReadOnlyAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Effect\" : \"Allow\",\n      \"Action\" : [\n        \"sns:GetTopicAttributes\",\n        \"sns:List*\"\n      ],\n      \"Resource\" : \"*\"\n    }\n  ]\n}",
  AmazonS3FullAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Effect\" : \"Allow\",\n      \"Action\" : [\n        \"s3:*\",\n        \"s3-object-lambda:*\"\n      ],\n      \"Resource\" : \"*\"\n    }\n  ]\n}",
  AmazonS3ReadOnlyAccess: "\n{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [\n    {\n      \"Effect\" : \"Allow\",\n      \"Action\" : [\n        \"s3:Get*\",\n        \"s3:List*\",\n        \"s3:Describe*\",\n        \"s3-object-lambda:Get*\",\n        \"s3-object-lambda:List*\"\n      ],\n      \"Resource\" : \"*\"\n    }\n  ]\n}",
});

export const MANAGED_POLICY_ARN_PREFIX = 'arn:aws:iam::aws:policy/';

/** The document for a managed policy ARN, or undefined when RGW does not know it (exact match). */
export function managedPolicyText(arn: string): string | undefined {
  if (!arn.startsWith(MANAGED_POLICY_ARN_PREFIX)) return undefined;
  const name = arn.slice(MANAGED_POLICY_ARN_PREFIX.length);
  return Object.hasOwn(MANAGED_POLICIES, name) ? MANAGED_POLICIES[name] : undefined;
}
