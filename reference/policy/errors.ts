// RGW's rgw::IAM::PolicyParseException: the message is "At character offset N, <what>", N being a byte
// offset into the UTF-8 text. IAM answers it as 400 MalformedPolicyDocument, S3 PutBucketPolicy as
// 400 InvalidArgument, both with this text as <Message> (probed on RGW 20.2.4).
export class PolicyParseError extends Error {
  constructor(
    /** Byte offset where RGW's reader stopped. */
    readonly offset: number,
    /** The part after "At character offset N, ". */
    readonly detail: string,
    /**
     * True where RGW 20.2.4 does not answer at all: a string directly under "Statement" before any statement
     * object (e.g. {"Statement":"x"}) trips a ceph_assert in ParseState::do_string and aborts radosgw.
     * We report an error instead; the message is what RGW's code would have said without the assert.
     */
    readonly abortsRgw = false,
  ) {
    super(`At character offset ${offset}, ${detail}`);
    this.name = 'PolicyParseError';
  }
}
