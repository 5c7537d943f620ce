// One exchange as HTTP-like text, the way a person reads it and `diff` compares it:
//
//   ### step 2 "assume": sts AssumeRole as backup-team/backup-service (attempt 1)
//   POST /
//   authorization: AWS4-HMAC-SHA256 Credential=<access-key-2>/<date>/default/sts/aws4_request, ...
//   content-type: application/x-www-form-urlencoded; charset=utf-8
//
//   Action=AssumeRole
//   RoleArn=arn:aws:iam::<account-id-1>:role/backup-reader
//
//   HTTP/1.1 200 OK
//   content-type: text/xml
//
//   <AssumeRoleResponse ...>
//
// Only chosen headers are kept (not user-agent, SDK invocation ids, host, connection). Form bodies are shown
// one decoded parameter a line, XML one element a line, JSON indented. Redaction comes before any reshaping.
import type { IncomingHttpHeaders } from 'node:http';
import type { BodyCapture } from './body-tap.js';
import type { Normaliser } from './normalise.js';
import type { RecordingRedactor } from './redact-recording.js';

/** Extra bytes kept past the limit so a secret that straddles the cut is still recognised and redacted. */
export const REDACTION_SLACK = 4096;

const REQUEST_HEADERS =
  /^(authorization|content-(type|length|md5|encoding|range|disposition|language)|transfer-encoding|expect|range|if-(match|none-match|modified-since|unmodified-since)|cache-control|expires|x-amz-(?!user-agent$).*)$/;
const RESPONSE_HEADERS =
  /^(content-(type|length|range|encoding|disposition|language)|transfer-encoding|etag|last-modified|location|retry-after|www-authenticate|allow|accept-ranges|expires|cache-control|x-amz-.*|x-rgw-.*)$/;

export interface RawExchange {
  title: string;
  method: string;
  url: string; // path and query as received
  requestHeaders: IncomingHttpHeaders;
  requestBody: BodyCapture;
  response?: { httpVersion: string; status: number; statusMessage: string; headers: IncomingHttpHeaders; body: BodyCapture };
  error?: string;
}

export interface FormatOptions {
  bodyLimit: number;
  redactor: RecordingRedactor;
  normaliser: Normaliser;
}

export function formatExchange(x: RawExchange, o: FormatOptions): string {
  // Harvest secrets before anything is printed, so later text of this very exchange is redacted too.
  const resBody = x.response ? decodeBody(x.response.body) : undefined;
  if (resBody?.text) o.redactor.harvest(resBody.text);
  const reqBody = decodeBody(x.requestBody);

  // Learn generated values in the order a reader meets them: request line, request, then response.
  const raw = [x.url, headerLines(x.requestHeaders, REQUEST_HEADERS), reqBody.text ?? '', x.response ? headerLines(x.response.headers, RESPONSE_HEADERS) : '', resBody?.text ?? ''];
  for (const part of raw) o.normaliser.learn(part);
  for (const [k, v] of Object.entries(x.response?.headers ?? {})) if (typeof v === 'string') o.normaliser.learnHeader(k, v);

  const text = (s: string): string => o.normaliser.text(o.redactor.text(s));
  const lines = [`### ${text(x.title)}`, `${x.method} ${requestTarget(x.url, o)}`];
  lines.push(...headers(x.requestHeaders, REQUEST_HEADERS, o));
  const rb = body(reqBody, headerOf(x.requestHeaders, 'content-type'), x.requestBody, o);
  if (rb) lines.push('', rb);
  lines.push('');
  if (x.response) {
    const r = x.response;
    lines.push(`HTTP/${r.httpVersion} ${r.status} ${r.statusMessage}`.trimEnd());
    lines.push(...headers(r.headers, RESPONSE_HEADERS, o));
    const b = body(resBody!, headerOf(r.headers, 'content-type'), r.body, o);
    if (b) lines.push('', b);
  } else {
    lines.push(`# no response: ${text(x.error ?? 'the connection closed')}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function requestTarget(url: string, o: FormatOptions): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const text = (s: string): string => o.normaliser.text(o.redactor.text(s));
  if (q < 0) return text(path);
  const params = url.slice(q + 1).split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0) return text(name);
    return `${text(name)}=${o.normaliser.text(o.redactor.queryValue(safeDecode(name), pair.slice(eq + 1)))}`;
  });
  return `${text(path)}?${params.join('&')}`;
}

function headerOf(h: IncomingHttpHeaders, name: string): string {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

function headerLines(h: IncomingHttpHeaders, chosen: RegExp): string {
  return Object.entries(h).filter(([k]) => chosen.test(k)).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('\n');
}

function headers(h: IncomingHttpHeaders, chosen: RegExp, o: FormatOptions): string[] {
  return Object.keys(h)
    .map((k) => k.toLowerCase())
    .filter((k) => chosen.test(k))
    .sort()
    .map((k) => `${k}: ${o.normaliser.header(k, o.redactor.header(k, headerOf(h, k)))}`);
}

interface Decoded {
  text?: string; // undefined when the body is binary
  bytes: number; // bytes decoded
}

function decodeBody(c: BodyCapture): Decoded {
  const buf = c.bytes();
  if (buf.length === 0) return { text: '', bytes: 0 };
  try {
    // stream: true leaves a multi-byte character cut by the limit out instead of failing on it.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return /[\x00-\x08\x0E-\x1F]/.test(text) ? { bytes: buf.length } : { text, bytes: buf.length };
  } catch {
    return { bytes: buf.length };
  }
}

function body(d: Decoded, contentType: string, c: BodyCapture, o: FormatOptions): string {
  const total = c.ended ? `${c.total} bytes` : `at least ${c.total} bytes (the body did not end)`;
  if (c.total === 0 && c.ended) return '';
  if (d.text === undefined) return `# binary body, ${total}`;
  const complete = c.ended && c.total <= o.bodyLimit;
  let shown: string;
  if (/x-www-form-urlencoded/i.test(contentType)) {
    shown = [...new URLSearchParams(d.text)].map(([k, v]) => `${k}=${o.redactor.queryValue(k, v)}`).join('\n');
  } else {
    shown = o.redactor.text(d.text);
    // RGW sends some Admin Ops JSON without a content type: the shape decides.
    if (complete && (/json/i.test(contentType) || /^\s*[[{]/.test(shown))) shown = prettyJson(shown);
    else if (/xml/i.test(contentType) || /^\s*<\?xml/.test(shown)) shown = xmlLines(shown);
  }
  shown = o.normaliser.text(shown);
  if (complete) return shown;
  // Cut after redaction, so a secret straddling the limit was recognised whole.
  return `${shown.slice(0, o.bodyLimit)}\n# … ${total} in all; the first ${o.bodyLimit} recorded`;
}

/** One element a line: break after a closing tag, a declaration, or an opening tag that opens another. */
function xmlLines(s: string): string {
  return s.replace(/(<\/[^>]+>|<[^>]+\/>|<\?[^>]*\?>)\s*(?=<)/g, '$1\n').replace(/(<[A-Za-z][^>]*[^/]>)\s*(?=<[A-Za-z])/g, '$1\n');
}

function prettyJson(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
