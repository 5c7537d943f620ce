// Everything one scenario execution knows: real names, created accounts/users/roles, step outputs, secrets,
// the target clock offset, and what teardown must remove. One instance per scenario run (no shared state).
import { AdminClient } from '../admin-client.js';
import { Secrets } from '../redact.js';
import type { Scenario } from '../scenario/model.js';
import type { Credentials, Target } from '../targets/target.js';
import { ClientPool } from './clients.js';
import { ExchangeRecorder } from './exchange-recorder.js';
import { NameBook } from './names.js';

export interface AccountState {
  logical: string;
  id: string;
  name: string; // real account name
  root: string; // logical name of the root user
}

export interface UserState {
  logical: string;
  uid: string; // real user id
  displayName: string;
  account?: string; // logical account
  accountId?: string;
  tenant: string;
  root: boolean;
  arn: string;
  credentials: Credentials;
}

/** The user id Admin Ops knows a user by: `tenant$uid` for a tenanted user. */
export function adminUid(u: Pick<UserState, 'uid' | 'tenant'>): string {
  return u.tenant ? `${u.tenant}$${u.uid}` : u.uid;
}

export interface RoleState {
  name: string;
  arn: string;
  id?: string;
}

export class ScenarioContext {
  readonly names: NameBook;
  readonly secrets = new Secrets();
  readonly recorder = new ExchangeRecorder();
  readonly accounts = new Map<string, AccountState>();
  readonly users = new Map<string, UserState>();
  readonly roles = new Map<string, RoleState>();
  /** Users created by IAM steps (by UserName): only their ARN is known. */
  readonly iamUsers = new Map<string, { name: string; arn: string }>();
  /** Raw (real-named, unredacted) outputs of steps with an id; never written anywhere. */
  readonly stepOutputs = new Map<string, unknown>();
  /** Real names of buckets that steps created, for teardown. */
  readonly createdBuckets = new Set<string>();
  /** Accounts (id → name) and user ids that admin steps created, for teardown. */
  readonly createdAccounts = new Map<string, string>();
  readonly createdUsers = new Set<string>();
  /** Milliseconds the target clock was moved forward; clients sign with the same offset. */
  clockOffsetMs = 0;
  readonly clients: ClientPool;
  /** Where clients send requests: the target, or a transport (recording proxy) in front of it. Set before use. */
  endpoint: string;

  constructor(
    readonly target: Target,
    readonly scenario: Scenario,
    runId?: string,
  ) {
    this.endpoint = target.endpoint;
    this.names = new NameBook(runId);
    this.secrets.add(target.admin.secretAccessKey);
    this.secrets.add(target.admin.sessionToken);
    this.clients = new ClientPool(this);
  }

  /** Admin Ops client with the target's admin credentials (setup, teardown, admin steps as admin). */
  get admin(): AdminClient {
    return this.adminClient(this.target.admin);
  }

  get runId(): string {
    return this.names.runId;
  }

  adminClient(credentials: Credentials): AdminClient {
    return this.clients.admin(credentials);
  }

  bucketName(logical: string): string {
    return this.names.name('buckets', logical);
  }

  isDeclaredBucket(logical: string): boolean {
    return this.scenario.setup.buckets.some((b) => b.logical === logical);
  }

  async close(): Promise<void> {
    this.clients.destroy();
  }
}
