// Admin Ops parameters: query string values with RGW's boolean and number parsing.
import type { RequestContext } from '../../http/context.js';
import { GatewayError } from '../../errors.js';

export class Params {
  constructor(private readonly q: URLSearchParams) {}
  str(name: string): string | undefined {
    return this.q.get(name) ?? undefined;
  }
  has(name: string): boolean {
    return this.q.has(name);
  }
  required(name: string): string {
    const v = this.q.get(name);
    if (!v) throw new GatewayError('InvalidArgument', `${name} is required`);
    return v;
  }
  /** RGW's get_bool: "true"/"1"/"yes" are true, anything else present is false. */
  bool(name: string): boolean | undefined {
    const v = this.q.get(name);
    if (v === null) return undefined;
    return ['true', '1', 'yes'].includes(v.toLowerCase());
  }
  int(name: string): number | undefined {
    const v = this.q.get(name);
    if (v === null || v === '') return undefined;
    if (!/^-?\d+$/.test(v)) throw new GatewayError('InvalidArgument', `${name} must be an integer`);
    return Number(v);
  }
}

export const paramsOf = (ctx: RequestContext): Params => new Params(ctx.query);
