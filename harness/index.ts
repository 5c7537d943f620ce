// The harness as a library (package export "rgw-conformance/harness"): load scenarios, run them against a
// target, read the RunResult; plus the Admin Ops client the gateway's suites use.
export { AdminClient, AdminOpsError } from './admin-client.js';
export type { AdminAccountInfo, AdminClientOptions, AdminCredentials, AdminKey, AdminQuota, AdminResponse, AdminUserInfo } from './admin-client.js';
export { ADMIN_OPERATIONS, isAdminOperation } from './admin-operations.js';
export type { AdminOperation, AdminOperationName, AdminParams } from './admin-operations.js';
export * from './result.js';
export { runScenarios } from './run/runner.js';
export type { RunEvent, RunOptions } from './run/runner.js';
export { runScenario } from './run/scenario.js';
export type { Transport } from './run/scenario.js';
export { TRACE_HEADER } from './run/exchange-recorder.js';
export { filterScenarios, findScenarioFiles, libraryDir, loadAll } from './run/select.js';
export { ScenarioLoadError, formatDiagnostic } from './scenario/diagnostics.js';
export type { Diagnostic } from './scenario/diagnostics.js';
export { loadScenarioFile, loadScenarioText } from './scenario/load.js';
export type { Scenario, Step } from './scenario/model.js';
export { CAPABILITIES } from './scenario/schema.js';
export type { Capability } from './scenario/schema.js';
export { Secrets, REDACTED, redactAuthorization } from './redact.js';
export { startReferenceTarget } from './targets/reference.js';
export { rgwTarget } from './targets/rgw.js';
export type { Credentials, Target } from './targets/target.js';
