// Resolve the request's principal from its signature (SigV4 header or presigned query, SigV2 header or query),
// or anonymous when it carries none, and set up ctx.body() so the body is checked as the signature promised.
// Authentication changes nothing. RGW 20.2.4's order and answers (probed, docs/rgw-behaviour/auth.md):
// - An Authorization header that is neither "AWS4-HMAC-SHA256 ..." nor "AWS ..." is 400 InvalidArgument; an
//   empty one counts as absent. Query forms are looked at only without the header.
// - With STS enabled (rgw_s3_auth_use_sts, the default) an unknown or inactive key and a bad signature are
//   403 AccessDenied; without it InvalidAccessKeyId / SignatureDoesNotMatch.
// - A suspended user is 403 UserSuspended, but only once the signature is right.
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { header, type RequestContext } from '../http/context.js';
import { GatewayError } from '../errors.js';
import { accountOf, userByKey } from '../identity/lookup.js';
import type { Principal } from './principal.js';
import { checksumPlan, checksumVerifier } from './checksum.js';
import { decodeChunked, decodedLength, type ChunkSigning } from './chunked.js';
import { checkPayload, payloadMode, UNSIGNED_PAYLOAD, verifyingHash, type PayloadMode } from './payload.js';
import { isPresignedV4, parsePresignedV4 } from './presigned.js';
import { resolveSession } from './session-token.js';
import { sha256Hex } from './sha256.js';
import { isPresignedV2, isSigV2Header, parsePresignedV2, parseSigV2Header, verifySigV2, type SigV2Request } from './sigv2.js';
import { coversRequiredHeaders, isSigV4Header, parseSigV4Header, verifySigV4, type SigV4Request } from './sigv4.js';

type Claim =
  | { kind: 'anonymous' }
  | { kind: 'v4'; request: SigV4Request; presigned: boolean; token?: string }
  | { kind: 'v2'; request: SigV2Request; token?: string };

export async function authenticate(ctx: RequestContext): Promise<void> {
  const claim = readClaim(ctx);
  // RGW authenticates AssumeRoleWithWebIdentity by its token alone and ignores any signature (probed).
  if (claim.kind === 'anonymous' || (ctx.api === 'sts' && ctx.params?.get('Action') === 'AssumeRoleWithWebIdentity')) {
    attachBody(ctx, { kind: 'unsigned' });
    return;
  }
  const denied = (kind: string): GatewayError => new GatewayError(ctx.env.config.stsEnabled ? 'AccessDenied' : kind);
  if (claim.kind === 'v2') {
    const { principal, secretKey } = resolveCaller(ctx, claim.request.accessKey, claim.token, denied);
    const resourcePath = ctx.hostBucket ? `/${ctx.hostBucket}${ctx.rawPath}` : ctx.rawPath;
    if (!verifySigV2({ method: ctx.method, resourcePath, query: ctx.query, headers: ctx.headers, request: claim.request, secretKey })) {
      throw denied('SignatureDoesNotMatch');
    }
    admit(ctx, principal, claim.token);
    attachBody(ctx, { kind: 'unsigned' });
    return;
  }

  const sig = claim.request;
  const declared = claim.presigned ? undefined : header(ctx.headers, 'x-amz-content-sha256');
  const mode = claim.presigned ? ({ kind: 'unsigned' } as const) : payloadMode(declared);
  if (!coversRequiredHeaders(sig.signedHeaders, ctx.headers)) throw denied('SignatureDoesNotMatch');
  const { principal, secretKey } = resolveCaller(ctx, sig.credential.accessKey, claim.token, denied);
  const form = ctx.api === 'iam' || ctx.api === 'sts';
  const payloadHash = claim.presigned ? UNSIGNED_PAYLOAD : declared ?? (form ? sha256Hex(ctx.buffered ?? '') : UNSIGNED_PAYLOAD);
  const verified = await verifySigV4({
    method: ctx.method,
    rawPath: ctx.rawPath,
    rawQuery: ctx.rawQuery,
    headers: ctx.headers,
    request: sig,
    payloadHash,
    secretKey,
    presigned: claim.presigned,
  });
  // Temporary credentials (the STS engine) report a bad signature as SignatureDoesNotMatch even with
  // rgw_s3_auth_use_sts on, unlike static keys (probed: scenarios/sts/session-token-required.yaml).
  if (!verified.ok) throw principal.kind === 'role' || principal.kind === 'user-session' ? new GatewayError('SignatureDoesNotMatch') : denied('SignatureDoesNotMatch');
  admit(ctx, principal, claim.token);
  attachBody(ctx, mode, { signingKey: verified.signingKey, scope: sig.credential.scope, amzDate: sig.amzDate, seedSignature: sig.signature });
}

function readClaim(ctx: RequestContext): Claim {
  const now = ctx.env.clock.now();
  const authorization = header(ctx.headers, 'authorization');
  const headerToken = header(ctx.headers, 'x-amz-security-token');
  if (authorization) {
    if (isSigV4Header(authorization)) return { kind: 'v4', request: parseSigV4Header(authorization, ctx.headers, now), presigned: false, token: headerToken };
    if (isSigV2Header(authorization)) return { kind: 'v2', request: parseSigV2Header(authorization, ctx.headers, now), token: headerToken };
    throw new GatewayError('InvalidArgument');
  }
  if (isPresignedV4(ctx.query)) {
    const request = parsePresignedV4(ctx.query, now);
    return { kind: 'v4', request, presigned: true, token: request.securityToken ?? headerToken };
  }
  if (isPresignedV2(ctx.query)) {
    const request = parsePresignedV2(ctx.query, now);
    return { kind: 'v2', request, token: request.securityToken ?? headerToken };
  }
  return { kind: 'anonymous' };
}

function resolveCaller(
  ctx: RequestContext,
  accessKey: string,
  token: string | undefined,
  denied: (kind: string) => GatewayError,
): { principal: Principal; secretKey: string } {
  const env = ctx.env;
  if (token !== undefined) {
    const session = resolveSession(env, token, accessKey);
    return { principal: session.principal, secretKey: session.secretKey };
  }
  const found = userByKey(env.store, accessKey);
  if (!found || !found.key.active) throw denied('InvalidAccessKeyId');
  return { principal: { kind: 'user', user: found.user, account: accountOf(env.store, found.user), accessKey }, secretKey: found.key.secretKey };
}

function admit(ctx: RequestContext, principal: Principal, token: string | undefined): void {
  if ((principal.kind === 'user' || principal.kind === 'user-session') && principal.user.suspended) throw new GatewayError('UserSuspended');
  ctx.principal = principal;
  if (token !== undefined) ctx.sessionToken = token;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Check a body already in hand, or an absent one, now; wrap a streamed one so it is checked as it is read. The
 * checks that need request headers (decoded length, checksum algorithm) run when the handler asks for the body.
 */
function attachBody(ctx: RequestContext, mode: PayloadMode, signing?: ChunkSigning): void {
  if (ctx.buffered !== undefined) {
    checkPayload(mode, ctx.buffered);
    return;
  }
  if (!hasBody(ctx.req)) {
    checkPayload(mode, undefined);
    return;
  }
  const req = ctx.req;
  ctx.body = (): Readable => {
    const stages: Transform[] = [];
    const trailers: Record<string, string> = {};
    if (mode.kind === 'chunked') {
      const length = decodedLength(header(ctx.headers, 'x-amz-decoded-content-length'));
      stages.push(decodeChunked({ signed: mode.signed, trailer: mode.trailer, decodedLength: length, signing, trailers }));
      ctx.trailers = trailers;
    } else if (mode.kind === 'hash') {
      stages.push(verifyingHash(mode.expected));
    }
    const plan = checksumPlan(ctx.headers);
    if (plan) stages.push(checksumVerifier(plan, () => trailers));
    return chain(req, stages);
  };
}

/**
 * Pipe through each stage, carrying errors downstream. The handler never holds the request itself: a reader that
 * gives up (and destroys what it reads) must not take the socket down with it, which still has to answer.
 */
function chain(source: Readable, stages: Transform[]): Readable {
  if (!stages.length) stages.push(new PassThrough());
  let out: Readable = source;
  for (const stage of stages) {
    out.on('error', (err) => stage.destroy(err));
    out = out.pipe(stage);
  }
  return out;
}
