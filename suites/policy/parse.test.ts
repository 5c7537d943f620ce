// Parse vectors: every document RGW 20.2.4 was given (as an IAM user policy and as a bucket policy) must be
// accepted or rejected exactly as RGW did, with RGW's message and byte offset.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { parsePolicy, PolicyParseError, type PolicyKind } from '../../reference/policy/index.js';

interface Expect {
  ok?: boolean;
  error?: string;
  abortsRgw?: boolean;
}
interface ParseVector {
  name: string;
  doc: string;
  source: string;
  kind?: PolicyKind;
  tenant?: string;
  rejectInvalidPrincipals?: boolean;
  identity?: Expect;
  resource?: Expect;
}

const { vectors } = JSON.parse(readFileSync(new URL('./vectors/parse.json', import.meta.url), 'utf8')) as {
  vectors: ParseVector[];
};

function outcome(v: ParseVector, kind: PolicyKind): Expect {
  const opts: { tenant?: string; rejectInvalidPrincipals?: boolean } = {};
  if (v.tenant !== undefined) opts.tenant = v.tenant;
  if (v.rejectInvalidPrincipals !== undefined) opts.rejectInvalidPrincipals = v.rejectInvalidPrincipals;
  try {
    parsePolicy(v.doc, kind, opts);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof PolicyParseError)) throw e;
    return e.abortsRgw ? { error: e.message, abortsRgw: true } : { error: e.message };
  }
}

t.ok(vectors.length >= 100, `${vectors.length} parse vectors`);
for (const v of vectors) {
  t.test(v.name, async (t) => {
    if (v.identity) t.same(outcome(v, v.kind ?? 'identity'), v.identity, `as ${v.kind ?? 'identity'} policy (${v.source})`);
    if (v.resource) t.same(outcome(v, 'resource'), v.resource, `as bucket policy (${v.source})`);
  });
}
