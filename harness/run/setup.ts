// Setup through the Admin Ops API (accounts, root users, users, keys, quotas) and the owners' own S3 clients
// (buckets, objects, policies), all with run-unique names. Every created thing is recorded in the context
// before the next action, so teardown removes it even when setup stops half-way.
import { CreateBucketCommand, PutBucketPolicyCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { AdminParams } from '../admin-operations.js';
import type { SetupUser } from '../scenario/model.js';
import type { QuotaSpec } from '../scenario/schema.js';
import { resolveValue } from './captures.js';
import { adminUid, type ScenarioContext, type UserState } from './context.js';
import { resolveIdentity } from './identity.js';
import { realBucketArns } from './inputs.js';
import { errorCode, type Phase } from './phase.js';
import type { Sleep } from './retry.js';

/** Codes a brand-new key may get while RGW has not applied it yet (metadata caches, multisite). */
const NEW_KEY_CODES = new Set(['InvalidAccessKeyId', 'AccessDenied', 'SignatureDoesNotMatch']);

export async function runSetup(ctx: ScenarioContext, phase: Phase, sleep: Sleep): Promise<void> {
  const { setup } = ctx.scenario;
  ctx.recorder.trace = `${ctx.runId}/setup`;
  for (const a of setup.accounts) {
    const name = ctx.names.name('accounts', a.logical);
    const info = await phase.run(`create account ${name}`, () =>
      ctx.admin.createAccount({ name, ...definedOnly(a.limits) } as AdminParams<'CreateAccount'>),
    );
    ctx.accounts.set(a.logical, { logical: a.logical, id: info.id, name, root: a.root });
    for (const u of a.users) await createUser(ctx, phase, u, info.id);
  }
  for (const u of setup.users) await createUser(ctx, phase, u, undefined);

  for (const b of setup.buckets) {
    if (b.owner === undefined) continue;
    const bucket = ctx.bucketName(b.logical);
    const s3 = ctx.clients.client('s3', resolveIdentity(b.owner, ctx));
    await phase.run(`create bucket ${bucket} as ${b.owner}`, () => untilKeyWorks(() => s3.send(new CreateBucketCommand({ Bucket: bucket })), sleep));
    ctx.createdBuckets.add(bucket);
    if (b.versioning) {
      await phase.run(`set versioning ${b.versioning} on ${bucket}`, () =>
        s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: b.versioning } })),
      );
    }
    for (const [key, body] of Object.entries(b.objects)) {
      const text = String(resolveValue(body, ctx));
      await phase.run(`put object ${bucket}/${key}`, () => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text })));
    }
    if (b.policy !== undefined) {
      const resolved = realBucketArns(resolveValue(b.policy, ctx), ctx);
      const policy = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
      await phase.run(`put bucket policy on ${bucket}`, () => s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy })));
    }
  }

  // Quotas last, so setup's own objects are never refused.
  for (const u of [...setup.accounts.flatMap((a) => a.users), ...setup.users]) {
    const uid = adminUid(ctx.users.get(u.logical)!);
    if (u.options.quota) await phase.run(`set user quota of ${uid}`, () => ctx.admin.setUserQuota({ uid, 'quota-type': 'user', ...quotaParams(u.options.quota!) }));
    if (u.options['bucket-quota']) {
      await phase.run(`set bucket quota of ${uid}`, () => ctx.admin.setUserQuota({ uid, 'quota-type': 'bucket', ...quotaParams(u.options['bucket-quota']!) }));
    }
  }
  for (const a of setup.accounts) {
    const id = ctx.accounts.get(a.logical)!.id;
    if (a.quota) await phase.run(`set account quota of ${a.logical}`, () => ctx.admin.setAccountQuota({ id, 'quota-type': 'account', ...quotaParams(a.quota!) }));
    if (a.bucketQuota) {
      await phase.run(`set account bucket quota of ${a.logical}`, () => ctx.admin.setAccountQuota({ id, 'quota-type': 'bucket', ...quotaParams(a.bucketQuota!) }));
    }
  }
}

async function createUser(ctx: ScenarioContext, phase: Phase, u: SetupUser, accountId: string | undefined): Promise<void> {
  const uid = ctx.names.name('users', u.logical);
  const displayName = u.account ? u.logical : (u.options['display-name'] ?? u.logical);
  const tenant = u.options.tenant === undefined ? undefined : ctx.names.name('tenants', u.options.tenant);
  const what = u.root ? `account root user ${uid}` : u.account ? `account user ${uid}` : `user ${uid}`;
  const info = await phase.run(`create ${what}`, () =>
    ctx.admin.createUser({
      uid,
      'display-name': displayName,
      tenant,
      'account-id': accountId,
      'account-root': u.root ? true : undefined,
      'max-buckets': u.options['max-buckets'],
      'user-caps': u.options.caps,
    }),
  );
  const key = info.keys?.[0];
  if (!key) throw new Error(`RGW created ${uid} without a key`);
  ctx.secrets.add(key.secret_key);
  const arn = accountId ? (u.root ? `arn:aws:iam::${accountId}:root` : `arn:aws:iam::${accountId}:user/${displayName}`) : `arn:aws:iam::${info.tenant ?? tenant ?? ''}:user/${uid}`;
  const state: UserState = {
    logical: u.logical,
    uid,
    displayName,
    account: u.account,
    accountId,
    tenant: info.tenant ?? tenant ?? '',
    root: u.root,
    arn,
    credentials: { accessKeyId: key.access_key, secretAccessKey: key.secret_key },
  };
  ctx.users.set(u.logical, state);
}

function quotaParams(q: QuotaSpec): { 'max-objects'?: number; 'max-size'?: number; enabled: boolean } {
  return { ...definedOnly({ 'max-objects': q['max-objects'], 'max-size': q['max-size'] }), enabled: q.enabled ?? true };
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Retry a request made with a key created moments ago, for at most 10 s. */
async function untilKeyWorks<T>(fn: () => Promise<T>, sleep: Sleep): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!NEW_KEY_CODES.has(errorCode(err) ?? '') || Date.now() > deadline) throw err;
      await sleep(250);
    }
  }
}
