// A small typed client for RGW's Admin Ops API (/admin/...), SigV4-signed with service "s3" as RGW expects.
// Used by the harness (setup, teardown, `admin:` steps) and by the gateway's own test suites.
//
//   const admin = new AdminClient({ endpoint, region, credentials });
//   const { output } = await admin.send('CreateUser', { uid: 'alice', 'display-name': 'Alice' });
//   const user = await admin.createUser({ uid: 'alice', 'display-name': 'Alice' });   // typed shortcut
//
// Errors are thrown as AdminOpsError with RGW's wire code (`NoSuchUser`), HTTP status and request id.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  ADMIN_OPERATIONS,
  type AdminOperation,
  type AdminOperationName,
  type AdminParams,
  type AdminParamValue,
} from './admin-operations.js';
import { nodeRequestHandler, readAll, type QueryBag, type RawRequest, type RequestHandlerLike } from './http-handler.js';

export interface AdminCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AdminClientOptions {
  endpoint: string; // http://host:port
  region?: string; // signing region; RGW accepts any (default "default")
  credentials: AdminCredentials;
  /** Where requests go; the harness passes a recording handler. Default: node:http with keep-alive. */
  requestHandler?: RequestHandlerLike;
  /** Milliseconds added to the signing time (a target whose clock was moved forward). */
  clockOffsetMs?: () => number;
}

export interface AdminResponse<T = unknown> {
  status: number;
  requestId?: string;
  /** Parsed JSON body; undefined for an empty body; the text when it is not JSON. */
  output: T;
}

/** RGW's RGWQuotaInfo as the Admin Ops API renders it. */
export interface AdminQuota {
  enabled: boolean;
  check_on_raw: boolean;
  max_size: number;
  max_size_kb: number;
  max_objects: number;
}

/** One S3 key as GET/PUT /admin/user render it (not radosgw-admin's shape). */
export interface AdminKey {
  user: string;
  access_key: string;
  secret_key: string;
  active?: boolean;
  create_date?: string;
}

export interface AdminUserInfo {
  user_id: string;
  tenant?: string;
  display_name: string;
  email: string;
  suspended: number;
  max_buckets: number;
  keys: AdminKey[];
  caps: Array<{ type: string; perm: string }>;
  type?: string; // "root" for an account root user, "rgw" otherwise
  account_id?: string;
  path?: string;
  user_quota?: AdminQuota;
  bucket_quota?: AdminQuota;
  [field: string]: unknown;
}

export interface AdminAccountInfo {
  id: string;
  tenant: string;
  name: string;
  email: string;
  quota: AdminQuota;
  bucket_quota: AdminQuota;
  max_users: number;
  max_roles: number;
  max_groups: number;
  max_buckets: number;
  max_access_keys: number;
  [field: string]: unknown;
}

export class AdminOpsError extends Error {
  override readonly name: string;
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly requestId?: string,
    readonly body?: unknown,
  ) {
    super(message || `${code} (HTTP ${status})`);
    this.name = code;
  }
}

export class AdminClient {
  private readonly url: URL;
  private readonly signer: SignatureV4;
  private readonly handler: RequestHandlerLike;
  private readonly ownsHandler: boolean;

  constructor(private readonly options: AdminClientOptions) {
    this.url = new URL(options.endpoint);
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region ?? 'default',
      credentials: options.credentials,
      sha256: Sha256,
      uriEscapePath: true,
    });
    this.ownsHandler = !options.requestHandler;
    this.handler = options.requestHandler ?? nodeRequestHandler();
  }

  /** Call an Admin Ops operation by name. Values are sent as query parameters (booleans as true/false). */
  async send<O extends AdminOperationName, T = unknown>(operation: O, params: AdminParams<O> = {}): Promise<AdminResponse<T>> {
    const op: AdminOperation = ADMIN_OPERATIONS[operation];
    return this.request<T>(op.method, op.path, buildQuery(op, params as Record<string, AdminParamValue | undefined>));
  }

  /** A raw signed request to any admin path (for operations the table lacks, and for probes). */
  async request<T = unknown>(method: string, path: string, query: QueryBag = {}, body?: string): Promise<AdminResponse<T>> {
    const headers: Record<string, string> = { host: this.url.host };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const unsigned: RawRequest = {
      method,
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      port: this.url.port ? Number(this.url.port) : undefined,
      path,
      query,
      headers,
      body,
    };
    const signingDate = new Date(Date.now() + (this.options.clockOffsetMs?.() ?? 0));
    const signed = (await this.signer.sign(unsigned as Parameters<SignatureV4['sign']>[0], { signingDate })) as unknown as RawRequest;
    const { response } = await this.handler.handle(signed);
    const text = (await readAll(response.body)).toString('utf8');
    const requestId = response.headers['x-amz-request-id'];
    const parsed = parseBody(text);
    if (response.statusCode >= 300) {
      const err = (parsed && typeof parsed === 'object' ? parsed : xmlError(text)) as { Code?: string; Message?: string; RequestId?: string };
      throw new AdminOpsError(err.Code ?? `Http${response.statusCode}`, response.statusCode, err.Message ?? '', err.RequestId ?? requestId, parsed);
    }
    return { status: response.statusCode, requestId, output: parsed as T };
  }

  // Typed shortcuts for what setup, teardown and tests use most.
  async createAccount(params: AdminParams<'CreateAccount'>): Promise<AdminAccountInfo> {
    return (await this.send<'CreateAccount', AdminAccountInfo>('CreateAccount', params)).output;
  }
  async getAccount(params: AdminParams<'GetAccount'>): Promise<AdminAccountInfo> {
    return (await this.send<'GetAccount', AdminAccountInfo>('GetAccount', params)).output;
  }
  async deleteAccount(params: AdminParams<'DeleteAccount'>): Promise<void> {
    await this.send('DeleteAccount', params);
  }
  async createUser(params: AdminParams<'CreateUser'>): Promise<AdminUserInfo> {
    return (await this.send<'CreateUser', AdminUserInfo>('CreateUser', params)).output;
  }
  async getUserInfo(params: AdminParams<'GetUserInfo'>): Promise<AdminUserInfo> {
    return (await this.send<'GetUserInfo', AdminUserInfo>('GetUserInfo', params)).output;
  }
  async removeUser(params: AdminParams<'RemoveUser'>): Promise<void> {
    await this.send('RemoveUser', params);
  }
  /** Returns every key of the user after the new one is added (RGW's response). */
  async createKey(params: AdminParams<'CreateKey'>): Promise<AdminKey[]> {
    return (await this.send<'CreateKey', AdminKey[]>('CreateKey', params)).output;
  }
  async removeKey(params: AdminParams<'RemoveKey'>): Promise<void> {
    await this.send('RemoveKey', params);
  }
  async setUserQuota(params: AdminParams<'SetUserQuota'>): Promise<void> {
    await this.send('SetUserQuota', params);
  }
  async setAccountQuota(params: AdminParams<'SetAccountQuota'>): Promise<void> {
    await this.send('SetAccountQuota', params);
  }
  async removeBucket(params: AdminParams<'RemoveBucket'>): Promise<void> {
    await this.send('RemoveBucket', params);
  }

  destroy(): void {
    if (this.ownsHandler) this.handler.destroy?.();
  }
}

function buildQuery(op: AdminOperation, params: Record<string, AdminParamValue | undefined>): QueryBag {
  const query: QueryBag = {};
  if (op.subresource) query[op.subresource] = '';
  for (const [k, v] of Object.entries(op.fixed ?? {})) query[k] = v;
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (!op.params.includes(k)) throw new TypeError(`admin operation does not take parameter "${k}" (it takes ${op.params.join(', ') || 'none'})`);
    query[k] = String(v);
  }
  return query;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Admin Ops errors are JSON on RGW; an S3-style XML error (e.g. from a proxy or an unrouted path) is read too. */
function xmlError(text: string): { Code?: string; Message?: string; RequestId?: string } {
  const tag = (t: string): string | undefined => new RegExp(`<${t}>([^<]*)</${t}>`).exec(text)?.[1];
  return { Code: tag('Code'), Message: tag('Message'), RequestId: tag('RequestId') };
}
