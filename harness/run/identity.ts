// `as:` → who signs: admin, anonymous, a setup user (ACCOUNT/USER or a classic USER), or credentials captured
// from a step's output (STS Credentials, IAM AccessKey, an Admin Ops key).
import type { KeysSpec } from '../scenario/schema.js';
import type { Credentials } from '../targets/target.js';
import { resolveString, ResolveError } from './captures.js';
import type { ScenarioContext } from './context.js';

export type Identity = { kind: 'anonymous'; label: string } | { kind: 'keys'; label: string; credentials: Credentials };

export function resolveIdentity(as: string, ctx: ScenarioContext): Identity {
  if (as === 'anonymous') return { kind: 'anonymous', label: as };
  if (as === 'admin') return { kind: 'keys', label: as, credentials: ctx.target.admin };
  if (as.includes('${')) {
    const creds = credentialsFrom(resolveString(as, ctx));
    if (!creds) throw new ResolveError(`${as} does not hold credentials (AccessKeyId and SecretAccessKey)`);
    return { kind: 'keys', label: as, credentials: creds };
  }
  const user = ctx.users.get(as.includes('/') ? as.slice(as.indexOf('/') + 1) : as);
  if (!user) throw new ResolveError(`user ${as} was not created (setup failed?)`);
  return { kind: 'keys', label: as, credentials: user.credentials };
}

/** Credentials given field by field (`as: { AccessKeyId, SecretAccessKey, SessionToken? }`), references resolved. */
export function keysIdentity(label: string, keys: KeysSpec, ctx: ScenarioContext): Identity {
  const field = (name: keyof KeysSpec): string | undefined => {
    const text = keys[name];
    if (text === undefined) return undefined;
    const v = text.includes('${') ? resolveString(text, ctx) : text;
    if (typeof v !== 'string') throw new ResolveError(`as.${name} is not a string (${text})`);
    return v;
  };
  const sessionToken = field('SessionToken');
  const credentials: Credentials = { accessKeyId: field('AccessKeyId')!, secretAccessKey: field('SecretAccessKey')! };
  return { kind: 'keys', label, credentials: sessionToken === undefined ? credentials : { ...credentials, sessionToken } };
}

/** Accept the credential shapes the APIs return: STS/IAM (AccessKeyId), Admin Ops (access_key), SDK (accessKeyId). */
export function credentialsFrom(v: unknown): Credentials | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const pick = (...names: string[]): string | undefined => {
    for (const n of names) if (typeof o[n] === 'string' && o[n] !== '') return o[n];
    return undefined;
  };
  const accessKeyId = pick('AccessKeyId', 'access_key', 'accessKeyId');
  const secretAccessKey = pick('SecretAccessKey', 'secret_key', 'secretAccessKey');
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = pick('SessionToken', 'sessionToken');
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}
