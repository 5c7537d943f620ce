// The `rgw` target: a live RGW given by endpoint and admin credentials, found where operators keep them:
// flags, a creds file (/tmp/rgw/creds.json style), an AWS shared config profile (endpoint_url, region,
// keys), or the environment (RGW_ENDPOINT, RGW_ADMIN_ACCESS_KEY, RGW_ADMIN_SECRET_KEY, RGW_REGION).
// The first source that gives a field wins, in that order.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { AdminClient, AdminOpsError } from '../admin-client.js';
import type { Capability } from '../scenario/schema.js';
import { applyCapabilities, type Credentials, type Target } from './target.js';

/** What a stock RGW 20 with accounts and STS enabled supports; webidentity needs an OIDC provider it can reach. */
export const RGW_DEFAULT_CAPABILITIES: readonly Capability[] = ['accounts', 'iam', 'sts', 'quota', 'tenants'];

export interface RgwTargetOptions {
  endpoint?: string;
  region?: string;
  accessKey?: string;
  secretKey?: string;
  profile?: string;
  credsFile?: string;
  capabilities?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

interface Partial {
  endpoint?: string;
  region?: string;
  admin?: Credentials;
  source: string;
}

export async function rgwTarget(options: RgwTargetOptions = {}): Promise<Target> {
  const env = options.env ?? process.env;
  const sources: Partial[] = [
    {
      source: 'flags',
      endpoint: options.endpoint,
      region: options.region,
      admin: options.accessKey && options.secretKey ? { accessKeyId: options.accessKey, secretAccessKey: options.secretKey } : undefined,
    },
  ];
  if (options.credsFile) sources.push(await fromCredsFile(options.credsFile));
  if (options.profile) sources.push(await fromProfile(options.profile, env));
  sources.push({
    source: 'environment',
    endpoint: env.RGW_ENDPOINT,
    region: env.RGW_REGION,
    admin: env.RGW_ADMIN_ACCESS_KEY && env.RGW_ADMIN_SECRET_KEY
      ? { accessKeyId: env.RGW_ADMIN_ACCESS_KEY, secretAccessKey: env.RGW_ADMIN_SECRET_KEY }
      : undefined,
  });
  const endpoint = sources.find((s) => s.endpoint)?.endpoint;
  const admin = sources.find((s) => s.admin)?.admin;
  const region = sources.find((s) => s.region)?.region ?? 'default';
  if (!endpoint || !admin) {
    throw new Error(
      `the rgw target needs ${!endpoint ? 'an endpoint' : ''}${!endpoint && !admin ? ' and ' : ''}${!admin ? 'admin credentials' : ''}: ` +
        'give --endpoint URL --admin-access-key AK --admin-secret-key SK, or --creds FILE, or --profile NAME ' +
        '(endpoint_url in ~/.aws/config), or set RGW_ENDPOINT, RGW_ADMIN_ACCESS_KEY and RGW_ADMIN_SECRET_KEY',
    );
  }
  const url = new URL(endpoint);
  const capabilities = applyCapabilities(RGW_DEFAULT_CAPABILITIES, options.capabilities);
  await checkReachable(url.origin, region, admin);
  return {
    name: 'rgw',
    endpoint: url.origin,
    region,
    admin,
    capabilities,
    description: `RGW at ${url.origin}`,
    close: async () => {},
  };
}

async function fromCredsFile(file: string): Promise<Partial> {
  const j = JSON.parse(await readFile(file, 'utf8')) as {
    endpoint?: string;
    region?: string;
    admin?: { accessKeyId?: string; secretAccessKey?: string };
  };
  const admin = j.admin?.accessKeyId && j.admin.secretAccessKey ? { accessKeyId: j.admin.accessKeyId, secretAccessKey: j.admin.secretAccessKey } : undefined;
  if (!admin) throw new Error(`${file} has no admin.accessKeyId / admin.secretAccessKey`);
  return { source: file, endpoint: j.endpoint, region: j.region, admin };
}

async function fromProfile(profile: string, env: Readonly<Record<string, string | undefined>>): Promise<Partial> {
  const configFile = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  const creds = await fromIni({ profile, filepath: credentialsFile, configFilepath: configFile, ignoreCache: true })();
  const section = await readIniSection(configFile, profile === 'default' ? 'default' : `profile ${profile}`);
  return {
    source: `profile ${profile}`,
    endpoint: section.endpoint_url,
    region: section.region,
    admin: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
  };
}

/** One section of an INI file (missing file or section: empty). */
export async function readIniSection(file: string, name: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      inSection = sec[1]!.trim() === name;
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (inSection && kv) out[kv[1]!] = kv[2]!;
  }
  return out;
}

/** Fail early and clearly when nothing listens there; any HTTP answer (even 403) means it is reachable. */
async function checkReachable(endpoint: string, region: string, admin: Credentials): Promise<void> {
  const client = new AdminClient({ endpoint, region, credentials: admin });
  try {
    await client.send('GetInfo');
  } catch (err) {
    if (err instanceof AdminOpsError) return;
    throw new Error(`cannot reach RGW at ${endpoint}: ${(err as Error).message}`);
  } finally {
    client.destroy();
  }
}
