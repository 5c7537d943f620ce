// Shared by the STS suites: raw STS calls (for documents and parameters the SDK will not send), temporary
// credentials out of an SDK answer, and a role created through the real IAM API.
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient, type Tag } from '@aws-sdk/client-iam';
import type { Credentials } from '@aws-sdk/client-sts';
import type { Creds } from '../fixtures/gateway.js';
import { iamRaw, type RawResponse } from '../iam/raw.js';

export function stsRaw(endpoint: string, creds: Creds | null, params: Record<string, string>): Promise<RawResponse> {
  return iamRaw(endpoint, creds, { Version: '2011-06-15', ...params }, 'sts');
}

/** The code of a raw error body ('' for a success). */
export const codeOf = (r: RawResponse): string => /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1] ?? '';
export const outcome = (r: RawResponse): string => `${r.status}${codeOf(r) ? ` ${codeOf(r)}` : ''}`;

export function temp(c: Credentials | undefined): Creds {
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('no credentials in the answer');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** Credentials out of a raw AssumeRole* / GetSessionToken document. */
export function tempFromXml(xml: string): Creds {
  const get = (name: string): string => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  return { accessKeyId: get('AccessKeyId'), secretAccessKey: get('SecretAccessKey'), sessionToken: get('SessionToken') };
}

export const trustPolicy = (principal: Record<string, unknown> | '*', extra: Record<string, unknown> = {}, action: string | string[] = 'sts:AssumeRole'): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal === '*' ? { AWS: '*' } : principal, Action: action, ...extra }] });

export async function createRole(
  iam: IAMClient,
  name: string,
  trust: string,
  opts: { policy?: Record<string, unknown>; path?: string; maxSessionDuration?: number; tags?: Tag[] } = {},
): Promise<string> {
  const role = (
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust, Path: opts.path, MaxSessionDuration: opts.maxSessionDuration, Tags: opts.tags }))
  ).Role!;
  if (opts.policy) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: JSON.stringify(opts.policy) }));
  return role.Arn!;
}

export const allow = (action: string | string[], resource: string | string[] = '*', condition?: Record<string, unknown>): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
});
