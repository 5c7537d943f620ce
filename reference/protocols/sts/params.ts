// STS parameter checks as RGW 20.2.4 makes them (rgw_sts.cc validate_input, rgw_rest_sts.cc get_params), in
// RGW's order, since the order decides which error wins. Every failure is 400 InvalidArgument with an empty
// message, except a session policy that does not parse (MalformedPolicyDocument with the parser's message)
// and one longer than 2048 bytes (PackedPolicyTooLarge). Probed: docs/rgw-behaviour/sts.md.
import { GatewayError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { PolicyParseError } from '../../policy/index.js';

const invalid = (): GatewayError => new GatewayError('InvalidArgument');

/** RGW's MAX_POLICY_SIZE: the largest session policy, in bytes. */
export const MAX_POLICY_SIZE = 2048;
const SESSION_NAME = /^[A-Za-z0-9_=,.@-]{2,64}$/; // no '+', unlike AWS
const EXTERNAL_ID = /^[A-Za-z0-9_=,.@:/-]{2,1224}$/;
const SERIAL_NUMBER = /^[A-Za-z0-9_=/:,.@-]{9,256}$/;

/**
 * Ceph's strict_strtoll: optional leading white space and sign, decimal digits, nothing after. The result is
 * then held in an unsigned 64-bit integer, so a negative value is out of any range.
 */
export function strictInteger(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** get_params: a non-empty Policy must parse, as RGW parses a session policy (no tenant). */
export function parseSessionPolicy(ctx: RequestContext, text: string): string | undefined {
  if (text === '') return undefined;
  try {
    ctx.env.policies.parse(text, 'session', null);
  } catch (err) {
    if (err instanceof PolicyParseError) throw new GatewayError('MalformedPolicyDocument', err.message);
    throw err;
  }
  return text;
}

/** AssumeRoleRequestBase::validate_input: duration, then policy size, then the session name. */
export function validateBase(input: { duration: string; minDuration: number; maxDuration: number; policy: string; sessionName: string }): number {
  let seconds = 3600;
  if (input.duration !== '') {
    const d = strictInteger(input.duration);
    if (d === undefined) throw invalid();
    seconds = d;
  }
  if (seconds < input.minDuration || seconds > input.maxDuration) throw invalid();
  if (Buffer.byteLength(input.policy) > MAX_POLICY_SIZE) throw new GatewayError('PackedPolicyTooLarge');
  // RoleArn's own size bound (2..2048) comes next in RGW, but a longer ARN never names a role (403 earlier).
  if (!SESSION_NAME.test(input.sessionName)) throw invalid();
  return seconds;
}

/** AssumeRoleRequest::validate_input: ExternalId, SerialNumber and TokenCode come before the base checks. */
export function validateAssumeRoleExtras(params: URLSearchParams): void {
  const externalId = params.get('ExternalId') ?? '';
  if (externalId !== '' && !EXTERNAL_ID.test(externalId)) throw invalid();
  const serial = params.get('SerialNumber') ?? '';
  if (serial !== '' && !SERIAL_NUMBER.test(serial)) throw invalid();
  // RGW 20.2.4 tests `size() == 6` where it means `!= 6`: a six-character TokenCode is the one refused.
  const tokenCode = params.get('TokenCode') ?? '';
  if (tokenCode !== '' && tokenCode.length === 6) throw invalid();
}

/** AssumeRoleWithWebIdentityRequest::validate_input: a ProviderId, when given, is 4..2048 characters. */
export function validateProviderId(params: URLSearchParams): void {
  const id = params.get('ProviderId') ?? '';
  if (id !== '' && (id.length < 4 || id.length > 2048)) throw invalid();
}

/** RGW's PackedPolicySize: (bytes / 2048) * 100 in integer arithmetic, so 0 below 2048 bytes and 100 at 2048. */
export function packedPolicySize(policy: string): number {
  return Math.floor(Buffer.byteLength(policy) / MAX_POLICY_SIZE) * 100;
}

/** GetSessionToken's DurationSeconds: 900 (fixed, not rgw_sts_min_session_duration) to rgw_sts_max_session_duration. */
export function sessionTokenDuration(ctx: RequestContext, raw: string): number {
  if (raw === '') return 3600;
  const d = strictInteger(raw);
  if (d === undefined || d < 900 || d > ctx.env.config.stsMaxSessionDuration) throw invalid();
  return d;
}
