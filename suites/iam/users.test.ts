// IAM users through the real @aws-sdk/client-iam: names, paths, case rules, RGW's listing order and paging,
// the hidden account root, the user limit, and each error with RGW 20.2.4's status and code.
import t from 'tap';
import { CreateUserCommand, DeleteUserCommand, GetUserCommand, ListUsersCommand, UpdateUserCommand } from '@aws-sdk/client-iam';
import { fixture, rejects } from '../fixtures/gateway.js';

const f = await fixture(t);
const acct = await f.account('users');
const iam = f.iam(acct.root);
const names = async (input = {}): Promise<string[]> => ((await iam.send(new ListUsersCommand(input))).Users ?? []).map((u) => u.UserName!);

t.test('CreateUser returns the user: UUID id, display name as UserName, ARN with path, microsecond date', async (t) => {
  const u = (await iam.send(new CreateUserCommand({ UserName: 'Alice', Path: '/team/' }))).User!;
  t.match(u.UserId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  t.equal(u.UserName, 'Alice');
  t.equal(u.Path, '/team/');
  t.equal(u.Arn, `arn:aws:iam::${acct.id}:user/team/Alice`);
  t.ok(u.CreateDate instanceof Date);
});

t.test('names are case-insensitive: lookup by any case, duplicates refused with 409 EntityAlreadyExists', async (t) => {
  t.equal((await iam.send(new GetUserCommand({ UserName: 'ALICE' }))).User?.UserName, 'Alice');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'alice' })), 409, 'EntityAlreadyExists');
});

t.test('GetUser without UserName describes the caller, the root with its :root ARN', async (t) => {
  const u = (await iam.send(new GetUserCommand({}))).User!;
  t.equal(u.UserId, acct.root.uid);
  t.equal(u.Arn, `arn:aws:iam::${acct.id}:root`);
});

t.test('the account root is hidden from the user APIs by name', async (t) => {
  await rejects(t, iam.send(new GetUserCommand({ UserName: `${acct.root.uid}` })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new DeleteUserCommand({ UserName: `${acct.root.uid}` })), 404, 'NoSuchEntity');
  t.notOk((await names()).includes(acct.root.uid), 'ListUsers never prints the root');
});

t.test('invalid names and paths: 400 InvalidInput, path checked first', async (t) => {
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'a b' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'a'.repeat(65) })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'p1', Path: 'nope' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'p1', Path: '//' })), 400, 'InvalidInput');
  await rejects(t, iam.send(new CreateUserCommand({ UserName: 'p1', Path: '/a b/' })), 400, 'InvalidInput');
  t.equal((await iam.send(new CreateUserCommand({ UserName: 'x+=,.@-_9' }))).User?.UserName, 'x+=,.@-_9', 'RGW allows [\\w+=,.@-]');
  t.equal((await iam.send(new CreateUserCommand({ UserName: 'b'.repeat(64) }))).User?.UserName?.length, 64);
});

t.test('GetUser of an unknown (or invalid) name: 404 NoSuchEntity', async (t) => {
  await rejects(t, iam.send(new GetUserCommand({ UserName: 'nobody' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new GetUserCommand({ UserName: 'not valid' })), 404, 'NoSuchEntity');
});

t.test('ListUsers sorts by lower-cased name; PathPrefix filters', async (t) => {
  for (const [n, p] of [['bob', '/'], ['Carol', '/'], ['dave', '/team/'], ['_x', '/']]) await iam.send(new CreateUserCommand({ UserName: n, Path: p }));
  t.same(await names(), ['_x', 'Alice', 'b'.repeat(64), 'bob', 'Carol', 'dave', 'x+=,.@-_9']);
  t.same(await names({ PathPrefix: '/te' }), ['Alice', 'dave']);
});

t.test('ListUsers paging: the marker is the last lower-cased name listed, the next page starts after it', async (t) => {
  const p1 = await iam.send(new ListUsersCommand({ MaxItems: 2 }));
  t.equal(p1.IsTruncated, true);
  t.equal(p1.Marker, 'alice');
  const p2 = await iam.send(new ListUsersCommand({ MaxItems: 2, Marker: p1.Marker }));
  t.same(p2.Users?.map((u) => u.UserName), ['b'.repeat(64), 'bob']);
  t.same(await names({ Marker: 'bz' }), ['Carol', 'dave', 'x+=,.@-_9'], 'any marker works');
  const last = await iam.send(new ListUsersCommand({ MaxItems: 1000 }));
  t.equal(last.IsTruncated, false);
  t.equal(last.Marker, undefined);
});

t.test('ListUsers MaxItems: 0 lists nothing untruncated, above 1000 is 400 InvalidInput', async (t) => {
  const zero = await iam.send(new ListUsersCommand({ MaxItems: 0 }));
  t.same(zero.Users, []);
  t.equal(zero.IsTruncated, false);
  await rejects(t, iam.send(new ListUsersCommand({ MaxItems: 1001 })), 400, 'InvalidInput');
});

t.test('UpdateUser renames and moves; renaming onto another user is 409', async (t) => {
  const u = (await iam.send(new UpdateUserCommand({ UserName: 'bob', NewUserName: 'Bobby', NewPath: '/new/' })));
  t.ok(u.$metadata.httpStatusCode === 200);
  const got = (await iam.send(new GetUserCommand({ UserName: 'bobby' }))).User!;
  t.equal(got.Arn, `arn:aws:iam::${acct.id}:user/new/Bobby`);
  await rejects(t, iam.send(new UpdateUserCommand({ UserName: 'Bobby', NewUserName: 'CAROL' })), 409, 'EntityAlreadyExists');
  await rejects(t, iam.send(new UpdateUserCommand({ UserName: 'ghost', NewPath: '/x/' })), 404, 'NoSuchEntity');
  await rejects(t, iam.send(new UpdateUserCommand({ UserName: 'ghost', NewPath: 'x' })), 400, 'InvalidInput', 'NewPath is checked before the lookup');
});

t.test("the root's display name is taken: CreateUser with it is 409", async (t) => {
  await rejects(t, iam.send(new CreateUserCommand({ UserName: acct.root.uid })), 409, 'EntityAlreadyExists');
});

t.test('DeleteUser removes the user; a second delete is 404', async (t) => {
  await iam.send(new DeleteUserCommand({ UserName: '_x' }));
  await rejects(t, iam.send(new DeleteUserCommand({ UserName: '_x' })), 404, 'NoSuchEntity');
});

t.test('the account user limit counts the root: max-users 2 allows one IAM user', async (t) => {
  const small = await f.admin.send('CreateAccount', { name: 'users-small', 'max-users': 2 });
  const id = (small.output as { id: string }).id;
  const root = await f.user('small-root', { accountId: id, root: true });
  const c = f.iam(root);
  await c.send(new CreateUserCommand({ UserName: 'one' }));
  await rejects(t, c.send(new CreateUserCommand({ UserName: 'two' })), 409, 'LimitExceeded');
  await rejects(t, c.send(new CreateUserCommand({ UserName: 'one' })), 409, 'LimitExceeded', 'the limit is checked before duplicates');
  const p = await c.send(new ListUsersCommand({ MaxItems: 1, Marker: 'one' }));
  t.same([p.Users, p.IsTruncated], [[], false], 'the hidden root still fills a page slot');
  const first = await c.send(new ListUsersCommand({ MaxItems: 1 }));
  t.same([first.Users?.map((u) => u.UserName), first.IsTruncated, first.Marker], [['one'], true, 'one']);
});
