// The reference trusts for OIDC issuers what Node trusts: its CA store plus NODE_EXTRA_CA_CERTS (read when the
// process starts, so the gateway runs as its own process here), as RGW trusts its host's CA store. The same
// IdP is refused (400 InvalidArgument: the discovery document cannot be fetched) by a gateway without its CA.
import t from 'tap';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AdminClient } from '../../harness/admin-client.js';
import { startIdp } from '../../reference/idp/index.js';
import { iamRaw } from '../iam/raw.js';
import { outcome, stsRaw, trustPolicy } from './helpers.js';

// From source, as suites/cli/spawn.ts runs the CLI, so no fresh dist/ is needed.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const admin = { accessKeyId: 'STSTRUSTADMIN0000000', secretAccessKey: 'sts-trust-admin-secret-0000000000000000' };
const idp = await startIdp();
t.teardown(() => idp.close());
const dir = t.testdir();
const caFile = join(dir, 'idp-ca.pem');
writeFileSync(caFile, idp.caPem);

async function gateway(env: NodeJS.ProcessEnv): Promise<string> {
  const args = ['--import', 'tsx', 'reference/cli-main.ts', 'gateway', '--port', '0', '--admin-access-key', admin.accessKeyId, '--admin-secret-key', admin.secretAccessKey];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.teardown(() => {
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway exited ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^listening on (\S+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
  });
}

/** An account, the IdP registered as its provider, and a role any of its tokens may assume. */
async function assumeOn(url: string): Promise<string> {
  const client = new AdminClient({ endpoint: url, credentials: admin });
  t.teardown(() => client.destroy());
  const acct = (await client.send('CreateAccount', { name: 'trust-store' })).output as { id: string };
  const keys = (await client.send('CreateUser', { uid: 'ts-root', 'display-name': 'ts-root', 'account-id': acct.id, 'account-root': true })).output as { keys: { access_key: string; secret_key: string }[] };
  const root = { accessKeyId: keys.keys[0]!.access_key, secretAccessKey: keys.keys[0]!.secret_key };
  const p = await iamRaw(url, root, { Action: 'CreateOpenIDConnectProvider', Url: idp.issuer, 'ClientIDList.member.1': 'app', 'ThumbprintList.member.1': idp.thumbprints.signing });
  const providerArn = /<OpenIDConnectProviderArn>([^<]+)</.exec(p.body)![1]!;
  await iamRaw(url, root, { Action: 'CreateRole', RoleName: 'web', AssumeRolePolicyDocument: trustPolicy({ Federated: providerArn }, {}, 'sts:AssumeRoleWithWebIdentity') });
  const tok = await idp.token({ sub: 'alice', aud: 'app' });
  return outcome(await stsRaw(url, null, { Action: 'AssumeRoleWithWebIdentity', RoleArn: `arn:aws:iam::${acct.id}:role/web`, RoleSessionName: 'ts', WebIdentityToken: tok }));
}

t.test('with the IdP CA in NODE_EXTRA_CA_CERTS the token is accepted', async (t) => {
  t.equal(await assumeOn(await gateway({ ...process.env, NODE_EXTRA_CA_CERTS: caFile })), '200');
});

t.test('without it the discovery document cannot be fetched: 400 InvalidArgument, as RGW answers', async (t) => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  t.equal(await assumeOn(await gateway(env)), '400 InvalidArgument');
});
