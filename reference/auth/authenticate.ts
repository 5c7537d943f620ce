// Resolve the request's principal from its SigV4 signature (header or presigned query), or anonymous when it
// carries none. With STS enabled (rgw_s3_auth_use_sts, the default) RGW answers an unknown key or a bad
// signature with 403 AccessDenied; without it, InvalidAccessKeyId / SignatureDoesNotMatch (verified on RGW 20.2.4,
// see docs/rgw-behaviour.md).
import type { Readable } from 'node:stream';
import { header, type RequestContext } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { accountOf, userByKey } from '../identity/lookup.js';
import { EMPTY_SHA256, UNSIGNED_PAYLOAD, verifyingHash } from './payload.js';
import { resolveSession } from './session-token.js';
import { parseAmzDate, parseAuthorizationHeader, parsePresignedQuery, verifySignature, type SigV4Params } from './sigv4.js';
import { sha256Hex } from './sha256.js';
import { decodeChunked, isChunked } from './chunked.js';

export async function authenticate(ctx: RequestContext): Promise<void> {
  const authz = header(ctx.headers, 'authorization');
  let params: SigV4Params;
  if (authz !== undefined) {
    const parsed = parseAuthorizationHeader(authz);
    if (parsed === undefined || parsed === 'malformed') throw new GatewayError(parsed === undefined ? 'AccessDenied' : 'AuthorizationHeaderMalformed');
    const amzDate = header(ctx.headers, 'x-amz-date') ?? '';
    params = { ...parsed, amzDate, presigned: false };
  } else if (ctx.query.has('X-Amz-Algorithm') || ctx.query.has('X-Amz-Credential')) {
    const parsed = parsePresignedQuery(ctx.query);
    if (parsed === undefined || parsed === 'malformed') throw new GatewayError('AuthorizationQueryParametersError');
    params = { ...parsed, presigned: true };
  } else {
    return; // anonymous
  }
  const env = ctx.env;
  const denied = (kind: string): GatewayError => new GatewayError(env.config.stsEnabled ? 'AccessDenied' : kind);

  const signedAt = parseAmzDate(params.amzDate);
  if (Number.isNaN(signedAt)) throw new GatewayError('AccessDenied');
  const now = env.clock.now();
  if (params.presigned) {
    if (now > signedAt + (params.expires ?? 0) * 1000) throw new GatewayError('AccessDenied', 'Request has expired');
  } else if (Math.abs(now - signedAt) > env.config.maxClockSkewSeconds * 1000) {
    throw new GatewayError('RequestTimeTooSkewed');
  }

  const token = header(ctx.headers, 'x-amz-security-token') ?? ctx.query.get('X-Amz-Security-Token') ?? undefined;
  let secretKey: string;
  if (token !== undefined) {
    const session = resolveSession(env, token, params.accessKey);
    ctx.principal = session.principal;
    ctx.sessionToken = token;
    secretKey = session.secretKey;
  } else {
    const found = userByKey(env.store, params.accessKey);
    if (!found || !found.key.active) throw denied('InvalidAccessKeyId');
    ctx.principal = { kind: 'user', user: found.user, account: accountOf(env.store, found.user), accessKey: params.accessKey };
    secretKey = found.key.secretKey;
  }

  const declared = params.presigned ? UNSIGNED_PAYLOAD : header(ctx.headers, 'x-amz-content-sha256');
  const payloadHash = declared ?? (ctx.buffered ? sha256Hex(ctx.buffered) : EMPTY_SHA256);
  const result = await verifySignature({
    method: ctx.method,
    rawPath: ctx.rawPath,
    rawQuery: ctx.rawQuery,
    headers: ctx.headers,
    params,
    payloadHash,
    secretKey,
  });
  if (!result.ok) throw denied('SignatureDoesNotMatch');

  if (ctx.principal.kind === 'user' && ctx.principal.user.suspended) throw new GatewayError('UserSuspended');

  if (ctx.buffered) {
    if (declared && /^[0-9a-f]{64}$/i.test(declared) && sha256Hex(ctx.buffered) !== declared.toLowerCase()) {
      throw new GatewayError('XAmzContentSHA256Mismatch');
    }
    return;
  }
  const req = ctx.req;
  if (declared && isChunked(declared)) {
    ctx.body = (): Readable => decodeChunked(req, declared, { signingKey: result.signingKey, scope: result.scope, amzDate: params.amzDate, seedSignature: params.signature });
  } else if (declared && /^[0-9a-f]{64}$/i.test(declared)) {
    ctx.body = (): Readable => verifyingHash(req, declared);
  }
}
