// One attempt of one step: resolve identity and input, send the request (SDK command, Admin Ops call or clock
// move), turn the answer into an Outcome, remember captures, and check the expectation. Never retries.
import { AdminOpsError } from '../admin-client.js';
import { isAdminOperation } from '../admin-operations.js';
import { findCommand, type SdkService } from '../operations.js';
import type { Attempt, HttpExchange, Outcome } from '../result.js';
import type { Step } from '../scenario/model.js';
import { evaluate } from './assertions.js';
import { resolveValue, ResolveError } from './captures.js';
import type { ScenarioContext } from './context.js';
import { keysIdentity, resolveIdentity } from './identity.js';
import { prepareInput } from './inputs.js';
import { plainOutput } from './output.js';

/** Raw (real-named, unredacted) result of sending: feeds captures; never stored in a result. */
type Sent = { kind: 'success'; status: number; requestId?: string; output: unknown } | Exclude<Outcome, { kind: 'success' }>;

export async function attemptStep(step: Step, ctx: ScenarioContext, number: number): Promise<Attempt> {
  const startedAt = new Date();
  const t0 = performance.now();
  let input: Record<string, unknown> = {};
  let sent: Sent;
  ctx.recorder.trace = `${ctx.runId}/${step.index}/${number}`;
  ctx.recorder.begin();
  let lastBody: string | undefined;
  let exchanges: HttpExchange[] = [];
  try {
    input = step.service === 'clock' ? { advance: step.advanceSeconds } : prepareInput(step, ctx);
    sent = await send(step, input, ctx);
  } catch (err) {
    sent = { kind: 'broken', message: err instanceof ResolveError ? `cannot run this step: ${err.message}` : errorMessage(err) };
  } finally {
    ({ lastBody, exchanges } = ctx.recorder.end(ctx.secrets, ctx.names));
  }
  if (sent.kind === 'error') refineFromWire(sent, lastBody);
  if (sent.kind === 'success') remember(step, input, sent.output, ctx);
  else if (sent.kind === 'error' && step.id) ctx.stepOutputs.set(step.id, { Code: sent.code, Message: sent.message, ...sent.fields });

  const outcome = ctx.names.logicalValue(ctx.secrets.value(sent)) as Outcome;
  const checks = sent.kind === 'broken' && sent.message.startsWith('cannot run this step')
    ? []
    : evaluate(step.expect, outcome, (v) => ctx.names.logicalValue(resolveValue(v, ctx)));
  const attempt: Attempt = {
    number,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    input: ctx.names.logicalValue(ctx.secrets.value(recordable(input))),
    outcome,
    checks,
    exchanges,
  };
  if (sent.kind === 'error' && sent.status === 403 && sent.requestId && ctx.target.capabilities.has('explain')) {
    attempt.explanation = await explain(sent.requestId, ctx);
  }
  return attempt;
}

async function send(step: Step, input: Record<string, unknown>, ctx: ScenarioContext): Promise<Sent> {
  const identity = step.keys ? keysIdentity(step.as, step.keys, ctx) : resolveIdentity(step.as, ctx);
  if (step.service === 'clock') {
    const seconds = step.advanceSeconds ?? 0;
    const admin = ctx.adminClient(identity.kind === 'keys' ? identity.credentials : ctx.target.admin);
    try {
      const r = await admin.request('POST', '/_reference/clock', { advance: String(seconds) });
      ctx.clockOffsetMs += seconds * 1000;
      ctx.clients.setClockOffset(ctx.clockOffsetMs);
      return { kind: 'success', status: r.status, requestId: r.requestId, output: r.output ?? {} };
    } catch (err) {
      return fromError(err);
    }
  }
  if (step.service === 'admin') {
    if (!isAdminOperation(step.operation)) throw new Error(`unknown admin operation ${step.operation}`);
    if (identity.kind === 'anonymous') throw new ResolveError('Admin Ops requests are always signed; use an identity with keys');
    try {
      const r = await ctx.adminClient(identity.credentials).send(step.operation, input as never);
      return { kind: 'success', status: r.status, requestId: r.requestId, output: r.output ?? {} };
    } catch (err) {
      return fromError(err);
    }
  }
  const Command = findCommand(step.service as SdkService, step.operation);
  if (!Command) throw new Error(`unknown operation ${step.service}:${step.operation}`);
  const client = ctx.clients.client(step.service as SdkService, identity);
  try {
    const raw = (await client.send(new Command(input))) as Record<string, unknown> & { $metadata?: { httpStatusCode?: number; requestId?: string } };
    const meta = raw.$metadata ?? {};
    return { kind: 'success', status: meta.httpStatusCode ?? 200, requestId: meta.requestId, output: await plainOutput(raw) };
  } catch (err) {
    return fromError(err);
  }
}

function fromError(err: unknown): Sent {
  if (err instanceof AdminOpsError) {
    const body = err.body && typeof err.body === 'object' ? (err.body as Record<string, unknown>) : {};
    const { Code: _c, Message: _m, RequestId: _r, ...fields } = body;
    return { kind: 'error', status: err.status, code: err.code, message: typeof body.Message === 'string' ? body.Message : '', requestId: err.requestId, fields };
  }
  const e = err as { name?: string; message?: string; Code?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  if (e && typeof e === 'object' && e.$metadata?.httpStatusCode) {
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) if (!k.startsWith('$') && !['name', 'message', 'Code', 'Message', 'stack'].includes(k)) fields[k] = v;
    return {
      kind: 'error',
      status: e.$metadata.httpStatusCode,
      code: e.Code ?? e.name ?? 'Unknown',
      message: e.message && e.message !== 'UnknownError' ? e.message : '',
      requestId: e.$metadata.requestId,
      fields: JSON.parse(JSON.stringify(fields)) as Record<string, unknown>,
    };
  }
  return { kind: 'broken', message: errorMessage(err) };
}

/** The SDK names some errors generically ("Unknown", "UnknownError"): the wire's <Code> and <Message> win. */
function refineFromWire(sent: Extract<Sent, { kind: 'error' }>, body: string | undefined): void {
  if (!body) return;
  const xml = (tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1];
  const json = (key: string): string | undefined => new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(body)?.[1];
  const code = xml('Code') ?? json('Code');
  const message = xml('Message') ?? json('Message');
  if (code) sent.code = code;
  if (message !== undefined) sent.message = message;
}

/** Remember what later steps may refer to, and what teardown must remove. */
function remember(step: Step, input: Record<string, unknown>, output: unknown, ctx: ScenarioContext): void {
  ctx.secrets.collect(output);
  if (step.id) ctx.stepOutputs.set(step.id, output);
  const o = output as Record<string, Record<string, string> | undefined>;
  if (step.service === 'iam' && step.operation === 'CreateRole' && o.Role?.RoleName) {
    ctx.roles.set(o.Role.RoleName, { name: o.Role.RoleName, arn: o.Role.Arn ?? '', id: o.Role.RoleId });
  }
  if (step.service === 'iam' && step.operation === 'CreateUser' && o.User?.UserName) {
    ctx.iamUsers.set(o.User.UserName, { name: o.User.UserName, arn: o.User.Arn ?? '' });
  }
  if (step.service === 's3' && step.operation === 'CreateBucket' && typeof input.Bucket === 'string') ctx.createdBuckets.add(input.Bucket);
  const admin = output as { id?: unknown; name?: unknown; user_id?: unknown; tenant?: unknown };
  if (step.service === 'admin' && step.operation === 'CreateAccount' && typeof admin.id === 'string') ctx.createdAccounts.set(admin.id, String(admin.name ?? admin.id));
  if (step.service === 'admin' && step.operation === 'CreateUser' && typeof admin.user_id === 'string') {
    ctx.createdUsers.add(admin.tenant ? `${String(admin.tenant)}$${admin.user_id}` : admin.user_id);
  }
}

/** Inputs as a result shows them: bodies as short excerpts. */
function recordable(input: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = { ...input };
  const body = out.Body;
  if (typeof body === 'string' && body.length > 1024) out.Body = `${body.slice(0, 1024)}… (${body.length} characters)`;
  else if (body instanceof Uint8Array) out.Body = `<${body.length} bytes>`;
  return out;
}

async function explain(requestId: string, ctx: ScenarioContext): Promise<unknown> {
  try {
    const r = await ctx.admin.request('GET', '/_reference/decisions', { 'request-id': requestId });
    return ctx.names.logicalValue(ctx.secrets.value(r.output));
  } catch (err) {
    return { unavailable: errorMessage(err) };
  }
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message !== err.message ? `${err.message} (${cause.message})` : err.message || err.name;
  }
  return String(err);
}
