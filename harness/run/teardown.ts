// Teardown leaves nothing behind on a long-lived RGW, in the order RGW requires: buckets (with their
// objects), then per account the IAM resources steps may have created (roles, groups, managed policies,
// OIDC providers) through the account's root user, then its users, then the account; then classic users.
// RGW refuses to delete an account that still has users or roles ("The account cannot be deleted until all
// roles are removed."), and roles can only be listed by a principal of the account, so the root's key is
// used, or a temporary root user when a step removed it. Failures are recorded; teardown carries on.
import {
  DeleteGroupCommand, DeleteGroupPolicyCommand, DeleteOpenIDConnectProviderCommand, DeletePolicyCommand,
  DeletePolicyVersionCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachGroupPolicyCommand,
  DetachRolePolicyCommand, GetGroupCommand, IAMClient, ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand, ListGroupPoliciesCommand, ListGroupsCommand, ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand, ListPolicyVersionsCommand, ListRolePoliciesCommand, ListRolesCommand, ListUsersCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { AdminOpsError } from '../admin-client.js';
import type { Credentials } from '../targets/target.js';
import { adminUid, type AccountState, type ScenarioContext } from './context.js';
import { errorCode, type Phase } from './phase.js';

/** IAM answers meaning "this target has no such feature": nothing to clean. */
const UNSUPPORTED = new Set(['NotImplemented', 'MethodNotAllowed', 'InvalidAction', 'UnknownOperation', 'Unknown']);

export async function runTeardown(ctx: ScenarioContext, phase: Phase): Promise<void> {
  ctx.recorder.trace = `${ctx.runId}/teardown`;
  const buckets = new Set([...Object.values(ctx.names.entries('buckets')), ...ctx.createdBuckets]);
  for (const bucket of buckets) {
    await phase.attempt(`remove bucket ${bucket} and its objects`, async () => {
      try {
        await ctx.admin.removeBucket({ bucket, 'purge-objects': true });
      } catch (err) {
        if (!(err instanceof AdminOpsError && err.code === 'NoSuchBucket')) throw err;
      }
    });
  }
  for (const uid of ctx.createdUsers) await phase.attempt(`remove user ${uid} (created by a step)`, () => removeUser(ctx, uid));
  for (const account of ctx.accounts.values()) await removeAccount(ctx, phase, account);
  for (const [id, name] of ctx.createdAccounts) await removeAccount(ctx, phase, { logical: name, id, name, root: '' });
  for (const u of ctx.users.values()) {
    if (u.account === undefined) await phase.attempt(`remove user ${adminUid(u)}`, () => removeUser(ctx, adminUid(u)));
  }
}

async function removeAccount(ctx: ScenarioContext, phase: Phase, account: AccountState): Promise<void> {
  const root = ctx.users.get(account.root);
  let creds = root?.credentials;
  let tempRoot: string | undefined;
  if (!creds || !(await worksForIam(ctx, creds))) {
    tempRoot = `teardown-${ctx.runId}-${account.logical}`.slice(0, 60);
    const info = await phase.run(`create temporary root user ${tempRoot}`, () =>
      ctx.admin.createUser({ uid: tempRoot!, 'display-name': tempRoot!, 'account-id': account.id, 'account-root': true }),
    ).catch(() => undefined);
    const key = info?.keys?.[0];
    creds = key ? { accessKeyId: key.access_key, secretAccessKey: key.secret_key } : undefined;
    if (key) ctx.secrets.add(key.secret_key);
  }
  const iamUserIds: string[] = [];
  if (creds) {
    const iam = iamClient(ctx, creds);
    try {
      await cleanIam(iam, phase, account, iamUserIds);
    } finally {
      iam.destroy();
    }
  }
  // Every user the account lists that is not one of its own setup users: IAM-created users, and setup users
  // that a step moved into the account (Admin Ops ModifyUser account-id), which would otherwise block DeleteAccount.
  const setupUsers = [...ctx.users.values()].filter((u) => u.account === account.logical).sort((a, b) => Number(a.root) - Number(b.root));
  const ownUids = new Set(setupUsers.map((u) => u.uid));
  for (const uid of iamUserIds.filter((id) => !ownUids.has(id))) await phase.attempt(`remove IAM user ${uid} of ${account.name}`, () => removeUser(ctx, uid));
  for (const u of setupUsers) await phase.attempt(`remove user ${u.uid}`, () => removeUser(ctx, u.uid));
  if (tempRoot) await phase.attempt(`remove temporary root user ${tempRoot}`, () => removeUser(ctx, tempRoot!));
  await phase.attempt(`delete account ${account.name}`, () => ctx.admin.deleteAccount({ id: account.id }));
}

async function cleanIam(iam: IAMClient, phase: Phase, account: AccountState, iamUserIds: string[]): Promise<void> {
  const step = async (description: string, fn: () => Promise<unknown>): Promise<void> => {
    await phase.attempt(`${description} (account ${account.name})`, async () => {
      try {
        await fn();
      } catch (err) {
        if (!UNSUPPORTED.has(errorCode(err) ?? '')) throw err;
      }
    });
  };
  await step('remove roles', async () => {
    for (const role of await listAll((m) => iam.send(new ListRolesCommand({ Marker: m })), (r) => r.Roles)) {
      const RoleName = role.RoleName!;
      for (const p of (await iam.send(new ListRolePoliciesCommand({ RoleName }))).PolicyNames ?? []) {
        await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName: p }));
      }
      await tolerate(async () => {
        for (const p of (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))).AttachedPolicies ?? []) {
          await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn! }));
        }
      });
      await iam.send(new DeleteRoleCommand({ RoleName }));
    }
  });
  await step('remove groups', async () => {
    for (const g of await listAll((m) => iam.send(new ListGroupsCommand({ Marker: m })), (r) => r.Groups)) {
      const GroupName = g.GroupName!;
      for (const u of (await iam.send(new GetGroupCommand({ GroupName }))).Users ?? []) {
        await iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName: u.UserName! }));
      }
      for (const p of (await iam.send(new ListGroupPoliciesCommand({ GroupName }))).PolicyNames ?? []) {
        await iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName: p }));
      }
      await tolerate(async () => {
        for (const p of (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName }))).AttachedPolicies ?? []) {
          await iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn: p.PolicyArn! }));
        }
      });
      await iam.send(new DeleteGroupCommand({ GroupName }));
    }
  });
  await step('list IAM users', async () => {
    for (const u of await listAll((m) => iam.send(new ListUsersCommand({ Marker: m })), (r) => r.Users)) if (u.UserId) iamUserIds.push(u.UserId);
  });
  await step('remove managed policies', async () => {
    for (const p of await listAll((m) => iam.send(new ListPoliciesCommand({ Scope: 'Local', Marker: m })), (r) => r.Policies)) {
      const PolicyArn = p.Arn!;
      for (const v of (await iam.send(new ListPolicyVersionsCommand({ PolicyArn }))).Versions ?? []) {
        if (!v.IsDefaultVersion) await iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: v.VersionId! }));
      }
      await iam.send(new DeletePolicyCommand({ PolicyArn }));
    }
  });
  await step('remove OIDC providers', async () => {
    for (const p of (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []) {
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn! }));
    }
  });
}

async function removeUser(ctx: ScenarioContext, uid: string): Promise<void> {
  try {
    await ctx.admin.removeUser({ uid, 'purge-data': true });
  } catch (err) {
    if (!(err instanceof AdminOpsError && err.code === 'NoSuchUser')) throw err;
  }
}

async function worksForIam(ctx: ScenarioContext, creds: Credentials): Promise<boolean> {
  const iam = iamClient(ctx, creds);
  try {
    await iam.send(new ListRolesCommand({ MaxItems: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    iam.destroy();
  }
}

function iamClient(ctx: ScenarioContext, credentials: Credentials): IAMClient {
  return new IAMClient({
    endpoint: ctx.endpoint,
    region: ctx.target.region,
    credentials,
    maxAttempts: 3,
    systemClockOffset: ctx.clockOffsetMs,
  });
}

async function listAll<R extends { IsTruncated?: boolean; Marker?: string }, T>(
  page: (marker: string | undefined) => Promise<R>,
  items: (r: R) => T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  for (let i = 0; i < 100; i++) {
    const r = await page(marker);
    out.push(...(items(r) ?? []));
    if (!r.IsTruncated || !r.Marker) break;
    marker = r.Marker;
  }
  return out;
}

/** Managed-policy attachments are optional in some RGW versions: not being able to list them is fine. */
async function tolerate(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!UNSUPPORTED.has(errorCode(err) ?? '')) throw err;
  }
}
