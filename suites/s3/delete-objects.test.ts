// DeleteObjects as RGW 20.2.4 answers it: no Content-MD5 requirement, Quiet, per-key errors, VersionId echo,
// and a 400 with an empty body for documents it refuses.
import t from 'tap';
import { CreateBucketCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestUser } from '../fixtures/users.js';
import { raw, rejects, s3Fixture } from './helpers.js';

const f = await s3Fixture(t);
const owner = await createTestUser(f.gw, { uid: 'deleter' });
const s3 = f.s3(owner);
await s3.send(new CreateBucketCommand({ Bucket: 'deletes' }));
const put = (Key: string) => s3.send(new PutObjectCommand({ Bucket: 'deletes', Key, Body: Key }));

t.test('deletes every key, missing ones included, and reports each', async (t) => {
  await put('d1');
  await put('d2');
  const r = await s3.send(new DeleteObjectsCommand({ Bucket: 'deletes', Delete: { Objects: [{ Key: 'd1' }, { Key: 'd2' }, { Key: 'never' }] } }));
  t.same(r.Deleted?.map((d) => d.Key).sort(), ['d1', 'd2', 'never']);
  t.equal(r.Errors, undefined);
  await rejects(t, s3.send(new GetObjectCommand({ Bucket: 'deletes', Key: 'd1' })), 404, 'NoSuchKey');
});

t.test('Quiet leaves successes out; a VersionId is echoed', async (t) => {
  await put('q1');
  const quiet = await s3.send(new DeleteObjectsCommand({ Bucket: 'deletes', Delete: { Quiet: true, Objects: [{ Key: 'q1' }] } }));
  t.equal(quiet.Deleted, undefined);
  await put('v1');
  const v = await s3.send(new DeleteObjectsCommand({ Bucket: 'deletes', Delete: { Objects: [{ Key: 'v1', VersionId: 'null' }] } }));
  t.same(v.Deleted, [{ Key: 'v1', VersionId: 'null' }]);
});

t.test('no Content-MD5 needed, a wrong one not checked', async (t) => {
  await put('m1');
  const xml = '<Delete><Object><Key>m1</Key></Object></Delete>';
  const r = await raw(f.gw, owner, { method: 'POST', path: '/deletes', query: { delete: '' }, body: xml, headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' } });
  t.equal(r.status, 200);
  t.match(r.body, /<Deleted><Key>m1<\/Key><\/Deleted>/);
});

t.test('refused documents: 400 with an empty body', async (t) => {
  const many = '<Delete>' + Array.from({ length: 1001 }, (_, i) => `<Object><Key>k${i}</Key></Object>`).join('') + '</Delete>';
  for (const body of ['<Delete><Object>', '', '<Delete></Delete>', '<Foo><Object><Key>a</Key></Object></Foo>', '<Delete><Object><Key></Key></Object></Delete>', '<Delete><Object><Foo>x</Foo></Object></Delete>', many]) {
    const r = await raw(f.gw, owner, { method: 'POST', path: '/deletes', query: { delete: '' }, body });
    t.equal(r.status, 400, body.slice(0, 40));
    t.equal(r.body, '', 'empty body');
  }
});

t.test("another user's keys: 200 with one Error per key (Message is the code)", async (t) => {
  await put('theirs');
  const mallory = await createTestUser(f.gw, { uid: 'mallory' });
  const r = await f.s3(mallory).send(new DeleteObjectsCommand({ Bucket: 'deletes', Delete: { Objects: [{ Key: 'theirs' }] } }));
  t.same(r.Errors, [{ Key: 'theirs', VersionId: '', Code: 'AccessDenied', Message: 'AccessDenied' }]);
  t.equal((await s3.send(new GetObjectCommand({ Bucket: 'deletes', Key: 'theirs' }))).$metadata.httpStatusCode, 200);
});

t.test('missing bucket: 404 NoSuchBucket', async (t) => {
  await rejects(t, s3.send(new DeleteObjectsCommand({ Bucket: 'nope-d', Delete: { Objects: [{ Key: 'a' }] } })), 404, 'NoSuchBucket');
});
