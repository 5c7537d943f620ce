// What every protocol front end (s3, iam, sts, admin, reference) provides to the server.
import type { GatewayError } from '../errors.js';
import type { RequestContext } from './context.js';

export interface Protocol {
  /** Decode, authorise, execute and render one authenticated request. */
  handle(ctx: RequestContext): Promise<void>;
  /**
   * Checks RGW makes before authenticating: it picks the op first and answers a request no op matches (405
   * MethodNotAllowed) whoever sent it, even with bad credentials (the Admin API's 405 for an unknown op, 501 for
   * signed bodies; S3's 405 for PATCH or ?website).
   */
  beforeAuth?(ctx: RequestContext): void;
  /** Render an error in this protocol's error format, with RGW's status and code. */
  renderError(ctx: RequestContext, err: GatewayError): void;
}

/** For the form protocols (IAM, STS): whether this Action belongs to them. */
export interface FormProtocol extends Protocol {
  hasAction(action: string): boolean;
}
