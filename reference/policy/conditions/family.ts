// One condition operator family = the operators it defines, each a `matches(envValues, policyValues)`, and
// whether it honours `${key}` runtime values. The quantifiers are RGW's Condition helpers: for string and
// ARN families every env value of the key counts (multimap_any / _all / _none); typed families read only the
// key's first value and skip policy values they cannot parse (typed_any / typed_none), and are false when
// the env value itself does not parse.

export type Matcher = (envValues: string[], policyValues: string[]) => boolean;

export interface OperatorFamily {
  name: string;
  /** Whether `${key}` values are replaced by the env values of that key (string and ARN operators only). */
  runtime: boolean;
  operators: Record<string, Matcher>;
}

export const anyOf =
  (f: (env: string, pol: string) => boolean): Matcher =>
  (env, pol) =>
    env.some((e) => pol.some((p) => f(e, p)));

export const allOf =
  (f: (env: string, pol: string) => boolean): Matcher =>
  (env, pol) =>
    env.every((e) => pol.some((p) => f(e, p)));

export const noneOf =
  (f: (env: string, pol: string) => boolean): Matcher =>
  (env, pol) =>
    !env.some((e) => pol.some((p) => f(e, p)));

export function typedAny<T>(read: (s: string) => T | undefined, f: (env: T, pol: T) => boolean): Matcher {
  return (env, pol) => {
    const x = read(env[0]!);
    if (x === undefined) return false;
    return pol.some((p) => {
      const y = read(p);
      return y !== undefined && f(x, y);
    });
  };
}

export function typedNone<T>(read: (s: string) => T | undefined, f: (env: T, pol: T) => boolean): Matcher {
  return (env, pol) => {
    const x = read(env[0]!);
    if (x === undefined) return false;
    return !pol.some((p) => {
      const y = read(p);
      return y !== undefined && f(x, y);
    });
  };
}
