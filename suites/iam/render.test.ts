// The exact documents RGW 20.2.4 returned (probed; request ids, ids and dates masked): which carry the XML
// declaration and the IAM namespace, where ResponseMetadata goes, and RGW's odd element names.
import t from 'tap';
import { fixture } from '../fixtures/gateway.js';
import { iamRaw, shape } from './raw.js';

const f = await fixture(t);
const acct = await f.account('render');
const call = async (params: Record<string, string>): Promise<string> => {
  const r = await iamRaw(f.gw.url, acct.root, params);
  t.equal(r.contentType, 'application/xml', `${params.Action}: content type`);
  return shape(r.body)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.(\d+)Z/g, (_m, frac: string) => `DATE${frac.length}`)
    .replaceAll(acct.id, 'ACCT');
};
const NS = 'xmlns="https://iam.amazonaws.com/doc/2010-05-08/"';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const META = '<ResponseMetadata><RequestId/></ResponseMetadata>';
const trust = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::' + acct.id + ':root' }, Action: 'sts:AssumeRole' }] });
const doc = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const esc = (s: string): string => s.replaceAll('"', '&quot;').replaceAll(acct.id, 'ACCT');

t.test('users: declaration + namespace; microsecond dates; ListUsers without ResponseMetadata', async (t) => {
  const user = '<Path>/t/</Path><UserName>u1</UserName><UserId>ID</UserId><Arn>arn:aws:iam::ACCT:user/t/u1</Arn><CreateDate>DATE6</CreateDate>';
  t.equal(await call({ Action: 'CreateUser', UserName: 'u1', Path: '/t/' }), `${DECL}<CreateUserResponse ${NS}><CreateUserResult><User>${user}</User></CreateUserResult>${META}</CreateUserResponse>`);
  t.equal(await call({ Action: 'ListUsers' }), `${DECL}<ListUsersResponse ${NS}><ListUsersResult><Users><member>${user}</member></Users><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>`);
  t.equal(await call({ Action: 'DeleteUser', UserName: 'nobody' }), `${DECL}<ErrorResponse ${NS}><Error><Code>NoSuchEntity</Code><Message>No such UserName in the account</Message><RequestId/><HostId>${f.gw.env.ids.hostId}</HostId></Error></ErrorResponse>`);
});

t.test('inline user policies: namespace without declaration; Get/List put ResponseMetadata first', async (t) => {
  t.equal(await call({ Action: 'PutUserPolicy', UserName: 'u1', PolicyName: 'p', PolicyDocument: doc }), `<PutUserPolicyResponse ${NS}>${META}</PutUserPolicyResponse>`);
  t.equal(await call({ Action: 'GetUserPolicy', UserName: 'u1', PolicyName: 'p' }), `<GetUserPolicyResponse ${NS}>${META}<GetUserPolicyResult><PolicyName>p</PolicyName><UserName>u1</UserName><PolicyDocument>${esc(doc)}</PolicyDocument></GetUserPolicyResult></GetUserPolicyResponse>`);
  t.equal(await call({ Action: 'DeleteUserPolicy', UserName: 'u1', PolicyName: 'p' }), `<DeleteUserPoliciesResponse ${NS}>${META}</DeleteUserPoliciesResponse>`);
});

t.test('groups: declaration + namespace; members print without CreateDate', async (t) => {
  await call({ Action: 'CreateGroup', GroupName: 'g' });
  await call({ Action: 'AddUserToGroup', GroupName: 'g', UserName: 'u1' });
  t.equal(await call({ Action: 'GetGroup', GroupName: 'g' }), `${DECL}<GetGroupResponse ${NS}><GetGroupResult><Group><Path>/</Path><GroupName>g</GroupName><GroupId>ID</GroupId><Arn>arn:aws:iam::ACCT:group/g</Arn></Group><Users><member><Path>/t/</Path><UserName>u1</UserName><UserId>ID</UserId><Arn>arn:aws:iam::ACCT:user/t/u1</Arn></member></Users><IsTruncated>false</IsTruncated></GetGroupResult>${META}</GetGroupResponse>`);
});

t.test('roles: no declaration, no namespace, millisecond dates; GetRole puts ResponseMetadata first; UpdateRole inside the result', async (t) => {
  const role = `<RoleId>ID</RoleId><RoleName>r</RoleName><Path>/</Path><Arn>arn:aws:iam::ACCT:role/r</Arn><CreateDate>DATE3</CreateDate><Description></Description><MaxSessionDuration>3600</MaxSessionDuration><AssumeRolePolicyDocument>${esc(trust)}</AssumeRolePolicyDocument>`;
  t.equal(await call({ Action: 'CreateRole', RoleName: 'r', AssumeRolePolicyDocument: trust }), `<CreateRoleResponse><CreateRoleResult><Role>${role}</Role></CreateRoleResult>${META}</CreateRoleResponse>`);
  t.equal(await call({ Action: 'GetRole', RoleName: 'r' }), `<GetRoleResponse>${META}<GetRoleResult><Role>${role}</Role></GetRoleResult></GetRoleResponse>`);
  t.equal(await call({ Action: 'UpdateRole', RoleName: 'r' }), `<UpdateRoleResponse><UpdateRoleResult>${META}</UpdateRoleResult></UpdateRoleResponse>`);
  await call({ Action: 'PutRolePolicy', RoleName: 'r', PolicyName: 'p', PolicyDocument: doc });
  await call({ Action: 'TagRole', RoleName: 'r', 'Tags.member.1.Key': 'k', 'Tags.member.1.Value': 'v' });
  t.equal(await call({ Action: 'ListRoles' }), `<ListRolesResponse><ListRolesResult><Roles><member>${role}<AccountId>ACCT</AccountId><PermissionPolicies><Policy><PolicyName>p</PolicyName><PolicyValue>${esc(doc)}</PolicyValue></Policy></PermissionPolicies><Tags><Tag><Key>k</Key><Value>v</Value></Tag></Tags></member></Roles><IsTruncated>false</IsTruncated></ListRolesResult>${META}</ListRolesResponse>`);
  t.equal(await call({ Action: 'ListRoleTags', RoleName: 'r' }), `<ListRoleTagsResponse><ListRoleTagsResult><Tags><Key><Key>k</Key></Key><Value><Value>v</Value></Value></Tags></ListRoleTagsResult>${META}</ListRoleTagsResponse>`);
  t.equal(await call({ Action: 'ListRolePolicies', RoleName: 'r' }), `<ListRolePoliciesResponse>${META}<ListRolePoliciesResult><PolicyNames><member>p</member></PolicyNames></ListRolePoliciesResult></ListRolePoliciesResponse>`);
  t.equal(await call({ Action: 'AttachRolePolicy', RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }), `<AttachRolePolicyResponse ${NS}>${META}</AttachRolePolicyResponse>`);
  t.equal(await call({ Action: 'GetRole', RoleName: 'nobody' }), `${DECL}<ErrorResponse ${NS}><Error><Code>NoSuchEntity</Code><Message>No such RoleName in the tenant</Message><RequestId/><HostId>${f.gw.env.ids.hostId}</HostId></Error></ErrorResponse>`);
});

t.test('OIDC providers: namespace; client-id and thumbprint calls echo the provider under their own name', async (t) => {
  const arn = `arn:aws:iam::${acct.id}:oidc-provider/idp.example.com`;
  t.equal(await call({ Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.example.com', 'ThumbprintList.member.1': 'a'.repeat(40) }), `<CreateOpenIDConnectProviderResponse ${NS}><CreateOpenIDConnectProviderResult><OpenIDConnectProviderArn>arn:aws:iam::ACCT:oidc-provider/idp.example.com</OpenIDConnectProviderArn></CreateOpenIDConnectProviderResult>${META}</CreateOpenIDConnectProviderResponse>`);
  const provider = (clients: string, print: string): string => `<ClientIDList>${clients}</ClientIDList><CreateDate>DATE3</CreateDate><ThumbprintList><member>${print}</member></ThumbprintList><Url>https://idp.example.com</Url>`;
  t.equal(await call({ Action: 'AddClientIDToOpenIDConnectProvider', OpenIDConnectProviderArn: arn, ClientID: 'c' }), `<AddClientIDToOpenIDConnectProviderResponse>${META}<AddClientIDToOpenIDConnectProviderResponse>${provider('<member>c</member>', 'a'.repeat(40))}</AddClientIDToOpenIDConnectProviderResponse></AddClientIDToOpenIDConnectProviderResponse>`);
  t.equal(await call({ Action: 'UpdateOpenIDConnectProviderThumbprint', OpenIDConnectProviderArn: arn, 'ThumbprintList.member.1': 'b'.repeat(40) }), `<AddClientIDToOpenIDConnectProviderResponse>${META}<AddClientIDToOpenIDConnectProviderResponse>${provider('<member>c</member>', 'b'.repeat(40))}</AddClientIDToOpenIDConnectProviderResponse></AddClientIDToOpenIDConnectProviderResponse>`);
  t.equal(await call({ Action: 'GetOpenIDConnectProvider', OpenIDConnectProviderArn: arn }), `<GetOpenIDConnectProviderResponse ${NS}>${META}<GetOpenIDConnectProviderResult>${provider('<member>c</member>', 'b'.repeat(40))}</GetOpenIDConnectProviderResult></GetOpenIDConnectProviderResponse>`);
});

t.test('input messages as RGW words them', async (t) => {
  const msg = async (p: Record<string, string>): Promise<string> => (await call(p)).match(/<Message>(.*)<\/Message>/)?.[1] ?? '';
  t.equal(await msg({ Action: 'CreateUser' }), 'Missing required element UserName');
  t.equal(await msg({ Action: 'CreateUser', UserName: 'a b' }), 'UserName contains invalid characters');
  t.equal(await msg({ Action: 'CreateUser', UserName: 'u'.repeat(65) }), 'UserName too long');
  t.equal(await msg({ Action: 'CreateUser', UserName: 'x', Path: 'x' }), 'Path contains invalid characters');
  t.equal(await msg({ Action: 'ListUsers', MaxItems: '5abc' }), 'Invalid value for MaxItems');
  t.equal(await msg({ Action: 'UpdateAccessKey', AccessKeyId: 'K' }), 'Missing required element Status');
  t.equal(await msg({ Action: 'UpdateAccessKey', AccessKeyId: 'K', Status: 'x' }), 'Invalid value for Status');
  t.equal(await msg({ Action: 'PutUserPolicy', UserName: 'u1', PolicyName: 'p', PolicyDocument: '{' }), 'At character offset 1, Missing a name for object member.');
  t.equal(await msg({ Action: 'AttachUserPolicy', UserName: 'u1', PolicyArn: 'arn:aws:iam::aws' }), 'PolicyArn must be at least 20 characters long');
  t.equal(await msg({ Action: 'CreateRole', RoleName: 'r', AssumeRolePolicyDocument: trust, 'Tags.member.1.Key': 'k' }), 'Tags array found mismatched Keys/Values');
  t.equal(await msg({ Action: 'GetOpenIDConnectProvider', OpenIDConnectProviderArn: 'arn:aws:sts::x' }), 'OpenIDConnectProviderArn service must be iam');
});
