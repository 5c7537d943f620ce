// IAM groups through the real SDK: membership (the root may join), listing orders and markers, group
// policies (inline and managed) and what blocks DeleteGroup, with RGW 20.2.4's errors.
import t from 'tap';
import {
  AddUserToGroupCommand, AttachGroupPolicyCommand, CreateGroupCommand, CreateUserCommand, DeleteGroupCommand, DeleteGroupPolicyCommand,
  DeleteUserCommand, DetachGroupPolicyCommand, GetGroupCommand, GetGroupPolicyCommand, ListAttachedGroupPoliciesCommand, ListGroupPoliciesCommand,
  ListGroupsCommand, ListGroupsForUserCommand, PutGroupPolicyCommand, RemoveUserFromGroupCommand, UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('groups');
const iam = f.iam(acct.root);
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] });
for (const u of ['Carol', 'dave']) await iam.send(new CreateUserCommand({ UserName: u }));

t.test('CreateGroup / GetGroup: id, ARN with path; names case-insensitive; 409 on duplicates', async (t) => {
  const g = (await iam.send(new CreateGroupCommand({ GroupName: 'Devs', Path: '/eng/' }))).Group!;
  t.match(g.GroupId, /^[0-9a-f-]{36}$/);
  t.equal(g.Arn, `arn:aws:iam::${acct.id}:group/eng/Devs`);
  t.equal((await iam.send(new GetGroupCommand({ GroupName: 'devs' }))).Group?.GroupName, 'Devs');
  await rejects(t, iam.send(new CreateGroupCommand({ GroupName: 'DEVS' })), 409, 'EntityAlreadyExists');
  await rejects(t, iam.send(new CreateGroupCommand({ GroupName: 'a/b' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateGroupCommand({ GroupName: 'g'.repeat(129) })), 400, 'InvalidInput');
  await rejects(t, iam.send(new GetGroupCommand({ GroupName: 'ghost' })), 404, 'NoSuchEntity');
});

t.test('ListGroups: lower-cased name order, marker = last name listed, PathPrefix', async (t) => {
  await iam.send(new CreateGroupCommand({ GroupName: 'ops' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'Admins' }));
  t.same((await iam.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName), ['Admins', 'Devs', 'ops']);
  const p1 = await iam.send(new ListGroupsCommand({ MaxItems: 1 }));
  t.same([p1.IsTruncated, p1.Marker], [true, 'admins']);
  t.same((await iam.send(new ListGroupsCommand({ PathPrefix: '/eng' }))).Groups?.map((g) => g.GroupName), ['Devs']);
});

t.test('membership: idempotent adds, the root can join, GetGroup lists members by name', async (t) => {
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Devs', UserName: 'dave' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Devs', UserName: 'Carol' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Devs', UserName: 'Carol' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'Carol' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'Admins', UserName: acct.root.uid }));
  const g = await iam.send(new GetGroupCommand({ GroupName: 'Devs' }));
  t.same(g.Users?.map((u) => u.UserName), ['Carol', 'dave']);
  const admins = await iam.send(new GetGroupCommand({ GroupName: 'Admins' }));
  t.equal(admins.Users?.[0]?.Arn, `arn:aws:iam::${acct.id}:root`);
  const p1 = await iam.send(new GetGroupCommand({ GroupName: 'Devs', MaxItems: 1 }));
  t.same([p1.IsTruncated, p1.Marker], [true, 'carol']);
  await rejects(t, iam.send(new AddUserToGroupCommand({ GroupName: 'Devs', UserName: 'ghost' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new AddUserToGroupCommand({ GroupName: 'ghost', UserName: 'dave' })), 404, 'NoSuchEntity');
});

t.test('ListGroupsForUser: by group id; the marker is the next group id', async (t) => {
  const all = (await iam.send(new ListGroupsForUserCommand({ UserName: 'Carol' }))).Groups!;
  t.same(all.map((g) => g.GroupId), all.map((g) => g.GroupId).sort());
  t.same(all.map((g) => g.GroupName).sort(), ['Devs', 'ops']);
  const p1 = await iam.send(new ListGroupsForUserCommand({ UserName: 'Carol', MaxItems: 1 }));
  t.same([p1.IsTruncated, p1.Marker], [true, all[1]!.GroupId]);
  t.same((await iam.send(new ListGroupsForUserCommand({ UserName: 'Carol', Marker: p1.Marker }))).Groups?.map((g) => g.GroupId), [all[1]!.GroupId]);
  await rejects(t, iam.send(new ListGroupsForUserCommand({ UserName: 'ghost' })), 404, 'NoSuchEntity');
});

t.test('UpdateGroup renames (member lists follow); renaming onto another group is 409', async (t) => {
  const g = (await iam.send(new UpdateGroupCommand({ GroupName: 'ops', NewGroupName: 'Ops2', NewPath: '/x/' })));
  t.equal(g.$metadata.httpStatusCode, 200);
  t.ok((await iam.send(new ListGroupsForUserCommand({ UserName: 'Carol' }))).Groups?.some((x) => x.Arn === `arn:aws:iam::${acct.id}:group/x/Ops2`));
  await rejects(t, iam.send(new UpdateGroupCommand({ GroupName: 'Ops2', NewGroupName: 'devs' })), 409, 'EntityAlreadyExists');
});

t.test('group policies: inline put/get/list, managed attach/list, unknown ARN 404, bad document 400', async (t) => {
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'p1', PolicyDocument: policy }));
  t.equal((await iam.send(new GetGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'p1' }))).PolicyDocument, policy);
  t.same((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'Devs' }))).PolicyNames, ['p1']);
  await rejects(t, iam.send(new GetGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'nope' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new PutGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'p 2', PolicyDocument: policy })), 400, 'InvalidInput');
  await rejects(t, iam.send(new PutGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'p2', PolicyDocument: '{"Statement":[' })), 400, 'MalformedPolicyDocument');
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Devs', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
  const attached = (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'Devs' }))).AttachedPolicies!;
  t.same(attached, [{ PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }]);
  await rejects(t, iam.send(new AttachGroupPolicyCommand({ GroupName: 'Devs', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new AttachGroupPolicyCommand({ GroupName: 'Devs', PolicyArn: 'arn:aws:iam::aws' })), 400, 'InvalidInput');
});

t.test('DeleteGroup conflicts in RGW order: inline policies, managed policies, members', async (t) => {
  await rejects(t, iam.send(new DeleteGroupCommand({ GroupName: 'Devs' })), 409, 'DeleteConflict');
  await iam.send(new DetachGroupPolicyCommand({ GroupName: 'Devs', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
  await rejects(t, iam.send(new DetachGroupPolicyCommand({ GroupName: 'Devs', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new DeleteGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'nope' })), 404, 'NoSuchEntity');
  await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'Devs', PolicyName: 'p1' }));
  await rejects(t, iam.send(new DeleteGroupCommand({ GroupName: 'Devs' })), 409, 'DeleteConflict', 'members block the delete');
  await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'Devs', UserName: 'dave' }));
  await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'Devs', UserName: 'dave' }));
  await iam.send(new DeleteUserCommand({ UserName: 'Carol' }));
  t.same((await iam.send(new GetGroupCommand({ GroupName: 'Devs' }))).Users, [], 'a deleted user leaves its groups');
  await iam.send(new DeleteGroupCommand({ GroupName: 'Devs' }));
  await rejects(t, iam.send(new DeleteGroupCommand({ GroupName: 'Devs' })), 404, 'NoSuchEntity');
});

t.test('the group limit: max-groups 1', async (t) => {
  const a = (await f.admin.send('CreateAccount', { name: 'groups-small', 'max-groups': 1 })).output as { id: string };
  const c = f.iam(await f.user('gsmall-root', { accountId: a.id, root: true }));
  await c.send(new CreateGroupCommand({ GroupName: 'g1' }));
  await rejects(t, c.send(new CreateGroupCommand({ GroupName: 'g2' })), 409, 'LimitExceeded');
});
