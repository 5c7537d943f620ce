// STS documents as RGW 20.2.4 renders them (probed, raw bodies in docs/rgw-behaviour/sts.md):
// - successes: Content-Type application/xml, no XML declaration, the STS namespace on the root, no
//   ResponseMetadata; elements in RGW's order, AssumedRoleUser's id element named AssumeRoleId (AWS:
//   AssumedRoleId, so the SDK leaves AssumedRoleId undefined);
//     AssumeRole: Credentials, AssumedRoleUser, PackedPolicySize
//     AssumeRoleWithWebIdentity: SubjectFromWebIdentityToken, Audience, AssumedRoleUser, Credentials,
//       Provider (empty when a ProviderId was given), PackedPolicySize
//     GetSessionToken: Credentials
// - errors: the XML declaration, then <ErrorResponse xmlns=STS><Error><Code/><Message/><RequestId/><HostId/>.
import { XMLBuilder } from 'fast-xml-parser';
import type { RequestContext } from '../../http/context.js';
import { renderXml } from '../../http/xml.js';
import { resolveError, type GatewayError } from '../../errors.js';
import { S3_ERRORS } from '../s3/errors.js';
import { sendError } from '../s3/render-error.js';
import type { IssuedCredentials } from './credentials.js';
import { STS_ERRORS } from './errors.js';

export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, suppressEmptyNode: false });

export interface AssumedRoleUser {
  Arn: string;
  AssumeRoleId: string;
}

export type StsResult =
  | { action: 'AssumeRole'; credentials: IssuedCredentials; user: AssumedRoleUser; packedPolicySize: number }
  | { action: 'AssumeRoleWithWebIdentity'; sub: string; audience: string; user: AssumedRoleUser; credentials: IssuedCredentials; provider: string; packedPolicySize: number }
  | { action: 'GetSessionToken'; credentials: IssuedCredentials };

function resultElements(r: StsResult): Record<string, unknown> {
  switch (r.action) {
    case 'AssumeRole':
      return { Credentials: r.credentials, AssumedRoleUser: r.user, PackedPolicySize: r.packedPolicySize };
    case 'AssumeRoleWithWebIdentity':
      return {
        SubjectFromWebIdentityToken: r.sub,
        Audience: r.audience,
        AssumedRoleUser: r.user,
        Credentials: r.credentials,
        Provider: r.provider,
        PackedPolicySize: r.packedPolicySize,
      };
    case 'GetSessionToken':
      return { Credentials: r.credentials };
  }
}

export function sendSts(ctx: RequestContext, r: StsResult): void {
  const xml = builder.build({ [`${r.action}Response`]: { '@xmlns': STS_NS, [`${r.action}Result`]: resultElements(r) } });
  ctx.res.statusCode = 200;
  ctx.res.setHeader('Content-Type', 'application/xml');
  ctx.res.setHeader('Content-Length', Buffer.byteLength(xml));
  ctx.res.end(xml);
}

export function renderStsError(ctx: RequestContext, err: GatewayError): void {
  const { status, code } = resolveError(err.kind, STS_ERRORS, S3_ERRORS);
  const xml = renderXml({ ErrorResponse: { '@xmlns': STS_NS, Error: { Code: code, Message: err.message, RequestId: ctx.requestId, HostId: ctx.env.ids.hostId } } });
  sendError(ctx, status, code, xml);
}
