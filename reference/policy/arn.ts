// RGW's rgw::ARN (rgw_arn.cc): parsing with and without wildcards, and matching a Resource pattern against
// the request's ARN. Quirks kept: with wildcards (policy Resource elements) no field may contain ':', so
// `arn:aws:s3:::bucket/a:b` and `arn:aws:s3:::${aws:username}` are not valid ARNs; partition and service
// must be known names; region and account match case-insensitively, the resource case-sensitively.
import { fnmatch } from './match.js';
import type { Arn } from './types.js';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);

/** The services rgw::ARN knows (rgw_arn.cc to_service). */
export const ARN_SERVICES: ReadonlySet<string> = new Set([
  'acm', 'apigateway', 'appstream', 'artifact', 'autoscaling', 'aws-marketplace', 'aws-marketplace-management',
  'aws-portal', 'cloudformation', 'cloudfront', 'cloudhsm', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'codebuild',
  'codecommit', 'codedeploy', 'codepipeline', 'cognito-identity', 'cognito-idp', 'cognito-sync', 'config',
  'datapipeline', 'devicefarm', 'directconnect', 'dms', 'ds', 'dynamodb', 'ec2', 'ecr', 'ecs', 'elasticache',
  'elasticbeanstalk', 'elasticfilesystem', 'elasticloadbalancing', 'elasticmapreduce', 'elastictranscoder', 'es',
  'events', 'firehose', 'gamelift', 'glacier', 'health', 'iam', 'importexport', 'inspector', 'iot', 'kinesis',
  'kinesisanalytics', 'kms', 'lambda', 'lightsail', 'logs', 'machinelearning', 'mobileanalytics', 'mobilehub',
  'opsworks', 'opsworks-cm', 'polly', 'rds', 'redshift', 'route53', 'route53domains', 's3', 'sdb',
  'servicecatalog', 'ses', 'sns', 'sqs', 'ssm', 'states', 'storagegateway', 'sts', 'support', 'swf',
  'trustedadvisor', 'waf', 'workmail', 'workspaces',
]);

// regex_match in ECMAScript mode: '.' does not cross line breaks, so neither do we.
const RX_WILD = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):([^:]*)$/;
const RX_NO_WILD = /^arn:([^:*]*):([^:*]*):([^:*]*):([^:*]*):(.*)$/;

/** ARN::parse(s, wildcards). With wildcards, '*' alone is the all-wildcard ARN. */
export function parseArn(s: string, wildcards: boolean): Arn | undefined {
  if (wildcards && s === '*') return { partition: '*', service: '*', region: '*', account: '*', resource: '*' };
  const m = (wildcards ? RX_WILD : RX_NO_WILD).exec(s);
  if (!m) return undefined;
  const [, partition, service, region, account, resource] = m as unknown as [string, string, string, string, string, string];
  if (!PARTITIONS.has(partition) && !(wildcards && partition === '*')) return undefined;
  if (!ARN_SERVICES.has(service) && !(wildcards && service === '*')) return undefined;
  return { partition, service, region, account, resource };
}

export function arnToString(a: Arn): string {
  return `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`;
}

/** ARN::match(candidate): `pattern` from a policy, `candidate` the request's (wildcard-free) ARN. */
export function arnMatches(pattern: Arn, candidate: Arn): boolean {
  if (candidate.partition === '*' || (pattern.partition !== candidate.partition && pattern.partition !== '*')) return false;
  if (candidate.service === '*' || (pattern.service !== candidate.service && pattern.service !== '*')) return false;
  return (
    fnmatch(pattern.region, candidate.region, true) &&
    fnmatch(pattern.account, candidate.account, true) &&
    fnmatch(pattern.resource, candidate.resource, false)
  );
}
