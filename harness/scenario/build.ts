// From a schema-valid scenario to the runner's model (model.ts), checking what the schema cannot: operations
// and input fields against the SDK and the Admin Ops table, identities, `${...}` references, paths and regular
// expressions in expectations. Problems are collected (all of them), never thrown.
import { ADMIN_OPERATIONS, isAdminOperation } from '../admin-operations.js';
import { closest, findCommand, inputShape, operationNames, type InputShape, type SdkService } from '../operations.js';
import type { SourcePos } from '../result.js';
import { parsePath } from '../run/paths.js';
import type { Diagnostic } from './diagnostics.js';
import { durationMs } from './duration.js';
import { compileExpect } from './expect.js';
import type { RetryPolicy, Scenario, Setup, SetupAccount, SetupUser, Step, StepService } from './model.js';
import type { SourceFile, YamlPath } from './positions.js';
import { type Capability, type KeysSpec, type ScenarioSpec, type StepSpec } from './schema.js';
import { parseTemplate, REF_ATTRIBUTES, refsIn, TemplateError, type Ref } from './template.js';

const RESERVED_IDENTITIES = ['admin', 'anonymous'];
const SERVICE_NAMES: Record<StepService, string> = { s3: 'S3', iam: 'IAM', sts: 'STS', admin: 'Admin Ops', clock: 'clock' };

/** What references may name at a given step (grows as steps declare ids, roles and users). */
interface Known {
  accounts: Set<string>;
  users: Map<string, { account?: string; root: boolean }>;
  buckets: Set<string>;
  roles: Set<string>;
  iamUsers: Set<string>;
  steps: Set<string>;
}

export function buildScenario(spec: ScenarioSpec, src: SourceFile): { scenario: Scenario; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const add = (path: YamlPath, message: string, opts: { key?: boolean; offset?: number; width?: number } = {}): void => {
    const [start, end] = src.range(path, opts);
    const quoted = opts.offset !== undefined && /["']/.test(src.text[start] ?? '') ? 1 : 0;
    const at = opts.offset !== undefined ? start + quoted + opts.offset : start;
    const pos = src.posOfOffset(at);
    diagnostics.push({ pos, message, excerpt: src.excerpt(pos, opts.width ?? end - start) });
  };
  const posOf = (path: YamlPath, key = false): SourcePos => src.pos(path, { key });

  const setup = buildSetup(spec, posOf, add);
  const known: Known = {
    accounts: new Set(setup.accounts.map((a) => a.logical)),
    users: new Map([...setup.accounts.flatMap((a) => a.users), ...setup.users].map((u) => [u.logical, { account: u.account, root: u.root }])),
    buckets: new Set(setup.buckets.map((b) => b.logical)),
    roles: new Set(),
    iamUsers: new Set(),
    steps: new Set(),
  };
  const checkRefs = (value: unknown, path: YamlPath, where: 'setup' | number): void => {
    for (const { path: sub, text } of refsIn(value)) checkTemplate(text, [...path, ...sub], where, known, add);
  };

  for (const b of setup.buckets) {
    const bpath = ['setup', 'buckets', b.logical];
    if (b.owner !== undefined) checkOwner(b.owner, [...bpath, 'owner'], known, add);
    checkRefs(b.policy, [...bpath, 'policy'], 'setup');
    checkRefs(b.objects, [...bpath, 'objects'], 'setup');
  }

  const requires = new Set<Capability>(spec.requires ?? []);
  if (setup.accounts.length > 0) requires.add('accounts');
  if ([...setup.accounts, ...setup.users.map((u) => ({ quota: u.options.quota, bucketQuota: u.options['bucket-quota'] }))].some((a) => a.quota || a.bucketQuota)) {
    requires.add('quota');
  }
  if (setup.accounts.some((a) => a.users.some((u) => u.options.quota || u.options['bucket-quota']))) requires.add('quota');

  const steps: Step[] = [];
  spec.steps.forEach((raw, index) => {
    const step = buildStep(raw, index, spec, posOf, add, known, checkRefs);
    if (!step) return;
    steps.push(step);
    if (step.service === 'iam' || step.service === 'sts' || step.service === 'clock') requires.add(step.service);
    if (step.service === 'sts' && step.operation === 'AssumeRoleWithWebIdentity') requires.add('webidentity');
    if (step.service === 'admin' && /Quota$/.test(step.operation)) requires.add('quota');
  });

  const scenario: Scenario = {
    file: src.file,
    name: spec.name,
    description: spec.description,
    tags: spec.tags ?? [],
    requires: [...requires],
    pos: posOf(['name']),
    setup,
    steps,
  };
  return { scenario, diagnostics };
}

type Add = (path: YamlPath, message: string, opts?: { key?: boolean; offset?: number; width?: number }) => void;

function buildSetup(spec: ScenarioSpec, posOf: (p: YamlPath, key?: boolean) => SourcePos, add: Add): Setup {
  const seen = new Map<string, string>(); // logical user name → where declared
  const declare = (name: string, path: YamlPath, where: string): void => {
    if (RESERVED_IDENTITIES.includes(name)) add(path, `"${name}" is reserved (as: ${name} means the target's ${name} identity); choose another name`, { key: true });
    else if (seen.has(name)) add(path, `user "${name}" is declared twice (also in ${seen.get(name)}); user names are unique in a scenario`, { key: true });
    seen.set(name, where);
  };
  const accounts: SetupAccount[] = [];
  for (const [logical, a0] of Object.entries(spec.setup?.accounts ?? {})) {
    const a = a0 ?? {};
    const path = ['setup', 'accounts', logical];
    const root = a.root ?? 'root';
    declare(root, a.root ? [...path, 'root'] : path, `account ${logical}`);
    const users: SetupUser[] = [{ logical: root, pos: posOf(a.root ? [...path, 'root'] : path, !a.root), account: logical, root: true, options: {} }];
    const entries: Array<[string, YamlPath, SetupUser['options']]> = Array.isArray(a.users)
      ? a.users.map((u, i) => [u, [...path, 'users', i], {}])
      : Object.entries(a.users ?? {}).map(([u, o]) => [u, [...path, 'users', u], o ?? {}]);
    for (const [u, upath, options] of entries) {
      declare(u, upath, `account ${logical}`);
      if (options['display-name']) add([...upath, 'display-name'], 'account users are named by their logical name (it is their IAM UserName); display-name is for classic users');
      if (options.tenant) add([...upath, 'tenant'], "account users live in their account's tenant; tenant is for classic users");
      users.push({ logical: u, pos: posOf(upath, !Array.isArray(a.users)), account: logical, root: false, options });
    }
    accounts.push({
      logical,
      pos: posOf(path, true),
      root,
      users,
      quota: a.quota,
      bucketQuota: a['bucket-quota'],
      limits: {
        'max-users': a['max-users'],
        'max-roles': a['max-roles'],
        'max-groups': a['max-groups'],
        'max-access-keys': a['max-access-keys'],
        'max-buckets': a['max-buckets'],
      },
    });
  }
  const users: SetupUser[] = [];
  for (const [logical, o] of Object.entries(spec.setup?.users ?? {})) {
    const path = ['setup', 'users', logical];
    declare(logical, path, 'setup.users');
    users.push({ logical, pos: posOf(path, true), root: false, options: o ?? {} });
  }
  const buckets = Object.entries(spec.setup?.buckets ?? {}).map(([logical, b0]) => {
    const b = b0 ?? {};
    return { logical, pos: posOf(['setup', 'buckets', logical], true), owner: b.owner, objects: b.objects ?? {}, policy: b.policy, versioning: b.versioning };
  });
  return { accounts, users, buckets };
}

function buildStep(
  raw: StepSpec,
  index: number,
  spec: ScenarioSpec,
  posOf: (p: YamlPath, key?: boolean) => SourcePos,
  add: Add,
  known: Known,
  checkRefs: (value: unknown, path: YamlPath, where: 'setup' | number) => void,
): Step | undefined {
  const path: YamlPath = ['steps', index];
  const named = (['s3', 'iam', 'sts', 'admin', 'clock'] as const).filter((s) => raw[s] !== undefined);
  if (named.length !== 1) {
    add(path, named.length === 0
      ? `step ${index + 1} names no operation: give one of s3:, iam:, sts:, admin: (e.g. "s3: ListBuckets") or clock:`
      : `step ${index + 1} names ${named.length} operations (${named.join(', ')}); a step sends one request`);
    return undefined;
  }
  const service = named[0]!;
  const operation = service === 'clock' ? 'Advance' : String(raw[service]);
  const opPath = [...path, service];
  let ok = checkOperation(service, operation, opPath, add);
  const keys = typeof raw.as === 'object' ? raw.as : undefined;
  const as = typeof raw.as === 'object' ? keysLabel(raw.as) : (raw.as ?? (service === 'admin' || service === 'clock' ? 'admin' : undefined));
  if (as === undefined) {
    add(path, `step ${index + 1} (${SERVICE_NAMES[service]} ${operation}) needs "as:": who sends it (ACCOUNT/USER, a classic user, admin, anonymous or \${steps.ID.Credentials})`);
    ok = false;
  } else if (typeof raw.as === 'string') {
    ok = checkIdentity(raw.as, [...path, 'as'], known, add) && ok;
  }
  const input = raw.with ?? {};
  let shape: InputShape = { kind: 'unknown' };
  if (service === 's3' || service === 'iam' || service === 'sts') {
    if (ok) shape = inputShape(service, operation);
    checkInput(input, shape, [...path, 'with'], `${SERVICE_NAMES[service]} ${operation}`, add);
    if (service === 's3' && operation === 'CreateBucket') checkCreateBucket(input.Bucket, [...path, 'with', 'Bucket'], known, add);
  } else if (service === 'admin' && isAdminOperation(operation)) {
    const params: readonly string[] = ADMIN_OPERATIONS[operation].params;
    for (const [k, v] of Object.entries(input)) {
      if (!params.includes(k)) {
        const hint = closest(k, params);
        add([...path, 'with', k], `unknown parameter "${k}" for admin ${operation}${hint ? `; did you mean "${hint}"?` : ` (it takes ${params.join(', ') || 'none'})`}`, { key: true });
      } else if (v !== null && typeof v === 'object') {
        add([...path, 'with', k], `admin parameters are strings, numbers or true/false; "${k}" is ${Array.isArray(v) ? 'a list' : 'a map'}`);
      }
    }
  } else if (service === 'clock' && Object.keys(input).length > 0) {
    add([...path, 'with'], 'clock steps take no "with"; write clock: { advance: 1h }');
  }
  checkRefs(input, [...path, 'with'], index);
  checkRefs(raw.expect ?? {}, [...path, 'expect'], index);
  if (keys) checkRefs(keys, [...path, 'as'], index);
  else if (typeof raw.as === 'string' && raw.as.includes('${')) checkRefs(raw.as, [...path, 'as'], index);

  const expect = compileExpect(raw.expect, [...path, 'expect'], posOf, path, add);
  const retrySpec = raw.retry === undefined ? spec.retry : raw.retry === false ? undefined : raw.retry;
  const retry: RetryPolicy | undefined = retrySpec ? { untilMs: durationMs(retrySpec.until), everyMs: durationMs(retrySpec.every ?? '1s') } : undefined;

  if (raw.id !== undefined) {
    if (known.steps.has(raw.id)) add([...path, 'id'], `step id "${raw.id}" is used by an earlier step; ids are unique in a scenario`);
    known.steps.add(raw.id);
  }
  if (service === 'iam' && operation === 'CreateRole' && typeof input.RoleName === 'string') known.roles.add(input.RoleName);
  if (service === 'iam' && operation === 'CreateUser' && typeof input.UserName === 'string') known.iamUsers.add(input.UserName);

  return {
    index,
    pos: posOf(path),
    id: raw.id,
    name: raw.name,
    as: as ?? 'admin',
    keys,
    asPos: posOf(raw.as !== undefined ? [...path, 'as'] : path),
    service,
    operation,
    opPos: posOf(opPath),
    input,
    inputShape: shape,
    expect,
    retry,
    advanceSeconds: raw.clock ? durationMs(raw.clock.advance) / 1000 : undefined,
  };
}

/** How reports name credentials given field by field: the key id as written and which fields are sent (never a secret). */
function keysLabel(keys: KeysSpec): string {
  return `{AccessKeyId: ${keys.AccessKeyId}, SecretAccessKey${keys.SessionToken === undefined ? ', no SessionToken' : ', SessionToken'}}`;
}

function checkOperation(service: StepService, operation: string, path: YamlPath, add: Add): boolean {
  if (service === 'clock') return true;
  if (service === 'admin') {
    if (isAdminOperation(operation)) return true;
    const hint = closest(operation, Object.keys(ADMIN_OPERATIONS));
    add(path, `unknown Admin Ops operation "${operation}"${hint ? `; did you mean "${hint}"?` : ` (known: ${Object.keys(ADMIN_OPERATIONS).join(', ')})`}`);
    return false;
  }
  if (findCommand(service as SdkService, operation)) return true;
  const hint = closest(operation, operationNames(service as SdkService));
  add(path, `unknown ${SERVICE_NAMES[service]} operation "${operation}": @aws-sdk/client-${service} has no ${operation}Command${hint ? `; did you mean "${hint}"?` : ''}`);
  return false;
}

/** Check input keys against the SDK's input shape, recursively; maps given for string members are sent as JSON. */
function checkInput(value: unknown, shape: InputShape, path: YamlPath, opName: string, add: Add): void {
  if (typeof value === 'string' && value.includes('${')) return; // resolved at run time
  switch (shape.kind) {
    case 'struct': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        add(path, `${opName}: "${String(path.at(-1))}" expects a map`);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        const member = shape.member(k);
        if (!member) {
          const hint = closest(k, shape.memberNames());
          add([...path, k], `unknown input field "${k}" for ${opName}${hint ? `; did you mean "${hint}"?` : ''}`, { key: true });
        } else checkInput(v, member, [...path, k], opName, add);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) add(path, `${opName}: "${String(path.at(-1))}" expects a list`);
      else value.forEach((v, i) => checkInput(v, shape.element(), [...path, i], opName, add));
      return;
    case 'map':
      if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) checkInput(v, shape.value(), [...path, k], opName, add);
      return;
    default:
      return;
  }
}

function checkCreateBucket(bucket: unknown, path: YamlPath, known: Known, add: Add): void {
  if (typeof bucket !== 'string' || bucket.includes('${') || known.buckets.has(bucket)) return;
  add(path, `bucket "${bucket}" is not declared: bucket names are global, so declare it under setup.buckets (without owner, for a step to create) to get a run-unique name, or build one with \${run.id}`);
}

function checkOwner(owner: string, path: YamlPath, known: Known, add: Add): void {
  if (owner.includes('${') || owner === 'anonymous') {
    add(path, `a bucket owner is a setup user (ACCOUNT/USER or a classic user) or admin, not "${owner}"`);
    return;
  }
  checkIdentity(owner, path, known, add);
}

function checkIdentity(as: string, path: YamlPath, known: Known, add: Add): boolean {
  if (RESERVED_IDENTITIES.includes(as)) return true;
  if (as.includes('${')) {
    let parts;
    try {
      parts = parseTemplate(as);
    } catch {
      return false; // reported by the reference check
    }
    const only = parts.length === 1 && 'ref' in parts[0]! ? parts[0].ref : undefined;
    if (!only || only.kind !== 'steps') {
      add(path, `captured credentials are written as one reference to a step's output, e.g. "\${steps.assume.Credentials}"; got "${as}"`);
      return false;
    }
    return true;
  }
  const candidates = identityNames(known);
  const slash = as.indexOf('/');
  const user = slash < 0 ? as : as.slice(slash + 1);
  const entry = known.users.get(user);
  const valid = slash < 0 ? entry !== undefined && entry.account === undefined : entry !== undefined && entry.account === as.slice(0, slash);
  if (valid) return true;
  const hint = closest(as, candidates);
  let why = '';
  if (slash >= 0 && !known.accounts.has(as.slice(0, slash))) why = `: no account "${as.slice(0, slash)}" in setup.accounts`;
  else if (slash >= 0) why = `: account "${as.slice(0, slash)}" has no user "${user}"`;
  else if (entry?.account) why = `: "${user}" is a user of account ${entry.account}; write ${entry.account}/${user}`;
  add(path, `unknown identity "${as}"${why}${hint && hint !== as ? `; did you mean "${hint}"?` : ''} (known: ${candidates.join(', ')})`);
  return false;
}

function identityNames(known: Known): string[] {
  const names = [...RESERVED_IDENTITIES];
  for (const [u, e] of known.users) names.push(e.account ? `${e.account}/${u}` : u);
  return names;
}

function checkTemplate(text: string, path: YamlPath, where: 'setup' | number, known: Known, add: Add): void {
  let parts;
  try {
    parts = parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) add(path, e.message, { offset: e.offset, width: 2 });
    return;
  }
  for (const p of parts) if ('ref' in p) checkRef(p.ref, path, where, known, add);
}

function checkRef(ref: Ref, path: YamlPath, where: 'setup' | number, known: Known, add: Add): void {
  const at = { offset: ref.offset, width: ref.raw.length + 3 };
  const bad = (why: string): void => add(path, `bad reference "\${${ref.raw}}": ${why}`, at);
  switch (ref.kind) {
    case 'run':
      return;
    case 'steps': {
      if (where === 'setup') return bad('setup runs before any step; only accounts, users and buckets can be referred to here');
      if (!known.steps.has(ref.name)) {
        const ids = [...known.steps];
        return bad(`no earlier step has id "${ref.name}"${ids.length ? ` (earlier ids: ${ids.join(', ')})` : ' (give the step an id: and refer to it from a later step)'}`);
      }
      if (ref.path !== '') {
        try {
          parsePath(ref.path);
        } catch (e) {
          return bad((e as Error).message);
        }
      }
      return;
    }
    default: {
      const attrs = REF_ATTRIBUTES[ref.kind];
      const names: Set<string> | Map<string, unknown> =
        ref.kind === 'accounts' ? known.accounts : ref.kind === 'buckets' ? known.buckets : ref.kind === 'roles' ? known.roles : new Set([...known.users.keys(), ...known.iamUsers]);
      if (!names.has(ref.name)) {
        const list = [...names.keys()];
        const hint = closest(ref.name, list);
        const declared =
          ref.kind === 'roles' ? 'created by an earlier iam: CreateRole step'
          : ref.kind === 'users' ? 'declared in setup (accounts or users) or created by an earlier iam: CreateUser step'
          : `declared in setup.${ref.kind}`;
        return bad(`no ${ref.kind.slice(0, -1)} "${ref.name}" ${declared}${hint ? `; did you mean "${hint}"?` : list.length ? ` (known: ${list.join(', ')})` : ''}`);
      }
      if (!attrs.includes(ref.path)) {
        const hint = closest(ref.path, attrs);
        return bad(`${ref.kind} have no attribute "${ref.path}"${hint ? `; did you mean "${hint}"?` : ''} (attributes: ${attrs.join(', ')})`);
      }
      if (ref.kind === 'users' && known.iamUsers.has(ref.name) && !known.users.has(ref.name) && !['arn', 'name'].includes(ref.path)) {
        return bad(`"${ref.name}" is created by an IAM step; only its arn and name are known to the harness`);
      }
    }
  }
}
