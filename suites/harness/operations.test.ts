// SDK operations by name from the client modules' own command classes, and their input shapes.
import t from 'tap';
import { closest, findCommand, inputShape, operationNames } from '../../harness/operations.js';

t.test('commands come from the client modules', async (t) => {
  t.equal(findCommand('s3', 'ListBuckets')?.name, 'ListBucketsCommand');
  t.equal(findCommand('iam', 'CreateRole')?.name, 'CreateRoleCommand');
  t.equal(findCommand('sts', 'AssumeRoleWithWebIdentity')?.name, 'AssumeRoleWithWebIdentityCommand');
  t.equal(findCommand('s3', 'PutObjekt'), undefined);
  t.equal(findCommand('s3', 'listBuckets'), undefined, 'operation names are PascalCase');
  const s3 = operationNames('s3');
  t.ok(s3.length > 90, `every S3 operation the SDK knows (${s3.length})`);
  t.ok(s3.includes('PutBucketPolicy') && s3.includes('CompleteMultipartUpload'));
  t.equal(closest('PutObjekt', s3), 'PutObject');
  t.equal(closest('Zzzzzzzz', s3), undefined);
});

t.test('input shapes are read from the schema each command carries', async (t) => {
  const put = inputShape('s3', 'PutObject');
  if (put.kind !== 'struct') return t.fail('PutObject input is a structure');
  t.ok(put.memberNames().includes('Bucket'));
  t.equal(put.member('Body')?.kind, 'blob');
  t.equal(put.member('Metadata')?.kind, 'map');
  t.equal(put.member('Nope'), undefined);
  const del = inputShape('s3', 'DeleteObjects');
  const objects = del.kind === 'struct' ? del.member('Delete') : undefined;
  t.equal(objects?.kind === 'struct' && objects.member('Objects')?.kind, 'list', 'nested members');
  const role = inputShape('iam', 'CreateRole');
  t.equal(role.kind === 'struct' && role.member('AssumeRolePolicyDocument')?.kind, 'string');
  t.equal(role.kind === 'struct' && role.member('MaxSessionDuration')?.kind, 'number');
});

t.test('without a schema library the input is simply not checked', async (t) => {
  t.same(inputShape('s3', 'PutObject', () => undefined), { kind: 'unknown' });
  t.same(inputShape('s3', 'NoSuchThing'), { kind: 'unknown' });
});
