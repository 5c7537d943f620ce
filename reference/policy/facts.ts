// What a request brings to the policy engine: the action, the resource ARN, who asks, and the condition keys
// (RGW's rgw::IAM::Environment). The caller fills them; nothing here reads a clock or the network.

/**
 * Who is asking, in the terms RGW's auth appliers use for Principal matching (rgw_auth.cc is_identity()).
 * - user: LocalApplier (S3 keys of a classic or account user, incl. the account root)
 * - role: RoleApplier (STS session credentials of an assumed role)
 * - web-identity: WebIdentityApplier (only during AssumeRoleWithWebIdentity's trust check)
 * - anonymous: unsigned requests (RGW uses a LocalApplier for user "anonymous", tenant '')
 */
export type CallerIdentity =
  | {
      type: 'user';
      tenant: string;
      /** RGW uid within the tenant (for IAM-created account users a UUID). */
      userId: string;
      /** IAM UserName; account users' principal ARNs use it, not the uid. */
      displayName: string;
      /** IAM path, '/' by default. */
      path?: string;
      account?: string;
      subuser?: string;
      isAccountRoot?: boolean;
    }
  | {
      type: 'role';
      tenant: string;
      roleName: string;
      path?: string;
      account?: string;
      sessionName: string;
      /** The user the session token was issued to (RGW token_attrs.user_id). */
      tokenUser: { tenant: string; id: string; ns?: string };
    }
  | { type: 'web-identity'; /** Issuer URL without scheme, as RGW's get_idp_url(). */ idpUrl: string }
  | { type: 'anonymous' };

export interface PrincipalFacts {
  /** The caller's ARNs, for explanations and for filling aws:PrincipalArn-style keys if a caller wants to. */
  arns: string[];
  /** RGW account id of the caller, if any. */
  account?: string;
  isAnonymous?: boolean;
  /** What Principal elements are matched against. */
  identity: CallerIdentity;
}

export interface RequestFacts {
  /** e.g. 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole' (case-insensitive, as RGW's table). */
  action: string;
  /**
   * The request's ARN, e.g. 'arn:aws:s3:::bucket/key', 'arn:aws:s3::tenant:bucket', or
   * 'arn:aws:iam::RGW...:user/name'. Undefined where RGW evaluates without a resource (trust policies);
   * then statements that have Resource/NotResource do not apply.
   */
  resource?: string;
  principal: PrincipalFacts;
  /**
   * Condition keys and their values. RGW looks keys up case-sensitively (probed: a policy naming
   * `aws:sourceip` does not see `aws:SourceIp`). Typed operators use the first value of a key.
   * What RGW 20.2.4 fills (rgw_build_iam_environment and the auth appliers, checked by probes):
   * aws:CurrentTime = epoch SECONDS as a decimal string; aws:EpochTime = ISO 8601 (swapped vs AWS);
   * aws:PrincipalType = 'User'; aws:SourceIp; aws:UserAgent; aws:Referer (if sent);
   * aws:SecureTransport = 'true' only over TLS (absent otherwise); aws:username = the uid (not the
   * display name); rgw:subuser; sts:authentication = 'true'|'false'; s3:prefix / s3:delimiter / s3:max-keys
   * only when the request has them; role sessions add aws:userid = '<roleId>:<session>' and
   * aws:TokenIssueTime; web identity adds '<idp-url>:<claim>' keys and '<idp-url>:app_id' for aud.
   * Not filled for S3 requests of account users: aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
   * sts:ExternalId.
   */
  conditions: Record<string, string[]>;
}

/** Helpers that fill PrincipalFacts the way callers usually need them. */
export const principalFacts = {
  user(u: {
    tenant?: string;
    userId: string;
    displayName: string;
    path?: string;
    account?: string;
    subuser?: string;
    isAccountRoot?: boolean;
  }): PrincipalFacts {
    const tenant = u.tenant ?? '';
    const path = u.path ?? '/';
    const arn = u.account
      ? u.isAccountRoot
        ? `arn:aws:iam::${u.account}:root`
        : `arn:aws:iam::${u.account}:user${path}${u.displayName}`
      : `arn:aws:iam::${tenant}:user/${u.userId}`;
    const facts: PrincipalFacts = { arns: [arn], identity: { type: 'user', ...u, tenant, path } };
    if (u.account) facts.account = u.account;
    return facts;
  },
  role(r: {
    tenant?: string;
    roleName: string;
    path?: string;
    account?: string;
    sessionName: string;
    tokenUser: { tenant: string; id: string; ns?: string };
  }): PrincipalFacts {
    const tenant = r.tenant ?? '';
    const path = r.path ?? '/';
    const acct = r.account ?? tenant;
    const facts: PrincipalFacts = {
      arns: [`arn:aws:sts::${acct}:assumed-role/${r.roleName}/${r.sessionName}`, `arn:aws:iam::${acct}:role${path}${r.roleName}`],
      identity: { type: 'role', ...r, tenant, path },
    };
    if (r.account) facts.account = r.account;
    return facts;
  },
  webIdentity(idpUrl: string): PrincipalFacts {
    return { arns: [`arn:aws:iam:::oidc-provider/${idpUrl}`], identity: { type: 'web-identity', idpUrl } };
  },
  anonymous(): PrincipalFacts {
    return { arns: [], isAnonymous: true, identity: { type: 'anonymous' } };
  },
};
