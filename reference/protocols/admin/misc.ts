// The small Admin Ops resources, as RGW 20.2.4 answers them (probed, docs/rgw-behaviour/admin.md):
// - GET /admin/info (cap info=read): {"info":{"storage_backends":[{"name":"rados","cluster_id":<fsid>}]}},
//   the XML formatter naming both the root and the backend sections "dummy";
// - /admin/usage (cap usage): the usage log is off by default (rgw_enable_usage_log), so GET answers
//   {"entries":[],"summary":[]} and DELETE needs a uid or remove-all=true (else InvalidArgument);
// - GET /admin/metadata (cap metadata=read) lists the sections; GET /admin/metadata/<section> the keys of
//   one: a plain array, or with max-entries a page {"keys","truncated","count","marker"} whose marker is
//   base64. These two send Content-Type: application/json, unlike the other admin resources.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { T } from '../../identity/model.js';
import { list, section } from './format.js';
import type { AdminCall, AdminResult } from './operation.js';
import { pageOfUids, userMarker } from './users.js';

const GATEWAY_TABLE = 'gateway';

/** The cluster fsid: generated once per gateway state (it survives restarts with --data-dir). */
async function clusterId(c: AdminCall): Promise<string> {
  const known = c.store.get<string>(GATEWAY_TABLE, 'cluster-id');
  if (known) return known;
  const id = randomUUID();
  await c.store.commit([{ table: GATEWAY_TABLE, key: 'cluster-id', value: id }]);
  return id;
}

export async function getInfo(c: AdminCall): Promise<AdminResult> {
  const backend = section([['name', 'rados'], ['cluster_id', await clusterId(c)]]);
  return { name: 'dummy', value: section([['info', section([['storage_backends', list('dummy', [backend])]])]]) };
}

export async function getUsage(): Promise<AdminResult> {
  return { name: 'usage', value: section([['entries', list('entry', [])], ['summary', list('entry', [])]]) };
}

export async function trimUsage(c: AdminCall): Promise<AdminResult> {
  if (!c.args.str('uid') && !c.args.bool('remove-all', false).value) throw new GatewayError('InvalidArgument');
  return undefined;
}

const SECTIONS = ['account', 'bucket', 'bucket.instance', 'group', 'otp', 'roles', 'topic', 'user'];

/** The keys of a metadata section the reference keeps: users, buckets and accounts. */
function sectionKeys(c: AdminCall, name: string): string[] {
  if (name === 'user') return c.store.list(T.users).map(([k]) => k);
  if (name === 'account') return c.store.list(T.accounts).map(([k]) => k);
  if (name === 'bucket') return c.store.list<{ tenant: string; name: string }>(T.buckets).map(([, b]) => (b.tenant ? `${b.tenant}/${b.name}` : b.name));
  return [];
}

export async function getMetadata(c: AdminCall): Promise<AdminResult> {
  const rest = c.ctx.rawPath.replace(/^\/admin\/metadata\/?/, '').replace(/\/$/, '');
  if (rest === '') return { name: 'sections', value: list('section', SECTIONS), contentType: true };
  if (c.args.has('key')) throw new GatewayError('NotImplemented');
  if (!c.args.has('max-entries')) return { name: 'keys', value: list('key', sectionKeys(c, rest)), contentType: true };
  const max = Math.min(c.args.uint32('max-entries', 1000, 0).value, 1000);
  const marker = c.args.str('marker') ? Buffer.from(c.args.str('marker'), 'base64').toString('utf8') : '';
  const page = rest === 'user' ? pageOfUids(c, max, marker) : { keys: sectionKeys(c, rest).slice(0, max), next: undefined };
  if (!page) throw new GatewayError('InvalidArgument');
  const fields = [
    ['keys', list('key', page.keys)],
    ['truncated', page.next !== undefined],
    ['count', page.keys.length],
    ...(page.next !== undefined ? ([['marker', Buffer.from(userMarker(page.next)).toString('base64')]] as const) : []),
  ] as const;
  return { name: 'result', value: section([...fields]), contentType: true };
}
