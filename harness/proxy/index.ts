// The recording proxy (`run --record DIR`): see docs/reports.md, "Recordings".
export { DEFAULT_BODY_LIMIT, fileSafe, startRecordingProxy } from './recording-proxy.js';
export type { RecordingProxy, RecordingProxyOptions } from './recording-proxy.js';
export { createRecordingTransport, scenarioDir } from './transport.js';
export type { RecordingTransportOptions } from './transport.js';
export { RecordingRedactor, redactAuthorization } from './redact-recording.js';
export type { SecretRegistry } from './redact-recording.js';
export { Normaliser } from './normalise.js';
