// STS documents exactly as RGW 20.2.4 renders them (raw bodies recorded in docs/rgw-behaviour/sts.md), what
// the real SDK makes of them, credential formats, and the AssumedRoleUser ARN and id quirks.
import t from 'tap';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fixture } from '../fixtures/gateway.js';
import { createRole, stsRaw, trustPolicy } from './helpers.js';

const f = await fixture(t);
const acct = await f.account('docs');
const iam = f.iam(acct.root);
const svc = await f.user('svc', { accountId: acct.id });
const arn = await createRole(iam, 'reader', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }));
await createRole(iam, 'deep', trustPolicy({ AWS: `arn:aws:iam::${acct.id}:root` }), { path: '/team/x/' });
const roleId = (await iam.send(new GetRoleCommand({ RoleName: 'reader' }))).Role!.RoleId!;
const mask = (xml: string): string =>
  xml
    .replace(/<AccessKeyId>[A-Za-z0-9]{20}<\/AccessKeyId>/, '<AccessKeyId>AK</AccessKeyId>')
    .replace(/<SecretAccessKey>[A-Z0-9]{40}<\/SecretAccessKey>/, '<SecretAccessKey>SK</SecretAccessKey>')
    .replace(/<SessionToken>[A-Za-z0-9+/=]+<\/SessionToken>/, '<SessionToken>TOKEN</SessionToken>')
    .replace(/<Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z<\/Expiration>/, '<Expiration>EXP</Expiration>')
    .replace(/<RequestId>[^<]+<\/RequestId>/, '<RequestId>RID</RequestId>')
    .replace(/<HostId>[^<]+<\/HostId>/, '<HostId>HID</HostId>');

t.test('AssumeRole: no declaration, STS namespace, Credentials / AssumedRoleUser(Arn, AssumeRoleId) / PackedPolicySize', async (t) => {
  const r = await stsRaw(f.gw.url, svc, { Action: 'AssumeRole', RoleArn: arn, RoleSessionName: 'doc' });
  t.equal(r.status, 200);
  t.equal(r.contentType, 'application/xml');
  t.equal(
    mask(r.body),
    '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>AK</AccessKeyId>' +
      '<Expiration>EXP</Expiration><SecretAccessKey>SK</SecretAccessKey><SessionToken>TOKEN</SessionToken></Credentials><AssumedRoleUser>' +
      `<Arn>arn:aws:sts::${acct.id}:assumed-role/reader/doc</Arn><AssumeRoleId>${roleId}:doc</AssumeRoleId></AssumedRoleUser>` +
      '<PackedPolicySize>0</PackedPolicySize></AssumeRoleResult></AssumeRoleResponse>',
  );
});

t.test('GetSessionToken: Credentials only', async (t) => {
  const r = await stsRaw(f.gw.url, acct.root, { Action: 'GetSessionToken' });
  t.equal(
    mask(r.body),
    '<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetSessionTokenResult><Credentials><AccessKeyId>AK</AccessKeyId>' +
      '<Expiration>EXP</Expiration><SecretAccessKey>SK</SecretAccessKey><SessionToken>TOKEN</SessionToken></Credentials></GetSessionTokenResult></GetSessionTokenResponse>',
  );
});

t.test('errors: XML declaration, ErrorResponse in the STS namespace, empty Message', async (t) => {
  const r = await stsRaw(f.gw.url, svc, { Action: 'AssumeRole', RoleArn: `arn:aws:iam::${acct.id}:role/nope`, RoleSessionName: 'doc' });
  t.equal(r.status, 404);
  t.equal(r.contentType, 'application/xml');
  t.equal(
    mask(r.body),
    '<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Code>NoSuchEntity</Code>' +
      '<Message></Message><RequestId>RID</RequestId><HostId>HID</HostId></Error></ErrorResponse>',
  );
});

t.test('actions RGW does not serve answer as S3 does: 405 MethodNotAllowed, S3-style body', async (t) => {
  for (const action of ['GetCallerIdentity', 'GetFederationToken', 'AssumeRoleWithSAML', 'DecodeAuthorizationMessage']) {
    const r = await stsRaw(f.gw.url, svc, { Action: action });
    t.equal(r.status, 405, action);
    t.match(r.body, /^<\?xml version="1.0" encoding="UTF-8"\?><Error><Code>MethodNotAllowed<\/Code>/, action);
  }
  const get = await fetch(`${f.gw.url}/?${new URLSearchParams({ Action: 'AssumeRole', RoleArn: arn, RoleSessionName: 'viaget' })}`);
  t.match(await get.text(), /<ListAllMyBucketsResult/, 'STS is POST only: a GET with Action is an anonymous S3 ListBuckets');
});

t.test('what the SDK makes of it: no AssumedRoleId (RGW names it AssumeRoleId), RGW credential formats', async (t) => {
  const r = await f.sts(svc).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sdk' }));
  t.equal(r.AssumedRoleUser?.Arn, `arn:aws:sts::${acct.id}:assumed-role/reader/sdk`);
  t.equal(r.AssumedRoleUser?.AssumedRoleId, undefined);
  t.equal(r.PackedPolicySize, 0);
  t.match(r.Credentials?.AccessKeyId, /^[A-Za-z0-9]{20}$/);
  t.notMatch(r.Credentials?.AccessKeyId, /^ASIA/);
  t.match(r.Credentials?.SecretAccessKey, /^[A-Z0-9]{40}$/);
  t.ok(r.Credentials?.Expiration instanceof Date);
});

t.test('AssumedRoleUser Arn: the path stays; the first "role" of the resource becomes "assumed-role"', async (t) => {
  const arnOf = async (roleArn: string): Promise<string | undefined> =>
    /<Arn>([^<]*)<\/Arn>/.exec((await stsRaw(f.gw.url, svc, { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 's1' })).body)?.[1];
  const A = acct.id;
  t.equal(await arnOf(`arn:aws:iam::${A}:role/team/x/deep`), `arn:aws:sts::${A}:assumed-role/team/x/deep/s1`);
  t.equal(await arnOf(`arn:aws:iam::${A}:role/READER`), `arn:aws:sts::${A}:assumed-role/READER/s1`, 'the name as the caller spelled it');
  t.equal(await arnOf(`arn:aws:iam::${A}:user/reader`), `arn:aws:sts::${A}:user/reader/s1`);
  t.equal(await arnOf(`arn:aws:iam::${A}:myrole/reader`), `arn:aws:sts::${A}:myassumed-role/reader/s1`);
  t.equal(await arnOf(`arn:aws-cn:iam:us-east-1:${A}:role/reader`), `arn:aws:sts::${A}:assumed-role/reader/s1`, 'always partition aws, no region');
});
