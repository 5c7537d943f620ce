// PolicyParseError's shape and a few messages spelled out (the vectors hold the rest).
import t from 'tap';
import { parsePolicy, PolicyParseError } from '../../reference/policy/index.js';

function error(text: string, kind: 'identity' | 'resource' = 'identity'): PolicyParseError {
  try {
    parsePolicy(text, kind);
  } catch (e) {
    if (e instanceof PolicyParseError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

t.test('message format: "At character offset N, <detail>"', async (t) => {
  const e = error('{"Version":"2012-10-18"}');
  t.equal(e.name, 'PolicyParseError');
  t.equal(e.offset, 23);
  t.equal(e.detail, '`2012-10-18` is not a valid version. Valid versions are `2008-10-17` and `2012-10-17`.');
  t.equal(e.message, `At character offset 23, ${e.detail}`);
  t.equal(e.abortsRgw, false);
  t.ok(e instanceof Error);
});

t.test('offsets count UTF-8 bytes, not characters', async (t) => {
  t.equal(error('{"Id":"ééé","Foo":1}').offset, 20);
  t.equal(error('{"Id":"€","Foo":1}').offset, 17);
});

t.test('handler errors point after the token, syntax errors at the offending byte', async (t) => {
  t.equal(error('{"Statement":[{"Effect":"Allow","Action":"s3:Nope"}]}').message, 'At character offset 50, `s3:Nope` is not a valid action.');
  t.equal(error('{"Statement":[{"Action":5}]}').message, 'At character offset 24, Numbers are not allowed outside condition arguments.');
  t.equal(error('{"Version":"2012-10-17" "Id":"x"}').message, "At character offset 24, Missing a comma or '}' after an object member.");
});

t.test('the statement-string document that aborts radosgw is flagged', async (t) => {
  const e = error('{"Statement":"foo"}');
  t.equal(e.abortsRgw, true);
  t.equal(e.message, 'At character offset 18, `foo` is not valid in the context of `Statement`.');
});

t.test('tenant restriction only where RGW applies one', async (t) => {
  const doc = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3::acct:b/*"}]}';
  t.match(error(doc, 'resource').detail, /^Policy owned by tenant `` cannot grant access to resource owned by tenant `acct`\.$/);
  t.doesNotThrow(() => parsePolicy(doc, 'identity'));
  t.doesNotThrow(() => parsePolicy(doc, 'resource', { tenant: 'acct' }));
  t.doesNotThrow(() => parsePolicy(doc, 'resource', { tenant: null }));
});

t.test('parsed shape', async (t) => {
  const p = parsePolicy(
    '{"Id":"x","Statement":{"Sid":"s1","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::A:user/u","*"]},' +
      '"Action":"s3:Get*","Resource":"arn:aws:s3:::b/*","Condition":{"StringLikeIfExists":{"s3:prefix":["a","${aws:username}"]}}}}',
    'resource',
  );
  t.equal(p.version, '2008-10-17', 'RGW defaults the version');
  t.equal(p.id, 'x');
  const st = p.statements[0]!;
  t.equal(st.sid, 's1');
  t.same(st.principals, [{ type: 'user', account: 'A', id: 'u' }, { type: 'wildcard' }], 'principals in RGW flat_set order');
  t.ok(st.actions.has('s3:GetObject') && st.actions.has('s3:GetBucketPolicy') && !st.actions.has('s3:PutObject'));
  t.same(st.resources, [{ partition: 'aws', service: 's3', region: '', account: '', resource: 'b/*' }]);
  t.same(st.conditions, [{ operator: 'StringLike', key: 's3:prefix', ifExists: true, values: ['a', '${aws:username}'], runtime: true }]);
});
