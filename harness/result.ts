// The one result model of a run. Every report (JUnit, JSON, Markdown, HTML) and `compare` is a view of a
// RunResult; nothing else is kept about a run. Rules the writers can rely on:
//
// - Positions: every step and check carries the SourcePos of the YAML that declared it.
// - Attempts: a retried step keeps every attempt in order; the LAST attempt decides the step's status.
// - Secrets are already redacted: every string in a RunResult went through harness/redact.ts (secret keys,
//   session tokens, Authorization, signatures, admin-ops secret_key fields) and is safe to write out.
// - Run-unique names are already logical: real names (`backups-k3x9a2mf`) are replaced by the scenario's
//   logical names (`backups`) in inputs, outputs, checks and exchanges, so two runs compare field by field.
//   `ScenarioResult.names` maps logical to real names for a reader who needs the real ones.
// - Times are ISO 8601 strings (UTC); durations are whole milliseconds.
// - Status vocabulary (Hurl, JUnit): `failed` means an expectation did not hold (JUnit <failure>); `error`
//   means the run broke (setup/teardown failed, network error, bug; JUnit <error>); `skipped` means not run,
//   always with a reason; a scenario is `passed` only when setup, every step and teardown succeeded.

export const RESULT_SCHEMA_VERSION = 1;

export type Status = 'passed' | 'failed' | 'error' | 'skipped';

export interface SourcePos {
  file: string; // as given on the command line or found under scenarios/ (relative when possible)
  line: number; // 1-based
  column: number; // 1-based
}

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  tool: { name: 'rgw-conformance'; version: string };
  target: TargetInfo;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  options: { jobs: number; tags: string[]; grep?: string; files: string[] };
  summary: Summary;
  scenarios: ScenarioResult[]; // in the order the files were selected (stable), not completion order
}

export interface Summary {
  total: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
}

export interface TargetInfo {
  name: string; // 'reference' | 'rgw'
  endpoint: string;
  region: string;
  capabilities: string[];
  description: string; // e.g. "reference gateway (in process)" or "RGW at http://127.0.0.1:8000"
}

export interface ScenarioResult {
  name: string;
  file: string;
  description?: string;
  tags: string[];
  requires: string[]; // declared plus inferred (e.g. an sts: step requires sts)
  status: Status;
  /** Why it was skipped, or what broke (status error), or the first failing check's message (failed). */
  reason?: string;
  /** The run-unique suffix of this scenario execution (`${run.id}`). */
  runId: string;
  startedAt: string;
  durationMs: number;
  /** Logical name → real name, per kind. */
  names: { accounts: Record<string, string>; users: Record<string, string>; buckets: Record<string, string> };
  setup: PhaseResult;
  steps: StepResult[];
  teardown: PhaseResult;
}

/** Setup and teardown: a list of admin/SDK actions, each ok or not. */
export interface PhaseResult {
  status: 'passed' | 'error' | 'skipped';
  durationMs: number;
  actions: ActionResult[];
}

export interface ActionResult {
  description: string; // e.g. "create account backup-team", "remove bucket backups (purge objects)"
  ok: boolean;
  durationMs: number;
  error?: ErrorInfo;
}

export type Service = 's3' | 'iam' | 'sts' | 'admin' | 'clock';

export interface StepResult {
  index: number; // 0-based position in `steps`
  id?: string;
  name?: string;
  pos: SourcePos; // the step's first line
  /** The `as` text as written (e.g. "backup-team/backup-service", "${steps.assume.Credentials}"). */
  identity: string;
  service: Service;
  operation: string; // e.g. "AssumeRole"; for clock steps "Advance"
  status: Status; // skipped: an earlier step failed or broke, so this one was not sent
  durationMs: number; // all attempts, waits included
  attempts: Attempt[];
  /** The first failing check of the last attempt (status failed), or what broke (status error). */
  failure?: { message: string; pos: SourcePos };
}

export interface Attempt {
  number: number; // 1-based
  startedAt: string;
  durationMs: number;
  /** The input as sent (captures resolved, bucket names logical, policies as JSON text, secrets redacted). */
  input: unknown;
  outcome: Outcome;
  checks: CheckResult[];
  /** HTTP exchanges this attempt made (usually one), redacted excerpts. */
  exchanges: HttpExchange[];
  /** Reference target only: the gateway's policy explanation for a denied request (GET /_reference/decisions). */
  explanation?: unknown;
}

export type Outcome =
  | {
      kind: 'success';
      status: number; // HTTP status
      requestId?: string;
      output: unknown; // the SDK output without $metadata (Body read as text, dates as ISO strings); admin: parsed JSON
    }
  | {
      kind: 'error';
      status: number;
      code: string; // the wire code (<Code> / "Code"), falling back to the SDK's error name
      message: string; // the wire message ('' when the target sent none)
      requestId?: string;
      fields: Record<string, unknown>; // other fields of the error (BucketName, Key, ...)
    }
  | {
      kind: 'broken'; // no HTTP response: connection refused, timeout, client-side exception
      message: string;
    };

export interface CheckResult {
  pos: SourcePos;
  /** What is checked: "outcome", "status", "message", or a field path such as "AssumedRoleUser.Arn". */
  subject: string;
  expected: string; // human-readable, e.g. 'error AccessDenied', 'matches /^AKIA/', 'arn arn:aws:sts::*:assumed-role/*'
  actual: string; // human-readable excerpt of the actual value
  ok: boolean;
  final: boolean;
  message?: string; // set when !ok
}

export interface HttpExchange {
  request: {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    headers: Record<string, string>;
    body?: BodyExcerpt;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    body?: BodyExcerpt;
  };
  durationMs: number;
  error?: string; // the transport error when there was no response
}

export interface BodyExcerpt {
  text: string; // the first bytes as UTF-8 (or "<stream>" / "<N bytes binary>")
  bytes?: number; // total size when known
  truncated: boolean;
}

export interface ErrorInfo {
  message: string;
  code?: string;
  status?: number;
}

export function emptySummary(): Summary {
  return { total: 0, passed: 0, failed: 0, error: 0, skipped: 0 };
}

export function summarize(scenarios: ReadonlyArray<Pick<ScenarioResult, 'status'>>): Summary {
  const s = emptySummary();
  for (const sc of scenarios) {
    s.total++;
    s[sc.status]++;
  }
  return s;
}
