// The recording normaliser: numbered placeholders in order of first appearance, fixed placeholders for dates
// and request ids, run-unique names rewritten, and values too short to be identifiers left alone.
import t from 'tap';
import { Normaliser } from '../../harness/proxy/normalise.js';
import { redactAuthorization } from '../../harness/proxy/redact-recording.js';

t.test('generated values become numbered placeholders, stable per value', async (t) => {
  const n = new Normaliser();
  const text = [
    '<AccessKeyId>AKIAFIRSTFIRSTFIRST1</AccessKeyId>',
    '<Arn>arn:aws:iam::RGW12345678901234567:role/r</Arn><RoleId>AROAXXXXXXXXXXXX</RoleId>',
    '"access_key": "SECONDSECONDSECOND22"',
    'Credential=AKIAFIRSTFIRSTFIRST1/20240101/default/s3/aws4_request',
    'id 0c3e8d4a-1b2c-4d5e-8f90-123456789abc and RGW76543210987654321',
  ].join('\n');
  n.learn(text);
  t.equal(
    n.text(text),
    [
      '<AccessKeyId><access-key-1></AccessKeyId>',
      '<Arn>arn:aws:iam::<account-id-1>:role/r</Arn><RoleId><role-id-1></RoleId>',
      '"access_key": "<access-key-2>"',
      'Credential=<access-key-1>/<date>/default/s3/aws4_request',
      'id <uuid-1> and <account-id-2>',
    ].join('\n'),
  );
});

t.test('dates, request ids, hosts and run-unique names', async (t) => {
  const n = new Normaliser({ aliases: [['127.0.0.1:4567', '<proxy>']], rewrite: (s) => s.replaceAll('data-k3x9a2mf', 'data') });
  t.equal(n.text('2026-11-23T08:57:47.123Z Mon, 23 Nov 2026 08:57:47 GMT 20261123T085747Z "mtime": "2026-11-23 08:57:47.000000Z"'), '<date> <date> <date> "mtime": "<date>"');
  t.equal(n.text('<RequestId>tx00000b6052b08428691da-006b04000b-4285-default</RequestId><HostId>4285-default-default</HostId>'), '<RequestId><request-id></RequestId><HostId><request-id></HostId>');
  t.equal(n.text('http://127.0.0.1:4567/data-k3x9a2mf/key'), 'http://<proxy>/data/key');
  t.equal(n.header('x-amz-request-id', 'tx00000b6052b08428691da-006b04000b-4285-default'), '<request-id>');
  t.equal(n.header('x-amz-content-sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'), '<sha256>');
  t.equal(n.header('x-amz-content-sha256', 'UNSIGNED-PAYLOAD'), 'UNSIGNED-PAYLOAD');
});

t.test('short or literal values are not taken for identifiers', async (t) => {
  const n = new Normaliser();
  n.learn('<VersionId>null</VersionId> versionId=abc');
  t.equal(n.text('null abc'), 'null abc');
});

t.test('Authorization keeps its scope and signed headers, never a signature', async (t) => {
  t.equal(
    redactAuthorization('AWS4-HMAC-SHA256 Credential=AK/20240101/default/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd'),
    'AWS4-HMAC-SHA256 Credential=AK/20240101/default/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=[REDACTED]',
  );
  t.equal(redactAuthorization('AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg='), 'AWS [REDACTED]', 'SigV2 loses key and signature');
});
