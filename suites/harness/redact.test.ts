// Secrets are redacted by name (fields, headers, parameters, XML/JSON/form text) and by value.
import t from 'tap';
import { REDACTED, Secrets } from '../../harness/redact.js';

t.test('by name, in text bodies', async (t) => {
  const s = new Secrets();
  t.equal(s.text('<Credentials><AccessKeyId>AK</AccessKeyId><SecretAccessKey>abc/def+g</SecretAccessKey><SessionToken>tok</SessionToken></Credentials>'),
    `<Credentials><AccessKeyId>AK</AccessKeyId><SecretAccessKey>${REDACTED}</SecretAccessKey><SessionToken>${REDACTED}</SessionToken></Credentials>`);
  t.equal(s.text('[{"user":"u","access_key":"AK","secret_key":"s3cr3t"}]'), `[{"user":"u","access_key":"AK","secret_key":"${REDACTED}"}]`);
  t.equal(s.text('/admin/user?key&uid=u&secret-key=s3cr3t&x=1'), `/admin/user?key&uid=u&secret-key=${REDACTED}&x=1`);
  t.equal(s.text('https://h/b/k?X-Amz-Credential=AK%2F1&X-Amz-Signature=0123456789abcdef0123'), `https://h/b/k?X-Amz-Credential=AK%2F1&X-Amz-Signature=${REDACTED}`);
});

t.test('by value, wherever a known secret appears', async (t) => {
  const s = new Secrets();
  s.add('wJalrXUtnFEMI/K7MDENG');
  s.add('short'); // too short to redact safely: ignored
  t.equal(s.text('cannot use wJalrXUtnFEMI/K7MDENG here'), `cannot use ${REDACTED} here`);
  t.equal(s.text('short stays'), 'short stays');
  s.collect({ Credentials: { AccessKeyId: 'TEMPAK', SecretAccessKey: 'temp-secret-value', SessionToken: 'session-token-value' } });
  t.equal(s.text('echo temp-secret-value session-token-value TEMPAK'), `echo ${REDACTED} ${REDACTED} TEMPAK`);
});

t.test('values, headers and query parameters', async (t) => {
  const s = new Secrets();
  t.same(s.value({ AccessKey: { AccessKeyId: 'AK', SecretAccessKey: 'x', Status: 'Active' }, keys: [{ secret_key: 'y' }] }), {
    AccessKey: { AccessKeyId: 'AK', SecretAccessKey: REDACTED, Status: 'Active' },
    keys: [{ secret_key: REDACTED }],
  });
  t.same(s.headers({ authorization: 'AWS4-HMAC-SHA256 Credential=AK/20260101/default/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abcdef0123456789', 'x-amz-security-token': 'tok', host: 'h' }), {
    authorization: `AWS4-HMAC-SHA256 Credential=AK/20260101/default/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${REDACTED}`,
    'x-amz-security-token': REDACTED,
    host: 'h',
  });
  t.same(s.query({ uid: 'u', 'secret-key': 'sk', key: null }), { uid: 'u', 'secret-key': REDACTED, key: '' });
});
