// The STS flags: --no-sts (rgw_s3_auth_use_sts=false) changes how bad credentials are answered; the session
// duration bounds reach STS (min: AssumeRole, max: GetSessionToken, as RGW applies them); --sts-key seals session tokens, so with the same key and --data-dir a token
// outlives a restart, and with another key it is refused.
import t, { type Test } from 'tap';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AdminClient } from '../../harness/admin-client.js';
import { rejects, type Creds } from '../fixtures/gateway.js';
import { startCliGateway, type Running } from './spawn.js';

const ADMIN = { accessKeyId: 'CLISTSADMINKEY000001', secretAccessKey: 'cli-sts-admin-secret-0000000000000000001' };
const opts = (gw: Running, c: Creds) => ({ endpoint: gw.url, region: 'default', credentials: c, maxAttempts: 1 });
const s3 = (gw: Running, c: Creds) => new S3Client({ ...opts(gw, c), forcePathStyle: true });

async function start(t: Test, args: string[]): Promise<{ gw: Running; user: (uid: string, extra?: Record<string, string | boolean>) => Promise<Creds> }> {
  const gw = await startCliGateway(['--port', '0', '--admin-access-key', ADMIN.accessKeyId, '--admin-secret-key', ADMIN.secretAccessKey, ...args]);
  const admin = new AdminClient({ endpoint: gw.url, credentials: ADMIN });
  t.teardown(async () => {
    admin.destroy();
    await gw.stop();
  });
  const user = async (uid: string, extra: Record<string, string | boolean> = {}): Promise<Creds> => {
    const out = (await admin.send('CreateUser', { uid, 'display-name': uid, ...extra })).output as { keys: { access_key: string; secret_key: string }[] };
    return { accessKeyId: out.keys[0]!.access_key, secretAccessKey: out.keys[0]!.secret_key };
  };
  return { gw, user };
}

t.test('--no-sts: InvalidAccessKeyId / SignatureDoesNotMatch instead of AccessDenied', async (t) => {
  const [on, off] = await Promise.all([start(t, []), start(t, ['--no-sts'])]);
  for (const [g, unknown, badSig] of [[on!, 'AccessDenied', 'AccessDenied'], [off!, 'InvalidAccessKeyId', 'SignatureDoesNotMatch']] as const) {
    const real = await g.user('cli-sts-user');
    await rejects(t, s3(g.gw, { accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' }).send(new ListBucketsCommand({})), 403, unknown);
    await rejects(t, s3(g.gw, { ...real, secretAccessKey: 'wrong' }).send(new ListBucketsCommand({})), 403, badSig);
  }
});

/** An account root and a role it may assume, whose sessions may do anything in S3. */
async function roleSetup(gw: Running, user: (uid: string, extra?: Record<string, string | boolean>) => Promise<Creds>, name: string): Promise<{ sts: STSClient; roleArn: string }> {
  const admin = new AdminClient({ endpoint: gw.url, credentials: ADMIN });
  const account = (await admin.send('CreateAccount', { name })).output as { id: string };
  admin.destroy();
  const root = await user(`${name}-root`, { 'account-id': account.id, 'account-root': true });
  const iam = new IAMClient(opts(gw, root));
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.id}:root` }, Action: 'sts:AssumeRole' }] });
  const role = await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trust }));
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
  await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'all-s3', PolicyDocument: policy }));
  return { sts: new STSClient(opts(gw, root)), roleArn: role.Role!.Arn! };
}

t.test('--sts-min/max-session-duration: the bounds AssumeRole and GetSessionToken check', async (t) => {
  const { gw, user } = await start(t, ['--sts-min-session-duration', '1000', '--sts-max-session-duration', '2000']);
  const { sts, roleArn } = await roleSetup(gw, user, 'cli-duration');
  // AssumeRole: rgw_sts_min_session_duration .. the role's MaxSessionDuration (3600 here).
  const assume = (DurationSeconds: number) => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `s${DurationSeconds}`, DurationSeconds }));
  await rejects(t, assume(999), 400, 'InvalidArgument', 'below the minimum');
  t.ok((await assume(1000)).Credentials, 'the minimum is allowed');
  t.ok((await assume(3600)).Credentials, 'up to the role maximum');
  // GetSessionToken (the account root may call it): up to rgw_sts_max_session_duration.
  await rejects(t, sts.send(new GetSessionTokenCommand({ DurationSeconds: 2001 })), 400, 'InvalidArgument', 'above the maximum');
  t.ok((await sts.send(new GetSessionTokenCommand({ DurationSeconds: 2000 }))).Credentials, 'the maximum is allowed');
});

t.test('--sts-key: a session token outlives a restart with the same key, not with another', async (t) => {
  const dir = t.testdir();
  const key = 'cli-sts-key-0001';
  const first = await start(t, ['--data-dir', dir, '--sts-key', key]);
  const { sts, roleArn } = await roleSetup(first.gw, first.user, 'cli-token');
  const { Credentials: c } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'keep' }));
  const temp = { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! };
  t.equal((await s3(first.gw, temp).send(new ListBucketsCommand({}))).$metadata.httpStatusCode, 200);
  await first.gw.stop();

  const same = await start(t, ['--data-dir', dir, '--sts-key', key]);
  t.equal((await s3(same.gw, temp).send(new ListBucketsCommand({}))).$metadata.httpStatusCode, 200, 'same key: token still good');
  await same.gw.stop();

  const other = await start(t, ['--data-dir', dir, '--sts-key', 'cli-sts-key-0002']);
  await rejects(t, s3(other.gw, temp).send(new ListBucketsCommand({})), 403, 'AccessDenied', 'another key: token refused');
});
