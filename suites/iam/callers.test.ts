// Who may call IAM, and on what: classic users and anonymous callers are refused the account-only APIs
// (405), account users start with no permissions (403, but lookups and input checks come first), identity
// policies grant calls on RGW's resource ARNs, and admin caps open role and user-policy calls to users
// outside accounts — each as RGW 20.2.4 answered.
import t from 'tap';
import {
  AttachRolePolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, DetachUserPolicyCommand, ListAttachedUserPoliciesCommand, CreateGroupCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, GetUserCommand,
  GetUserPolicyCommand, ListOpenIDConnectProvidersCommand, ListRolesCommand, ListUsersCommand, PutUserPolicyCommand, UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';
import { iamRaw } from './raw.js';

const f = await fixture(t);
const acct = await f.account('callers');
const root = f.iam(acct.root);
const P = (s: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: s });
const trust = P([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct.id}:root` }, Action: 'sts:AssumeRole' }]);
await root.send(new CreateUserCommand({ UserName: 'pu', Path: '/ops/' }));
await root.send(new CreateUserCommand({ UserName: 'Alice', Path: '/team/' }));
await root.send(new CreateUserCommand({ UserName: 'B2' }));
await root.send(new CreateRoleCommand({ RoleName: 'tr', Path: '/p/', AssumeRolePolicyDocument: trust }));
const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'pu' }))).AccessKey!;
const pu = f.iam({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
const grant = (statements: object[]): Promise<unknown> => root.send(new PutUserPolicyCommand({ UserName: 'pu', PolicyName: 'p', PolicyDocument: P(statements) }));
const classic = await f.user('callers-classic');

t.test('classic users get 405 MethodNotAllowed (IAM error format) for user, group and managed-policy calls', async (t) => {
  const c = f.iam(classic);
  await rejects(t, c.send(new ListUsersCommand({})), 405, 'MethodNotAllowed');
  await rejects(t, c.send(new CreateGroupCommand({ GroupName: 'g' })), 405, 'MethodNotAllowed');
  const raw = await iamRaw(f.gw.url, classic, { Action: 'ListUsers' });
  t.match(raw.body, /^<\?xml version="1.0" encoding="UTF-8"\?><ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><Error><Code>MethodNotAllowed<\/Code><Message><\/Message><RequestId>tx[0-9a-f-]+default<\/RequestId><HostId>[^<]+<\/HostId><\/Error><\/ErrorResponse>$/);
});

t.test('anonymous callers: 405 for ListUsers, 403 for CreateRole, 404 for an unknown role', async (t) => {
  t.equal((await iamRaw(f.gw.url, null, { Action: 'ListUsers' })).status, 405);
  const create = await iamRaw(f.gw.url, null, { Action: 'CreateRole', RoleName: 'x', AssumeRolePolicyDocument: trust });
  t.equal(create.status, 403);
  t.match(create.body, /<Code>AccessDenied<\/Code>/);
  t.equal((await iamRaw(f.gw.url, null, { Action: 'GetRole', RoleName: 'nope' })).status, 404);
});

t.test('unknown access keys: 403 AccessDenied', async (t) => {
  await rejects(t, f.iam({ accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x'.repeat(40) }).send(new ListUsersCommand({})), 403, 'AccessDenied');
});

t.test('actions RGW does not know fall through to S3: 405 with an S3 <Error> body', async (t) => {
  for (const action of ['GetAccountSummary', 'CreatePolicy', 'TagUser', 'createuser']) {
    const r = await iamRaw(f.gw.url, acct.root, { Action: action });
    t.equal(r.status, 405, action);
    t.match(r.body, /^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>MethodNotAllowed<\/Code>/, action);
  }
});

t.test('an account user without policies: 403, but unknown names are 404 and bad input 400 first', async (t) => {
  await rejects(t, pu.send(new ListUsersCommand({})), 403, 'AccessDenied');
  await rejects(t, pu.send(new GetUserCommand({})), 403, 'AccessDenied', 'not even itself');
  await rejects(t, pu.send(new GetRoleCommand({ RoleName: 'tr' })), 403, 'AccessDenied');
  await rejects(t, pu.send(new GetUserCommand({ UserName: 'ghost' })), 404, 'NoSuchEntity');
  await rejects(t, pu.send(new GetRoleCommand({ RoleName: 'ghost' })), 404, 'NoSuchEntity');
  await rejects(t, pu.send(new CreateUserCommand({ UserName: 'a b' })), 400, 'InvalidInput');
});

t.test("ListUsers' resource is arn:aws:iam::ACCT:user (user/* does not cover it)", async (t) => {
  await grant([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: `arn:aws:iam::${acct.id}:user/*` }]);
  await rejects(t, pu.send(new ListUsersCommand({})), 403, 'AccessDenied');
  await grant([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: `arn:aws:iam::${acct.id}:user` }]);
  t.equal((await pu.send(new ListUsersCommand({}))).Users?.length, 3);
  await grant([{ Effect: 'Allow', Action: 'iam:ListUsers' }]);
  await rejects(t, pu.send(new ListUsersCommand({})), 403, 'AccessDenied', 'a statement without Resource never applies');
});

t.test('user resources carry the path and the IAM name: user/team/* covers Alice only', async (t) => {
  await grant([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${acct.id}:user/team/*` }]);
  t.equal((await pu.send(new GetUserCommand({ UserName: 'alice' }))).User?.UserName, 'Alice');
  await rejects(t, pu.send(new GetUserCommand({ UserName: 'B2' })), 403, 'AccessDenied');
  await grant([{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${acct.id}:user/ops/pu` }]);
  t.equal((await pu.send(new GetUserCommand({}))).User?.UserName, 'pu');
});

t.test("roles: ListRoles' resource is role (PathPrefix ignored), CreateRole checks the new role's ARN", async (t) => {
  await grant([{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: `arn:aws:iam::${acct.id}:role/*` }]);
  await rejects(t, pu.send(new ListRolesCommand({})), 403, 'AccessDenied');
  await grant([{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: `arn:aws:iam::${acct.id}:role` }]);
  t.equal((await pu.send(new ListRolesCommand({ PathPrefix: '/p/' }))).Roles?.length, 1);
  await grant([{ Effect: 'Allow', Action: 'iam:CreateRole', Resource: `arn:aws:iam::${acct.id}:role/p/*` }]);
  t.equal((await pu.send(new CreateRoleCommand({ RoleName: 'tr2', Path: '/p/', AssumeRolePolicyDocument: trust }))).Role?.RoleName, 'tr2');
  await rejects(t, pu.send(new CreateRoleCommand({ RoleName: 'tr3', AssumeRolePolicyDocument: trust })), 403, 'AccessDenied');
});

t.test('UpdateAssumeRolePolicy needs iam:ModifyRoleTrustPolicy', async (t) => {
  await grant([{ Effect: 'Allow', Action: 'iam:UpdateRole', Resource: '*' }]);
  await rejects(t, pu.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'tr', PolicyDocument: trust })), 403, 'AccessDenied');
  await grant([{ Effect: 'Allow', Action: 'iam:ModifyRoleTrustPolicy', Resource: `arn:aws:iam::${acct.id}:role/p/tr` }]);
  t.equal((await pu.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'tr', PolicyDocument: trust }))).$metadata.httpStatusCode, 200);
});

t.test('no identity policy grants ListOpenIDConnectProviders; the root may', async (t) => {
  await grant([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  await rejects(t, pu.send(new ListOpenIDConnectProvidersCommand({})), 403, 'AccessDenied');
  t.equal((await root.send(new ListOpenIDConnectProvidersCommand({}))).$metadata.httpStatusCode, 200);
});

t.test('an explicit Deny beats iam:*; the lookup still answers 404 first', async (t) => {
  await grant([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:GetUser', Resource: '*' }]);
  await rejects(t, pu.send(new GetUserCommand({ UserName: 'B2' })), 403, 'AccessDenied');
  await rejects(t, pu.send(new GetUserCommand({ UserName: 'ghost' })), 404, 'NoSuchEntity');
});

t.test('outside accounts, role calls use the tenant and the "roles" cap; without it 403', async (t) => {
  const admin = f.iam(f.gw.admin);
  const r = (await admin.send(new CreateRoleCommand({ RoleName: 'tenant-role', AssumeRolePolicyDocument: trust }))).Role!;
  t.equal(r.Arn, 'arn:aws:iam:::role/tenant-role');
  t.same((await admin.send(new ListRolesCommand({}))).Roles?.map((x) => x.RoleName), ['tenant-role']);
  await rejects(t, admin.send(new AttachRolePolicyCommand({ RoleName: 'tenant-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' })), 405, 'MethodNotAllowed');
  const c = f.iam(classic);
  await rejects(t, c.send(new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: trust })), 403, 'AccessDenied');
  await rejects(t, c.send(new GetRoleCommand({ RoleName: 'ghost' })), 404, 'NoSuchEntity');
  await rejects(t, c.send(new ListRolesCommand({})), 403, 'AccessDenied');
});

t.test('outside accounts, inline user policies address users by uid with the "user-policy" cap', async (t) => {
  const admin = f.iam(f.gw.admin);
  const doc = P([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  await admin.send(new PutUserPolicyCommand({ UserName: classic.uid, PolicyName: 'p', PolicyDocument: doc }));
  t.equal((await admin.send(new GetUserPolicyCommand({ UserName: classic.uid, PolicyName: 'p' }))).PolicyDocument, doc);
  await rejects(t, admin.send(new GetUserPolicyCommand({ UserName: 'nobody', PolicyName: 'p' })), 404, 'NoSuchEntity');
  await rejects(t, f.iam(classic).send(new GetUserPolicyCommand({ UserName: classic.uid, PolicyName: 'p' })), 403, 'AccessDenied');
});

t.test('outside accounts AttachUserPolicy works, but Detach and ListAttached are 405', async (t) => {
  const admin = f.iam(f.gw.admin);
  const arn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
  t.equal((await admin.send(new AttachUserPolicyCommand({ UserName: classic.uid, PolicyArn: arn }))).$metadata.httpStatusCode, 200);
  await rejects(t, admin.send(new DetachUserPolicyCommand({ UserName: classic.uid, PolicyArn: arn })), 405, 'MethodNotAllowed');
  await rejects(t, admin.send(new ListAttachedUserPoliciesCommand({ UserName: classic.uid })), 405, 'MethodNotAllowed');
  await rejects(t, f.iam(classic).send(new AttachUserPolicyCommand({ UserName: 'ghost', PolicyArn: arn })), 404, 'NoSuchEntity');
  await rejects(t, f.iam(classic).send(new AttachUserPolicyCommand({ UserName: classic.uid, PolicyArn: arn })), 403, 'AccessDenied');
});
