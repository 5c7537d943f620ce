// AssumeRole's parameters, each answer as RGW 20.2.4 gave it (docs/rgw-behaviour/sts.md): the role lookup and
// the trust policy come first, then get_params, then validate_input in RGW's order; every parameter error is
// 400 InvalidArgument with an empty message, except MalformedPolicyDocument and PackedPolicyTooLarge.
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { createRole, outcome, stsRaw, trustPolicy } from './helpers.js';

const f = await fixture(t);
const acct = await f.account('params');
const iam = f.iam(acct.root);
const svc = await f.user('svc', { accountId: acct.id, displayName: 'svc-dn' });
const arn = (name: string): string => `arn:aws:iam::${acct.id}:role/${name}`;
await createRole(iam, 'reader', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:user/svc-dn` }));
await createRole(iam, 'nested', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:user/svc-dn` }), { path: '/team/x/' });
await createRole(iam, 'long', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }), { maxSessionDuration: 7200 });

const call = async (params: Record<string, string>, who = svc): Promise<string> => outcome(await stsRaw(f.gw.url, who, { Action: 'AssumeRole', ...params }));
const policyOf = (bytes: number): string => {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::' }] };
  base.Statement[0]!.Resource += 'x'.repeat(bytes - JSON.stringify(base).length);
  return JSON.stringify(base);
};

const cases: [string, Record<string, string>, string][] = [
  ['no RoleArn', { RoleSessionName: 'ab' }, '400 InvalidArgument'],
  ['RoleArn that is no ARN', { RoleArn: 'x', RoleSessionName: 'ab' }, '400 InvalidArgument'],
  ['RoleArn with an unknown partition', { RoleArn: `arn:aws-xx:iam::${acct.id}:role/reader`, RoleSessionName: 'ab' }, '400 InvalidArgument'],
  ['RoleArn of a missing role', { RoleArn: arn('nope'), RoleSessionName: 'ab' }, '404 NoSuchEntity'],
  ['missing role wins over a bad session name', { RoleArn: arn('nope'), RoleSessionName: 'a b' }, '404 NoSuchEntity'],
  ['role name in another case', { RoleArn: arn('READER'), RoleSessionName: 'ab' }, '200'],
  ['resource type is not checked (user/reader names role reader)', { RoleArn: `arn:aws:iam::${acct.id}:user/reader`, RoleSessionName: 'ab' }, '200'],
  ['partition aws-cn, service s3 and a region are accepted', { RoleArn: `arn:aws-cn:s3:us-east-1:${acct.id}:role/reader`, RoleSessionName: 'ab' }, '200'],
  ['role with a path, ARN without it', { RoleArn: arn('nested'), RoleSessionName: 'ab' }, '403 AccessDenied'],
  ['role with a path, ARN with it', { RoleArn: arn('team/x/nested'), RoleSessionName: 'ab' }, '200'],
  ['no RoleSessionName', { RoleArn: arn('reader') }, '400 InvalidArgument'],
  ['RoleSessionName of one character', { RoleArn: arn('reader'), RoleSessionName: 's' }, '400 InvalidArgument'],
  ['RoleSessionName with a space', { RoleArn: arn('reader'), RoleSessionName: 'a b' }, '400 InvalidArgument'],
  ['RoleSessionName with "+" (AWS allows it, RGW does not)', { RoleArn: arn('reader'), RoleSessionName: 'a+b' }, '400 InvalidArgument'],
  ['RoleSessionName of 64 characters', { RoleArn: arn('reader'), RoleSessionName: 'x'.repeat(64) }, '200'],
  ['RoleSessionName of 65 characters', { RoleArn: arn('reader'), RoleSessionName: 'x'.repeat(65) }, '400 InvalidArgument'],
  ['RoleSessionName with =,.@-_', { RoleArn: arn('reader'), RoleSessionName: 'a=,.@-_' }, '200'],
  ['DurationSeconds 899', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '899' }, '400 InvalidArgument'],
  ['DurationSeconds 900', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '900' }, '200'],
  ['DurationSeconds 3601 over the default MaxSessionDuration', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '3601' }, '400 InvalidArgument'],
  ['DurationSeconds 7200 within MaxSessionDuration 7200', { RoleArn: arn('long'), RoleSessionName: 'ab', DurationSeconds: '7200' }, '200'],
  ['DurationSeconds 7201', { RoleArn: arn('long'), RoleSessionName: 'ab', DurationSeconds: '7201' }, '400 InvalidArgument'],
  ['DurationSeconds abc', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: 'abc' }, '400 InvalidArgument'],
  ['DurationSeconds -5', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '-5' }, '400 InvalidArgument'],
  ['DurationSeconds 900.0', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '900.0' }, '400 InvalidArgument'],
  ['DurationSeconds " 900" (strtoll skips white space)', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: ' 900' }, '200'],
  ['DurationSeconds empty means the default', { RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '' }, '200'],
  ['ExternalId of one character', { RoleArn: arn('reader'), RoleSessionName: 'ab', ExternalId: 'x' }, '400 InvalidArgument'],
  ['ExternalId with a space', { RoleArn: arn('reader'), RoleSessionName: 'ab', ExternalId: 'a b' }, '400 InvalidArgument'],
  ['ExternalId of 1224 characters', { RoleArn: arn('reader'), RoleSessionName: 'ab', ExternalId: 'x'.repeat(1224) }, '200'],
  ['ExternalId of 1225 characters', { RoleArn: arn('reader'), RoleSessionName: 'ab', ExternalId: 'x'.repeat(1225) }, '400 InvalidArgument'],
  ['SerialNumber shorter than 9', { RoleArn: arn('reader'), RoleSessionName: 'ab', SerialNumber: 'abc' }, '400 InvalidArgument'],
  ['TokenCode of 5 digits is accepted (RGW tests == 6)', { RoleArn: arn('reader'), RoleSessionName: 'ab', TokenCode: '12345' }, '200'],
  ['TokenCode of 6 digits is refused', { RoleArn: arn('reader'), RoleSessionName: 'ab', TokenCode: '123456' }, '400 InvalidArgument'],
  ['Policy that does not parse', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: '{bad' }, '400 MalformedPolicyDocument'],
  ['bad Policy wins over a bad session name and duration', { RoleArn: arn('reader'), RoleSessionName: 'a b', Policy: '{bad', DurationSeconds: '1' }, '400 MalformedPolicyDocument'],
  ['Policy with a Principal is accepted', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }) }, '200'],
  ['Policy of 2048 bytes', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: policyOf(2048) }, '200'],
  ['Policy of 2049 bytes', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: policyOf(2049) }, '400 PackedPolicyTooLarge'],
  ['too large Policy wins over a bad session name', { RoleArn: arn('reader'), RoleSessionName: 'a b', Policy: policyOf(2049) }, '400 PackedPolicyTooLarge'],
  ['a bad duration wins over a too large Policy', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: policyOf(2049), DurationSeconds: '1' }, '400 InvalidArgument'],
  ['a bad ExternalId wins over a too large Policy', { RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: policyOf(2049), ExternalId: 'a b' }, '400 InvalidArgument'],
];

for (const [name, params, expected] of cases) {
  t.test(name, async (t) => t.equal(await call(params), expected));
}

t.test('the trust policy is checked before any parameter', async (t) => {
  t.equal(await call({ RoleArn: arn('reader'), RoleSessionName: 'a b' }, acct.root), '403 AccessDenied');
  t.equal(await call({ RoleArn: arn('reader') }, acct.root), '403 AccessDenied');
  t.equal(await call({ RoleArn: arn('reader'), RoleSessionName: 'ab', DurationSeconds: '10', Policy: '{bad' }, acct.root), '403 AccessDenied');
});

t.test('PackedPolicySize: 0 below 2048 bytes, 100 at exactly 2048', async (t) => {
  const size = async (policy: string): Promise<string | undefined> =>
    /<PackedPolicySize>(\d+)</.exec((await stsRaw(f.gw.url, svc, { Action: 'AssumeRole', RoleArn: arn('reader'), RoleSessionName: 'ab', Policy: policy })).body)?.[1];
  t.equal(await size(policyOf(2047)), '0');
  t.equal(await size(policyOf(2048)), '100');
});
