// Conditional requests as RGW evaluates them (RGWRados::Object::Read::prepare, probed on RGW 20.2.4):
// - dates are parsed when the request is decoded: RFC 1123 / RFC 850 / asctime / ISO 8601; anything else is
//   400 InvalidArgument;
// - order: If-Modified-Since (ignored when If-None-Match is present; not modified → 304), then
//   If-Unmodified-Since (ignored with If-Match; modified → 412), then If-Match (412), then If-None-Match (304);
// - times compare in whole seconds: modified-since means Last-Modified > date;
// - ETags compare as RGW does: the header, with one pair of surrounding quotes removed, must START with the
//   object's ETag — so "*", W/ and lists whose first entry differs do not match.
import { GatewayError } from '../../errors.js';
import { header, type RequestContext } from '../../http/context.js';
import { unquote } from './encode.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*';

function utc(y: number, mon: string, d: number, hh: number, mm: number, ss: number): number | undefined {
  const m = MONTHS.indexOf(mon.slice(0, 1).toUpperCase() + mon.slice(1, 3).toLowerCase());
  if (m < 0 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return undefined;
  return Date.UTC(y, m, d, hh, mm, ss);
}

/** RGW's parse_time; undefined when it cannot parse the value. Milliseconds since the epoch. */
export function parseRgwTime(v: string): number | undefined {
  let m = new RegExp(`^${DAY}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (?:GMT|UTC|[+-]\\d{4})$`).exec(v.trim());
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = new RegExp(`^${DAY}, (\\d{1,2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`).exec(v.trim());
  if (m) {
    const yy = Number(m[3]);
    return utc(yy < 69 ? 2000 + yy : 1900 + yy, m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = new RegExp(`^${DAY} ([A-Za-z]{3}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`).exec(v.trim());
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/.exec(v.trim());
  if (m) return utc(Number(m[1]), MONTHS[Number(m[2]) - 1] ?? '', Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return undefined;
}

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: number;
  ifUnmodifiedSince?: number;
}

/** Read the four conditions from request headers (GET: if-*, copy: x-amz-copy-source-if-*). */
export function readConditions(ctx: RequestContext, prefix: '' | 'x-amz-copy-source-'): Conditions {
  const date = (name: string): number | undefined => {
    const v = header(ctx.headers, prefix + name);
    if (v === undefined) return undefined;
    const t = parseRgwTime(v);
    if (t === undefined) throw new GatewayError('InvalidArgument');
    return t;
  };
  return {
    ifMatch: header(ctx.headers, `${prefix}if-match`),
    ifNoneMatch: header(ctx.headers, `${prefix}if-none-match`),
    ifModifiedSince: date('if-modified-since'),
    ifUnmodifiedSince: date('if-unmodified-since'),
  };
}

const etagMatches = (value: string, etag: string): boolean => unquote(value).slice(0, etag.length) === etag;

/** 'ok', 'not-modified' (304), or throws 412 PreconditionFailed. */
export function evaluate(c: Conditions, etag: string, lastModifiedIso: string): 'ok' | 'not-modified' {
  const modified = Math.floor(Date.parse(lastModifiedIso) / 1000);
  if (c.ifModifiedSince !== undefined && c.ifNoneMatch === undefined && modified <= Math.floor(c.ifModifiedSince / 1000)) return 'not-modified';
  if (c.ifUnmodifiedSince !== undefined && c.ifMatch === undefined && modified > Math.floor(c.ifUnmodifiedSince / 1000)) throw new GatewayError('PreconditionFailed');
  if (c.ifMatch !== undefined && !etagMatches(c.ifMatch, etag)) throw new GatewayError('PreconditionFailed');
  if (c.ifNoneMatch !== undefined && etagMatches(c.ifNoneMatch, etag)) return 'not-modified';
  return 'ok';
}
