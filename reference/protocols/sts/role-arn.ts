// RoleArn as RGW reads it (rgw_arn.cc ARN::parse, rgw_sts.cc getRoleInfo and generateAssumedRoleUser):
// - arn:<aws|aws-cn|aws-us-gov>:<a known service>:<region>:<account>:<resource>; none of the first four fields
//   may hold '*'. Anything else is 400 InvalidArgument.
// - The role is named by what follows the last '/' of the resource, looked up (case-insensitively) in the
//   account when the account field is an RGW account id, else in that tenant: 404 NoSuchEntity if missing.
//   The resource type is never checked ("user/x" and "myrole/x" name role x too).
// - The path (between the first and the last '/') must equal the role's path exactly, else 403 AccessDenied.
// - The assumed-role ARN is always partition aws, service sts, no region, the ARN's account, and the
//   resource with its first "role" replaced by "assumed-role", then "/<session>" (so the path stays in it).
// Probed on RGW 20.2.4: docs/rgw-behaviour/sts.md.
import { GatewayError } from '../../errors.js';
import type { RoleRecord } from '../../identity/model.js';
import { findRole } from '../../identity/roles.js';
import type { Store } from '../../store/store.js';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);
// rgw_arn.cc's service table.
const SERVICES = new Set(
  (
    'acm apigateway appstream artifact autoscaling aws-marketplace aws-marketplace-management aws-portal cloudformation ' +
    'cloudfront cloudhsm cloudsearch cloudtrail cloudwatch codebuild codecommit codedeploy codepipeline cognito-identity ' +
    'cognito-idp cognito-sync config datapipeline devicefarm directconnect dms ds dynamodb ec2 ecr ecs elasticache ' +
    'elasticbeanstalk elasticfilesystem elasticloadbalancing elasticmapreduce elastictranscoder es events firehose gamelift ' +
    'glacier health iam importexport inspector iot kinesis kinesisanalytics kms lambda lightsail logs machinelearning ' +
    'mobileanalytics mobilehub opsworks opsworks-cm polly rds redshift route53 route53domains s3 sdb servicecatalog ses sns ' +
    'sqs ssm states storagegateway sts support swf trustedadvisor waf workmail workspaces'
  ).split(' '),
);

export interface RoleArn {
  account: string;
  resource: string;
  roleName: string;
  /** '/' or '/a/b/' */
  path: string;
}

/** rgw::ARN::parse without wildcards; undefined where RGW's parse fails. */
export function parseRoleArn(text: string): RoleArn | undefined {
  const m = /^arn:([^:*]*):([^:*]*):([^:*]*):([^:*]*):(.*)$/s.exec(text);
  if (!m || !PARTITIONS.has(m[1]!) || !SERVICES.has(m[2]!)) return undefined;
  const resource = m[5]!;
  const last = resource.lastIndexOf('/');
  const first = resource.indexOf('/');
  return { account: m[4]!, resource, roleName: resource.slice(last + 1), path: first === last ? '/' : resource.slice(first, last + 1) };
}

/** The account (or tenant) field of a RoleArn, '' when it does not parse (WebTokenEngine::get_role_tenant). */
export const roleArnScope = (text: string): string => parseRoleArn(text)?.account ?? '';

/** STSService::getRoleInfo. */
export function loadRole(store: Store, arnText: string): { role: RoleRecord; arn: RoleArn } {
  const arn = parseRoleArn(arnText);
  if (!arn) throw new GatewayError('InvalidArgument');
  const role = findRole(store, arn.account, arn.roleName);
  if (!role) throw new GatewayError('NoSuchEntity');
  if (arn.path !== role.path) throw new GatewayError('AccessDenied');
  return { role, arn };
}

/** AssumedRoleUser::generateAssumedRoleUser. */
export function assumedRoleArn(arn: RoleArn, session: string): string {
  return `arn:aws:sts::${arn.account}:${arn.resource.replace('role', 'assumed-role')}/${session}`;
}
