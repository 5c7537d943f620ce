// Wildcards and ARNs as RGW matches them (glibc fnmatch, match_policy, ARN::match).
import t from 'tap';
import { arnMatches, fnmatch, matchPolicy, parseArn } from '../../reference/policy/index.js';
import { splitRequestArn } from '../../reference/policy/evaluate.js';

t.test('fnmatch', async (t) => {
  t.ok(fnmatch('b/*', 'b/x/y'), '* crosses /');
  t.ok(fnmatch('b/?', 'b/x'));
  t.notOk(fnmatch('b/?', 'b/xy'));
  t.ok(fnmatch('[ab]c', 'bc'));
  t.notOk(fnmatch('[!ab]c', 'bc'));
  t.ok(fnmatch('[a-c]x', 'bx'));
  t.ok(fnmatch('[[:digit:]]', '7'));
  t.ok(fnmatch('[]]', ']'), '] first in a bracket is literal');
  t.ok(fnmatch('a[b', 'a[b'), 'an unterminated bracket is literal');
  t.ok(fnmatch('\\*', '*'));
  t.notOk(fnmatch('\\*', 'x'));
  t.notOk(fnmatch('ABC', 'abc'));
  t.ok(fnmatch('ABC', 'abc', true));
  t.ok(fnmatch('', ''));
  t.notOk(fnmatch('', 'x'));
  t.ok(fnmatch('*', ''));
});

t.test('match_policy: case-insensitive for actions, per ":" segment', async (t) => {
  t.ok(matchPolicy('s3:get*', 's3:GetObject', true));
  t.notOk(matchPolicy('s3*', 's3:GetObject', true), 'a wildcard does not cross ":"');
  t.notOk(matchPolicy('s3:Get:*', 's3:GetObject', true));
  t.notOk(matchPolicy('s3:get*', 's3:GetObject', false));
  // RGW's substr(pos, count) quirk: later segments run on past the next ':'
  t.ok(matchPolicy('arn:aws:s3:::b/*', 'arn:aws:s3:::b/k', false));
  t.ok(matchPolicy('a:*:c', 'a:b:c', false), 'three segments');
  t.notOk(matchPolicy('a:*', 'a:b:c', false), 'segment counts must agree');
});

t.test('ARN parsing', async (t) => {
  t.same(parseArn('*', true), { partition: '*', service: '*', region: '*', account: '*', resource: '*' });
  t.same(parseArn('arn:aws:s3:::b/k', true), { partition: 'aws', service: 's3', region: '', account: '', resource: 'b/k' });
  t.equal(parseArn('arn:aws:s3:::b/a:b', true), undefined, 'no ":" in a policy Resource');
  t.ok(parseArn('arn:aws:s3:::b/a:b', false), 'without wildcards the resource may hold ":"');
  t.equal(parseArn('arn:aws:s3:::b*', false)?.resource, 'b*', 'the resource part may hold "*"');
  t.equal(parseArn('arn:aws:nope:::x', true), undefined);
  t.equal(parseArn('arn:aws-cn:s3:::x', true)?.partition, 'aws-cn');
  t.equal(parseArn('arn:*:s3:::x', false), undefined, 'no wildcards in principals');
});

t.test('ARN::match', async (t) => {
  const req = splitRequestArn('arn:aws:s3::Tenant:bkt/a:b')!;
  t.equal(req.resource, 'bkt/a:b');
  t.ok(arnMatches(parseArn('arn:aws:s3::tenant:bkt/*', true)!, req), 'account is case-insensitive');
  t.notOk(arnMatches(parseArn('arn:aws:s3::Tenant:BKT/*', true)!, req), 'resource is case-sensitive');
  t.ok(arnMatches(parseArn('*', true)!, req));
  t.notOk(arnMatches(parseArn('arn:aws:iam::*:*', true)!, req), 'service must match');
  t.ok(arnMatches(parseArn('arn:aws:s3:*:*:*', true)!, req));
});
