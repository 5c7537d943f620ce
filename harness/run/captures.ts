// Resolving `${...}` at run time. A string that is exactly one reference takes the referenced value as is
// (an object such as ${steps.assume.Credentials}, a number); references inside longer strings are
// interpolated (objects as JSON). Values come with real names: these feed requests.
import { parseTemplate, type Ref } from '../scenario/template.js';
import type { ScenarioContext } from './context.js';
import { getPath, parsePath } from './paths.js';

/** A reference that cannot be resolved now (e.g. the step it names failed): the step breaks, not fails. */
export class ResolveError extends Error {
  override readonly name = 'ResolveError';
}

export function resolveValue(value: unknown, ctx: ScenarioContext): unknown {
  if (typeof value === 'string') return value.includes('${') ? resolveString(value, ctx) : value;
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, ctx));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, ctx);
    return out;
  }
  return value;
}

export function resolveString(s: string, ctx: ScenarioContext): unknown {
  const parts = parseTemplate(s);
  if (parts.length === 1 && 'ref' in parts[0]!) return refValue(parts[0].ref, ctx);
  return parts
    .map((p) => {
      if ('literal' in p) return p.literal;
      const v = refValue(p.ref, ctx);
      return typeof v === 'string' ? v : JSON.stringify(v);
    })
    .join('');
}

export function refValue(ref: Ref, ctx: ScenarioContext): unknown {
  const missing = (what: string): never => {
    throw new ResolveError(`\${${ref.raw}}: ${what}`);
  };
  switch (ref.kind) {
    case 'run':
      return ctx.runId;
    case 'accounts': {
      const a = ctx.accounts.get(ref.name) ?? missing(`account ${ref.name} was not created (setup failed?)`);
      return ref.path === 'id' ? a.id : ref.path === 'name' ? a.name : `arn:aws:iam::${a.id}:root`;
    }
    case 'users': {
      const u = ctx.users.get(ref.name);
      if (!u) {
        const iu = ctx.iamUsers.get(ref.name) ?? missing(`user ${ref.name} does not exist yet`);
        return ref.path === 'arn' ? iu.arn : iu.name;
      }
      switch (ref.path) {
        case 'arn':
          return u.arn;
        case 'uid':
          return u.uid;
        case 'name':
          return u.displayName;
        case 'account':
          return u.accountId ?? missing(`${ref.name} is not an account user`);
        case 'tenant':
          return u.tenant;
        case 'accessKeyId':
          return u.credentials.accessKeyId;
        case 'secretAccessKey':
          return u.credentials.secretAccessKey;
      }
      return missing(`unknown attribute ${ref.path}`);
    }
    case 'buckets':
      return ref.path === 'arn' ? `arn:aws:s3:::${ctx.bucketName(ref.name)}` : ctx.bucketName(ref.name);
    case 'roles': {
      const r = ctx.roles.get(ref.name) ?? missing(`role ${ref.name} was not created (did its CreateRole step fail?)`);
      return ref.path === 'arn' ? r.arn : ref.path === 'name' ? r.name : r.id;
    }
    case 'steps': {
      if (!ctx.stepOutputs.has(ref.name)) missing(`step ${ref.name} has no output (it failed or did not run)`);
      const out = ctx.stepOutputs.get(ref.name);
      if (ref.path === '') return out;
      const found = getPath(out, parsePath(ref.path));
      if (!found.found) missing(`step ${ref.name}'s output has no ${ref.path}`);
      return found.value;
    }
  }
}
