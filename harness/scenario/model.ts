// A scenario after loading: validated, normalised, every part carrying its source position. The runner
// only ever sees this shape (never raw YAML).
import type { SourcePos } from '../result.js';
import type { InputShape } from '../operations.js';
import type { AccountSpec, Capability, KeysSpec, MatcherSpec, QuotaSpec, UserOptionsSpec } from './schema.js';

export interface Scenario {
  file: string;
  name: string;
  description?: string;
  tags: string[];
  /** Declared plus inferred from the scenario's content. */
  requires: Capability[];
  pos: SourcePos;
  setup: Setup;
  steps: Step[];
}

export interface Setup {
  accounts: SetupAccount[];
  /** Classic (non-account) users. */
  users: SetupUser[];
  buckets: SetupBucket[];
}

export interface SetupAccount {
  logical: string;
  pos: SourcePos;
  root: string; // logical name of the root user
  users: SetupUser[];
  quota?: QuotaSpec;
  bucketQuota?: QuotaSpec;
  limits: Pick<AccountSpec, 'max-users' | 'max-roles' | 'max-groups' | 'max-access-keys' | 'max-buckets'>;
}

export interface SetupUser {
  logical: string;
  pos: SourcePos;
  account?: string; // logical account name for account users
  root: boolean;
  options: UserOptionsSpec;
}

export interface SetupBucket {
  logical: string;
  pos: SourcePos;
  owner?: string; // an identity text; absent: a step creates the bucket
  objects: Record<string, string>;
  policy?: unknown;
  versioning?: 'Enabled' | 'Suspended';
}

export type StepService = 's3' | 'iam' | 'sts' | 'admin' | 'clock';

export interface Step {
  index: number;
  pos: SourcePos;
  id?: string;
  name?: string;
  /** The identity text as written (a label for keys given field by field); admin and clock steps default to "admin". */
  as: string;
  /** Credentials given field by field (unresolved `${...}` templates); when set, they sign the request. */
  keys?: KeysSpec;
  asPos: SourcePos;
  service: StepService;
  operation: string;
  opPos: SourcePos;
  input: Record<string, unknown>;
  /** The SDK input shape (for policy-as-map conversion); 'unknown' when the SDK carries none. */
  inputShape: InputShape;
  expect: Expectation;
  retry?: RetryPolicy;
  /** Seconds to move the target clock (clock steps). */
  advanceSeconds?: number;
}

export interface RetryPolicy {
  untilMs: number;
  everyMs: number;
}

export interface Expectation {
  /** Success unless `error` is given. */
  outcome: { pos: SourcePos; error?: MatcherSpec; final: boolean };
  status?: { pos: SourcePos; value: number; final: boolean };
  message?: { pos: SourcePos; matcher: MatcherSpec; final: boolean };
  fields: FieldCheck[];
}

export interface FieldCheck {
  pos: SourcePos;
  path: string;
  matcher: MatcherSpec;
  final: boolean;
}
