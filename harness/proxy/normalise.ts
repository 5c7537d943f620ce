// Makes recordings diffable: values that differ on every run by design become placeholders. Dates and
// request ids become one placeholder each (`<date>`, `<request-id>`); generated identifiers (access keys,
// account ids, role and user ids, UUIDs, upload and version ids) become numbered placeholders in order of
// first appearance (`<access-key-1>`, `<account-id-2>`), so a reader still sees which value is which and two
// runs of one scenario give identical files. One Normaliser per recording (per scenario): no shared state.

/** Header values replaced whole. */
const HEADER_PLACEHOLDER: Record<string, string> = {
  date: '<date>',
  'x-amz-date': '<date>',
  'last-modified': '<date>',
  expires: '<date>',
  'x-amz-request-id': '<request-id>',
  'x-amz-id-2': '<request-id>',
  'x-trans-id': '<request-id>',
  'x-openstack-request-id': '<request-id>',
  'content-md5': '<md5>',
};

const DATES: RegExp[] = [
  // ISO 8601 and RGW's "2024-05-01 10:00:00.000000Z", also with URL-encoded colons.
  /\b\d{4}-\d{2}-\d{2}[T ]\d{2}(?::|%3A)\d{2}(?::|%3A)\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::|%3A)?\d{2})?/g,
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT/g,
  /\b\d{8}T\d{6}Z\b/g, // x-amz-date, X-Amz-Date
  /(?<=Credential=[^/\s]+(?:\/|%2F))\d{8}(?=\/|%2F)/g, // the date of a credential scope
];

/** RGW transaction ids (tx + 21 hex - 10 hex epoch - zone - zonegroup) and XML/JSON request ids. */
const REQUEST_IDS: Array<[RegExp, string]> = [
  [/\btx[0-9a-f]{21}-[0-9a-f]{8,10}-[0-9a-z]+-[A-Za-z0-9_.-]+/g, '<request-id>'],
  [/<(RequestId|HostId)>[^<]*<\/\1>/g, '<$1><request-id></$1>'],
  [/"(RequestId|HostId|request_id)"(\s*:\s*)"[^"]*"/g, '"$1"$2"<request-id>"'],
];

/** Where generated values show up, and the kind of placeholder they get. */
const GENERATED: Array<[RegExp, string]> = [
  [/\bRGW\d{17}\b/g, 'account-id'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'uuid'],
];
const GENERATED_FIELDS: Array<[RegExp, string]> = [
  [/Credential=([A-Za-z0-9]{8,})(?:\/|%2F)/g, 'access-key'],
  [/<AccessKeyId>([^<]+)</g, 'access-key'],
  [/"(?:access_key|AccessKeyId|accessKeyId)"\s*:\s*"([^"]+)"/g, 'access-key'],
  [/\bAccessKeyId=([A-Za-z0-9]{8,})/g, 'access-key'],
  [/<RoleId>([^<]+)</g, 'role-id'],
  [/<UserId>([^<]+)</g, 'user-id'],
  [/<GroupId>([^<]+)</g, 'group-id'],
  [/<PolicyId>([^<]+)</g, 'policy-id'],
  [/<UploadId>([^<]+)</g, 'upload-id'],
  [/\buploadId=([^&\s]+)/g, 'upload-id'],
  [/<VersionId>([^<]+)</g, 'version-id'],
  [/\bversionId=([^&\s]+)/g, 'version-id'],
  [/"(?:bucket_id|marker|instance_id)"\s*:\s*"([^"]+)"/g, 'bucket-id'],
];
const HEADER_GENERATED: Record<string, string> = { 'x-amz-version-id': 'version-id' };

export interface NormaliserOptions {
  /** Literal replacements, e.g. the proxy's and the target's host:port. */
  aliases?: Array<[string, string]>;
  /** A rewrite of run-unique names into logical ones (the runner's NameBook.logical). */
  rewrite?: (s: string) => string;
}

export class Normaliser {
  private readonly placeholders = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly aliases: Array<[string, string]>;
  private readonly rewrite: (s: string) => string;

  constructor(opts: NormaliserOptions = {}) {
    this.aliases = (opts.aliases ?? []).filter(([from]) => from.length > 0);
    this.rewrite = opts.rewrite ?? ((s) => s);
  }

  /** Learn the generated values a text reveals (call in the order exchanges happened). */
  learn(text: string): void {
    for (const [re, kind] of GENERATED) for (const m of text.matchAll(re)) this.placeholder(kind, m[0]);
    for (const [re, kind] of GENERATED_FIELDS) for (const m of text.matchAll(re)) if (m[1] && !m[1].startsWith('<')) this.placeholder(kind, m[1]);
  }

  learnHeader(name: string, value: string): void {
    const kind = HEADER_GENERATED[name.toLowerCase()];
    if (kind) this.placeholder(kind, value);
  }

  text(s: string): string {
    let out = s;
    // Known values first, while the text is still raw; longest first, so a value containing another goes whole.
    const known = [...this.placeholders].sort((a, b) => b[0].length - a[0].length);
    for (const [value, ph] of known) if (out.includes(value)) out = out.split(value).join(ph);
    out = this.rewrite(out);
    for (const [from, to] of this.aliases) out = out.split(from).join(to);
    for (const re of DATES) out = out.replace(re, '<date>');
    for (const [re, rep] of REQUEST_IDS) out = out.replace(re, rep);
    return out;
  }

  header(name: string, value: string): string {
    const n = name.toLowerCase();
    const fixed = HEADER_PLACEHOLDER[n];
    if (fixed) return fixed;
    // The payload hash changes with any run-unique name in the body; UNSIGNED-PAYLOAD and STREAMING-* stay.
    if (n === 'x-amz-content-sha256' && /^[0-9a-f]{64}$/.test(value)) return '<sha256>';
    return this.text(value);
  }

  private placeholder(kind: string, value: string): string {
    // Short or literal values ("null" version ids) would replace ordinary text.
    if (value.length < 6 || value === 'null') return value;
    let ph = this.placeholders.get(value);
    if (!ph) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      ph = `<${kind}-${n}>`;
      this.placeholders.set(value, ph);
    }
    return ph;
  }
}
