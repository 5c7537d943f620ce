// A target is what scenarios run against: an endpoint serving S3, IAM, STS and the Admin Ops API on one port
// (as RGW does), admin credentials with Admin Ops caps, and what it supports. Scenarios needing a capability
// the target lacks are skipped with the reason, never passed.
import { CAPABILITIES, type Capability } from '../scenario/schema.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Target {
  readonly name: string; // 'reference' | 'rgw'
  readonly endpoint: string; // http://host:port
  readonly region: string; // signing region the clients use
  readonly admin: Credentials; // a user with Admin Ops caps (users, buckets, accounts, ...)
  readonly capabilities: ReadonlySet<Capability>;
  readonly description: string;
  close(): Promise<void>;
  /**
   * A fresh target of the same kind for one scenario (the caller closes it), for scenarios that change
   * target-wide state: a moved clock would make every other scenario's requests RequestTimeTooSkewed.
   * Absent when the target cannot make one (a live RGW).
   */
  isolated?(): Promise<Target>;
}

/**
 * Apply a capability list such as "+webidentity,-quota" (add/remove) or "accounts,sts" (replace) to a default
 * set. Unknown names are refused so a typo cannot silently skip scenarios.
 */
export function applyCapabilities(defaults: Iterable<Capability>, spec: string | undefined): Set<Capability> {
  const set = new Set(defaults);
  if (!spec) return set;
  const items = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const relative = items.every((i) => i.startsWith('+') || i.startsWith('-'));
  if (!relative) set.clear();
  for (const item of items) {
    const name = item.replace(/^[+-]/, '');
    if (!(CAPABILITIES as readonly string[]).includes(name)) {
      throw new Error(`unknown capability "${name}" (known: ${CAPABILITIES.join(', ')})`);
    }
    if (item.startsWith('-')) set.delete(name as Capability);
    else set.add(name as Capability);
  }
  return set;
}
