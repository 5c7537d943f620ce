// Policy text -> Policy, following RGW's PolicyParser / ParseState (rgw_iam_policy.cc) callback by callback,
// because RGW's grammar is whatever that state machine accepts: keys are case-sensitive and may appear once
// per object; Statement is one object or an array of objects; Principal takes an object or a string starting
// with '*'; NotPrincipal, Action, NotAction, Resource, NotResource and Condition take arrays; numbers are only
// allowed as condition values and true/false/null nowhere; a statement without Effect is a Deny; no element
// is required (`{}` is a valid policy); NotPrincipal with Allow is rejected; condition values starting with
// '$' must be a whole `${...}`. RGW applies the same grammar to identity, resource, trust and session
// policies; `kind` only chooses the defaults below and labels explanations.
import { actionsNamedBy } from './actions.js';
import { parseArn } from './arn.js';
import { PolicyParseError } from './errors.js';
import { readJson, JSON_ERROR_MESSAGES, type JsonHandler } from './json-reader.js';
import { COND_KEY, ONCE, STATEMENT_LEVEL, TOP, lookupKeyword, type Keyword } from './keywords.js';
import { insertPrincipal, parsePrincipal } from './principal.js';
import type { Policy, PolicyKind, PolicyVersion, Statement } from './types.js';

export interface ParseOptions {
  /**
   * RGW's policy tenant. A Resource naming another account/tenant is rejected, and Resources with an empty or
   * '*' account get this one. null means "not restricted" (RGW passes nullptr). RGW uses: bucket policy -> the
   * bucket's tenant ('' normally); identity policy of an account user, role trust policy, session policy
   * given to AssumeRole, managed policies -> null; identity policy of a non-account user or role -> its tenant.
   * Default: '' for kind 'resource', null otherwise.
   */
  tenant?: string | null;
  /**
   * rgw_policy_reject_invalid_principals (default true): an unsupported principal is an error; when false it
   * is silently dropped. RGW passes false when it re-reads stored policies (role trust policy at AssumeRole).
   */
  rejectInvalidPrincipals?: boolean;
}

interface State {
  w: Keyword;
  arraying: boolean;
  objecting: boolean;
  condIfExists: boolean;
}

const newStatement = (index: number): Statement => ({
  index,
  effect: 'Deny',
  principals: [],
  notPrincipals: [],
  actions: new Set(),
  notActions: new Set(),
  resources: [],
  notResources: [],
  conditions: [],
});

class PolicyBuilder implements JsonHandler {
  readonly statements: Statement[] = [];
  version: PolicyVersion = '2008-10-17';
  id?: string;
  annotation = 'No error?';
  abortsRgw = false;
  private readonly stack: State[] = [];
  private readonly seen = new Set<string>();
  private readonly statementSeen = new Set<string>();

  constructor(
    private readonly tenant: string | null,
    private readonly rejectInvalidPrincipals: boolean,
  ) {}

  private fail(message: string): false {
    this.annotation = message;
    return false;
  }
  private top(): State {
    return this.stack[this.stack.length - 1]!;
  }
  private push(w: Keyword, condIfExists = false): void {
    this.stack.push({ w, arraying: false, objecting: false, condIfExists });
  }
  private see(name: string): void {
    this.seen.add(name);
    if (STATEMENT_LEVEL.has(name)) this.statementSeen.add(name);
  }
  private forgetStatementKeys(): void {
    for (const k of this.statementSeen) this.seen.delete(k);
    this.statementSeen.clear();
  }

  startObject(): boolean {
    if (this.stack.length === 0) {
      this.stack.push({ w: TOP, arraying: false, objecting: true, condIfExists: false });
      return true;
    }
    const st = this.top();
    if (st.w.objectable && !st.objecting) {
      st.objecting = true;
      if (st.w.name === 'Statement') this.statements.push(newStatement(this.statements.length));
      return true;
    }
    return this.fail(`The ${st.w.name} keyword cannot introduce an object.`);
  }

  endObject(): boolean {
    if (this.stack.length === 0) return this.fail('Attempt to end unopened object at top level.');
    const st = this.top();
    if (!st.objecting) return this.fail(`Attempt to end unopened object on keyword \`${st.w.name}\`.`);
    st.objecting = false;
    if (!st.arraying) this.stack.pop();
    else this.forgetStatementKeys(); // RGW resets the statement-level "seen" bits per array element
    return true;
  }

  startArray(): boolean {
    if (this.stack.length === 0) return this.fail('Array not allowed at top level.');
    const st = this.top();
    if (st.w.arrayable && !st.arraying) {
      st.arraying = true;
      return true;
    }
    return this.fail(`\`${st.w.name}\` does not take array.`);
  }

  endArray(): boolean {
    if (this.stack.length === 0) return false;
    const st = this.top();
    if (st.arraying && !st.objecting) {
      this.stack.pop();
      return true;
    }
    return this.fail('Attempt to close unopened array.');
  }

  literal(): boolean {
    return false; // BaseReaderHandler::Default(): the annotation stays whatever it was ("No error?")
  }

  key(s: string): boolean {
    if (this.stack.length === 0) return this.fail('Key not allowed at top level.');
    const st = this.top();
    let token = s;
    let ifExists = false;
    if (st.w.name === 'Condition' && st.w.kind === 'statement' && s.endsWith('IfExists')) {
      ifExists = true;
      token = s.slice(0, -'IfExists'.length);
    }
    const k = lookupKeyword(token);
    if (!k) {
      if (st.w.kind === 'cond_op') {
        const stmt = this.statements[this.statements.length - 1]!;
        stmt.conditions.push({ operator: st.w.name, key: s, ifExists: st.condIfExists, values: [], runtime: false });
        this.push(COND_KEY);
        return true;
      }
      return this.fail(`Unknown key \`${token}\`.`);
    }
    const placeOk =
      (st.w === TOP && k.kind === 'top') ||
      (st.w.name === 'Statement' && k.kind === 'statement') ||
      ((st.w.name === 'Principal' || st.w.name === 'NotPrincipal') && k.kind === 'princ_type');
    if (placeOk && ONCE.has(k.name) && !this.seen.has(k.name)) {
      this.see(k.name);
      this.push(k);
      return true;
    }
    if (st.w.name === 'Condition' && k.kind === 'cond_op') {
      this.push(k, ifExists);
      return true;
    }
    return this.fail(`Token \`${k.name}\` is not allowed in the context of \`${st.w.name}\`.`);
  }

  rawNumber(raw: string): boolean {
    if (this.stack.length === 0) return this.fail('Number not allowed at top level.');
    const st = this.top();
    if (st.w.kind !== 'cond_key') return this.fail('Numbers are not allowed outside condition arguments.');
    this.statements[this.statements.length - 1]!.conditions.at(-1)!.values.push(raw);
    if (!st.arraying) this.stack.pop();
    return true;
  }

  string(s: string): boolean {
    if (this.stack.length === 0) return this.fail('String not allowed at top level.');
    const st = this.top();
    const w = st.w;
    const k = lookupKeyword(s);
    const t = this.statements[this.statements.length - 1];
    if (!t && w.name !== 'Version' && w.name !== 'Id') {
      // RGW 20.2.4: ceph_assert(t || Version || Id) aborts radosgw here.
      this.abortsRgw = true;
      return this.fail(`\`${s}\` is not valid in the context of \`${w.name}\`.`);
    }
    let isAction = false;
    let validAction = false;
    if (w.name === 'Version') {
      if (!k || k.kind !== 'version_key') {
        return this.fail(`\`${s}\` is not a valid version. Valid versions are \`2008-10-17\` and \`2012-10-17\`.`);
      }
      this.version = s as PolicyVersion;
    } else if (w.name === 'Id') {
      this.id = s;
    } else if (w.name === 'Sid') {
      t!.sid = s;
    } else if (w.name === 'Effect') {
      if (!k || k.kind !== 'effect_key') return this.fail(`\`${s}\` is not a valid effect.`);
      t!.effect = s as 'Allow' | 'Deny';
    } else if (w.name === 'Principal' && s.startsWith('*')) {
      insertPrincipal(t!.principals, { type: 'wildcard' });
    } else if (w.name === 'NotPrincipal' && s.startsWith('*')) {
      insertPrincipal(t!.notPrincipals, { type: 'wildcard' });
    } else if (w.name === 'Action' || w.name === 'NotAction') {
      isAction = true;
      const named = actionsNamedBy(s);
      validAction = named.size > 0;
      const target = w.name === 'Action' ? t!.actions : t!.notActions;
      for (const a of named) target.add(a);
    } else if (w.name === 'Resource' || w.name === 'NotResource') {
      const a = parseArn(s, true);
      if (!a) {
        return this.fail(
          `\`${s}\` is not a valid ARN. Resource ARNs should have a format like \`arn:aws:s3::tenant:resource' or \`arn:aws:s3:::resource\`.`,
        );
      }
      const tenant = this.tenant;
      if (a.account !== '' && tenant !== null && a.account !== tenant && a.account !== '*') {
        return this.fail(`Policy owned by tenant \`${tenant}\` cannot grant access to resource owned by tenant \`${a.account}\`.`);
      }
      if (tenant !== null && (a.account === '' || a.account === '*')) a.account = tenant;
      (w.name === 'Resource' ? t!.resources : t!.notResources).push(a);
    } else if (w.kind === 'cond_key') {
      const cond = t!.conditions.at(-1)!;
      if (s.startsWith('$')) {
        if (s.length >= 2 && s[1] === '{' && s.endsWith('}')) cond.runtime = true;
        else return this.fail(`Invalid interpolation \`${s}\`.`);
      }
      cond.values.push(s);
    } else if (w.kind === 'princ_type') {
      if (this.stack.length <= 1) return this.fail("Principle isn't allowed at top level.");
      const parent = this.stack[this.stack.length - 2]!.w;
      const list = parent.name === 'Principal' ? t!.principals : t!.notPrincipals;
      const r = parsePrincipal(w.name, s);
      if ('principal' in r) insertPrincipal(list, r.principal);
      else if (this.rejectInvalidPrincipals) return this.fail(r.error);
    } else {
      return this.fail(`\`${s}\` is not valid in the context of \`${w.name}\`.`);
    }
    if (!st.arraying) this.stack.pop();
    if (isAction && !validAction) return this.fail(`\`${s}\` is not a valid action.`);
    if (t && t.effect === 'Allow' && t.notPrincipals.length > 0) return this.fail('Allow with NotPrincipal is not allowed.');
    return true;
  }
}

/** Parses a policy document as RGW does; throws PolicyParseError with RGW's message. */
export function parsePolicy(text: string, kind: PolicyKind, options: ParseOptions = {}): Policy {
  const tenant = options.tenant !== undefined ? options.tenant : kind === 'resource' ? '' : null;
  const b = new PolicyBuilder(tenant, options.rejectInvalidPrincipals ?? true);
  const err = readJson(text, b);
  if (err) {
    const detail = err.code === 'Termination' ? b.annotation : JSON_ERROR_MESSAGES[err.code];
    throw new PolicyParseError(err.offset, detail, b.abortsRgw);
  }
  const policy: Policy = { text, kind, version: b.version, statements: b.statements };
  if (b.id !== undefined) policy.id = b.id;
  return policy;
}
