// Bucket operations through the real SDK, with the statuses, codes and messages RGW 20.2.4 answers.
import t from 'tap';
import {
  CreateBucketCommand, DeleteBucketCommand, GetBucketLocationCommand, GetBucketVersioningCommand, HeadBucketCommand,
  ListBucketsCommand, PutBucketVersioningCommand, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { captureHeaders, raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const alice = await createTestUser(f.gw, { uid: 'alice', displayName: 'Alice A' });
const bob = await createTestUser(f.gw, { uid: 'bob' });
const s3 = f.s3(alice);

t.test('CreateBucket, ListBuckets (Owner is the caller), HeadBucket, DeleteBucket', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'alpha' }));
  const list = await s3.send(new ListBucketsCommand({}));
  t.same(list.Buckets?.map((b) => b.Name), ['alpha']);
  t.same(list.Owner, { ID: 'alice', DisplayName: 'Alice A' });
  t.equal((await s3.send(new HeadBucketCommand({ Bucket: 'alpha' }))).$metadata.httpStatusCode, 200);
  await s3.send(new DeleteBucketCommand({ Bucket: 'alpha' }));
  await rejects(t, s3.send(new HeadBucketCommand({ Bucket: 'alpha' })), 404, 'NotFound');
  t.same((await s3.send(new ListBucketsCommand({}))).Buckets ?? [], []);
});

t.test('re-creating your own bucket is 200; another owner gets 409 BucketAlreadyExists', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'mine' }));
  t.equal((await s3.send(new CreateBucketCommand({ Bucket: 'mine' }))).$metadata.httpStatusCode, 200);
  await rejects(t, f.s3(bob).send(new CreateBucketCommand({ Bucket: 'mine' })), 409, 'BucketAlreadyExists', 'Cannot modify existing access control policy');
});

t.test('bucket names as RGW checks them without rgw_relaxed_s3_bucket_names', async (t) => {
  for (const name of ['ab', 'Upper', 'under_score', 'a..b', 'a.-b', '-dash', 'dash-', '192.168.1.1', 'x'.repeat(64)]) {
    await rejects(t, s3.send(new CreateBucketCommand({ Bucket: name })), 400, 'InvalidBucketName');
  }
  for (const name of ['abc', 'a.b-c', 'x'.repeat(63), 'xn--accepted', 'bucket-s3alias']) {
    t.equal((await s3.send(new CreateBucketCommand({ Bucket: name }))).$metadata.httpStatusCode, 200, name);
  }
});

t.test('LocationConstraint: the zonegroup (default) is accepted, others are not', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'loc-default', CreateBucketConfiguration: { LocationConstraint: 'default' as never } }));
  await s3.send(new CreateBucketCommand({ Bucket: 'loc-placement', CreateBucketConfiguration: { LocationConstraint: 'default:default-placement' as never } }));
  await rejects(t, s3.send(new CreateBucketCommand({ Bucket: 'loc-mars', CreateBucketConfiguration: { LocationConstraint: 'mars' as never } })), 400, 'IllegalLocationConstraintException', 'The mars location constraint is incompatible for the region specific endpoint this request was sent to.');
  await rejects(t, s3.send(new CreateBucketCommand({ Bucket: 'loc-badplace', CreateBucketConfiguration: { LocationConstraint: 'default:nope' as never } })), 400, 'InvalidLocationConstraint');
  const r = await raw(f.gw, alice, { method: 'PUT', path: '/loc-junk', body: '<CreateBucketConfiguration><Loc' });
  t.equal(r.status, 400);
  t.match(r.body, /<Code>InvalidArgument<\/Code>/);
});

t.test('missing bucket 404 NoSuchBucket; non-empty bucket 409 BucketNotEmpty; other user 403', async (t) => {
  await rejects(t, s3.send(new DeleteBucketCommand({ Bucket: 'nope-nope' })), 404, 'NoSuchBucket');
  await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
  await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'x' }));
  await rejects(t, s3.send(new DeleteBucketCommand({ Bucket: 'full' })), 409, 'BucketNotEmpty');
  // HEAD errors have no body: the SDK knows 404 as NotFound and calls a 403 Unknown (against RGW too).
  await rejects(t, f.s3(bob).send(new HeadBucketCommand({ Bucket: 'full' })), 403, 'Unknown');
  await rejects(t, f.s3(bob).send(new DeleteBucketCommand({ Bucket: 'full' })), 403, 'AccessDenied');
});

t.test('GetBucketLocation names the zonegroup and the placement; GetBucketVersioning of an unversioned bucket is empty', async (t) => {
  const c = f.s3(alice);
  const headers = captureHeaders(c);
  t.equal((await c.send(new GetBucketLocationCommand({ Bucket: 'mine' }))).LocationConstraint, 'default');
  t.equal(headers()['x-rgw-bucket-placement-target'], 'default-placement');
  const v = await s3.send(new GetBucketVersioningCommand({ Bucket: 'mine' }));
  t.equal(v.Status, undefined);
  const r = await raw(f.gw, alice, { path: '/mine', query: { versioning: '' } });
  t.match(r.body, /<VersioningConfiguration xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><\/VersioningConfiguration>$/);
});

t.test('PutBucketVersioning: Suspended is kept (with MfaDelete Disabled), Enabled a gap, bad documents 400', async (t) => {
  await s3.send(new CreateBucketCommand({ Bucket: 'versioned' }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Suspended' } }));
  const v = await s3.send(new GetBucketVersioningCommand({ Bucket: 'versioned' }));
  t.equal(v.Status, 'Suspended');
  t.equal(v.MFADelete, 'Disabled');
  await rejects(t, s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } })), 501, 'NotImplemented');
  for (const body of ['not xml', '<VersioningConfiguration><Status>Bogus</Status></VersioningConfiguration>', '<VersioningConfiguration></VersioningConfiguration>', '<Foo><Status>Suspended</Status></Foo>']) {
    const r = await raw(f.gw, alice, { method: 'PUT', path: '/versioned', query: { versioning: '' }, body });
    t.equal(r.status, 400, body);
    t.match(r.body, /<Code>InvalidArgument<\/Code>/);
  }
});

t.test('max-buckets: at the limit TooManyBuckets (even re-creating your own), 0 unlimited, -1 AccessDenied', async (t) => {
  const carol = await createTestUser(f.gw, { uid: 'carol', maxBuckets: 1 });
  const c = f.s3(carol);
  await c.send(new CreateBucketCommand({ Bucket: 'carol-1' }));
  await rejects(t, c.send(new CreateBucketCommand({ Bucket: 'carol-2' })), 400, 'TooManyBuckets');
  await rejects(t, c.send(new CreateBucketCommand({ Bucket: 'carol-1' })), 400, 'TooManyBuckets');
  const dave = f.s3(await createTestUser(f.gw, { uid: 'dave', maxBuckets: -1 }));
  await rejects(t, dave.send(new CreateBucketCommand({ Bucket: 'dave-1' })), 403, 'AccessDenied');
  const erin = f.s3(await createTestUser(f.gw, { uid: 'erin', maxBuckets: 0 }));
  for (const n of [1, 2, 3]) await erin.send(new CreateBucketCommand({ Bucket: `erin-${n}` }));
  t.equal((await erin.send(new ListBucketsCommand({}))).Buckets?.length, 3);
});

t.test('HEAD on the service is 200 with no body; anonymous ListBuckets lists nothing', async (t) => {
  const head = await raw(f.gw, alice, { method: 'HEAD', path: '/' });
  t.equal(head.status, 200);
  const anon = await raw(f.gw, undefined, { path: '/' });
  t.equal(anon.status, 200);
  t.match(anon.body, /<Owner><ID>anonymous<\/ID><\/Owner><Buckets><\/Buckets>/);
});
