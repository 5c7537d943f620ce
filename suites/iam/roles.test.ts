// IAM roles through the real SDK: trust policies, MaxSessionDuration bounds, paths, listing, role policies
// (inline and managed), tags as RGW's multimap, and RGW 20.2.4's quirks (UpdateRole resets
// MaxSessionDuration, UntagRole removes nothing, PutRolePolicy accepts any policy name).
import t from 'tap';
import {
  AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand,
  GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, ListRolesCommand, ListRoleTagsCommand, PutRolePolicyCommand,
  TagRoleCommand, UntagRoleCommand, UpdateAssumeRolePolicyCommand, UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';
import { iamRaw } from './raw.js';

const f = await fixture(t);
const acct = await f.account('roles');
const iam = f.iam(acct.root);
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${acct.id}:root`] }, Action: ['sts:AssumeRole'] }] });
const read = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

t.test('CreateRole: id, ARN under the account with path, description, 3600 by default', async (t) => {
  const r = (await iam.send(new CreateRoleCommand({ RoleName: 'Reader', Path: '/app/', AssumeRolePolicyDocument: trust, Description: 'desc', MaxSessionDuration: 7200, Tags: [{ Key: 'k1', Value: 'v1' }] }))).Role!;
  t.match(r.RoleId, /^[0-9a-f-]{36}$/);
  t.equal(r.Arn, `arn:aws:iam::${acct.id}:role/app/Reader`);
  t.equal(r.MaxSessionDuration, 7200);
  t.equal(r.AssumeRolePolicyDocument, trust);
  t.equal((await iam.send(new CreateRoleCommand({ RoleName: 'min', AssumeRolePolicyDocument: trust }))).Role?.MaxSessionDuration, 3600);
});

t.test('MaxSessionDuration outside 3600..43200 is 400 InvalidInput', async (t) => {
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'm1', AssumeRolePolicyDocument: trust, MaxSessionDuration: 3599 })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'm2', AssumeRolePolicyDocument: trust, MaxSessionDuration: 43201 })), 400, 'InvalidInput');
  t.equal((await iam.send(new CreateRoleCommand({ RoleName: 'm3', AssumeRolePolicyDocument: trust, MaxSessionDuration: 43200 }))).Role?.MaxSessionDuration, 43200);
});

t.test('CreateRole errors: duplicate (any case) 409, bad name/path 400, trust policy missing 400 or malformed 400', async (t) => {
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: trust })), 409, 'EntityAlreadyExists');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'a b', AssumeRolePolicyDocument: trust })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: trust })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'p', Path: 'x', AssumeRolePolicyDocument: trust })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'p', AssumeRolePolicyDocument: '{"x":1}' })), 400, 'MalformedPolicyDocument');
  await rejects(t, iam.send(new CreateRoleCommand({ RoleName: 'p', AssumeRolePolicyDocument: trust, Description: 'd'.repeat(1001) })), 400, 'InvalidInput');
  await rejects(t, iam.send(new GetRoleCommand({ RoleName: 'ghost' })), 404, 'NoSuchEntity');
});

t.test('ListRoles: lower-cased name order, marker = last name, PathPrefix, AccountId and Tags per role', async (t) => {
  const all = (await iam.send(new ListRolesCommand({}))).Roles!;
  t.same(all.map((r) => r.RoleName), ['m3', 'min', 'Reader']);
  t.same(all.find((r) => r.RoleName === 'Reader')?.Tags, [], 'RGW prints <Tags><Tag>..., which the SDK (expecting <member>) reads as no tags');
  const p1 = await iam.send(new ListRolesCommand({ MaxItems: 2 }));
  t.same([p1.IsTruncated, p1.Marker], [true, 'min']);
  t.same((await iam.send(new ListRolesCommand({ Marker: p1.Marker }))).Roles?.map((r) => r.RoleName), ['Reader']);
  t.same((await iam.send(new ListRolesCommand({ PathPrefix: '/app' }))).Roles?.map((r) => r.RoleName), ['Reader']);
});

t.test('UpdateRole: description kept when given, MaxSessionDuration reset to 3600 when omitted', async (t) => {
  await iam.send(new UpdateRoleCommand({ RoleName: 'Reader', MaxSessionDuration: 7200 }));
  await iam.send(new UpdateRoleCommand({ RoleName: 'Reader', Description: 'new' }));
  const r = (await iam.send(new GetRoleCommand({ RoleName: 'Reader' }))).Role!;
  t.same([r.Description, r.MaxSessionDuration], ['new', 3600]);
  await rejects(t, iam.send(new UpdateRoleCommand({ RoleName: 'Reader', MaxSessionDuration: 100 })), 400, 'InvalidInput');
  await rejects(t, iam.send(new UpdateRoleCommand({ RoleName: 'ghost', MaxSessionDuration: 7200 })), 404, 'NoSuchEntity');
});

t.test('UpdateAssumeRolePolicy only checks JSON syntax', async (t) => {
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Reader', PolicyDocument: '{"x":1}' }));
  t.equal((await iam.send(new GetRoleCommand({ RoleName: 'Reader' }))).Role?.AssumeRolePolicyDocument, '{"x":1}');
  await rejects(t, iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Reader', PolicyDocument: '{' })), 400, 'MalformedPolicyDocument');
  await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Reader', PolicyDocument: trust }));
});

t.test('role policies: inline put/get/list (no paging, any name), managed attach/list/detach', async (t) => {
  await iam.send(new PutRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'read', PolicyDocument: read }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'a b', PolicyDocument: read }));
  t.same((await iam.send(new ListRolePoliciesCommand({ RoleName: 'Reader' }))).PolicyNames, ['a b', 'read']);
  t.equal((await iam.send(new GetRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'read' }))).PolicyDocument, read);
  await rejects(t, iam.send(new GetRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'nope' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new PutRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'bad', PolicyDocument: '{' })), 400, 'MalformedPolicyDocument');
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
  await rejects(t, iam.send(new AttachRolePolicyCommand({ RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/Nope12345' })), 404, 'NoSuchEntity');
  t.same((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Reader' }))).AttachedPolicies?.map((p) => p.PolicyName), ['AmazonS3ReadOnlyAccess']);
});

t.test('DeleteRole waits for every role policy; then succeeds and a second delete is 404', async (t) => {
  await rejects(t, iam.send(new DeleteRoleCommand({ RoleName: 'Reader' })), 409, 'DeleteConflict');
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'read' }));
  await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'a b' }));
  await rejects(t, iam.send(new DeleteRolePolicyCommand({ RoleName: 'Reader', PolicyName: 'read' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new DeleteRoleCommand({ RoleName: 'Reader' })), 409, 'DeleteConflict', 'the managed policy still blocks');
  await rejects(t, iam.send(new DetachRolePolicyCommand({ RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' })), 404, 'NoSuchEntity');
  await iam.send(new DetachRolePolicyCommand({ RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
  await iam.send(new DeleteRoleCommand({ RoleName: 'Reader' }));
  await rejects(t, iam.send(new DeleteRoleCommand({ RoleName: 'Reader' })), 404, 'NoSuchEntity');
});

t.test('tags: TagRole adds (a repeated key keeps both values), UntagRole removes nothing', async (t) => {
  await iam.send(new TagRoleCommand({ RoleName: 'min', Tags: [{ Key: 'k2', Value: 'b' }, { Key: 'k1', Value: 'a' }] }));
  await iam.send(new TagRoleCommand({ RoleName: 'min', Tags: [{ Key: 'k1', Value: 'a2' }] }));
  await iam.send(new UntagRoleCommand({ RoleName: 'min', TagKeys: ['k1'] }));
  const raw = (await iamRaw(f.gw.url, acct.root, { Action: 'ListRoleTags', RoleName: 'min' })).body;
  const pairs = [...raw.matchAll(/<Key><Key>([^<]*)<\/Key><\/Key><Value><Value>([^<]*)<\/Value><\/Value>/g)].map((m) => `${m[1]}=${m[2]}`);
  t.same(pairs, ['k1=a', 'k1=a2', 'k2=b']);
  const tags = await iam.send(new ListRoleTagsCommand({ RoleName: 'min' }));
  t.equal(tags.$metadata.httpStatusCode, 200, "ListRoleTags' document does not parse into the SDK's shape (see raw suite)");
});

t.test('the role limit: max-roles 1', async (t) => {
  const a = (await f.admin.send('CreateAccount', { name: 'roles-small', 'max-roles': 1 })).output as { id: string };
  const c = f.iam(await f.user('rsmall-root', { accountId: a.id, root: true }));
  await c.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: trust }));
  await rejects(t, c.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: trust })), 409, 'LimitExceeded');
});
