// DeleteObjects (POST /bucket?delete) as RGW 20.2.4 answers it (probed; docs/rgw-behaviour/s3.md):
// - Content-MD5 is neither required nor checked;
// - a body that is not a <Delete> document with 1..1000 <Object> entries, each with a non-empty <Key>, is
//   400 with an EMPTY body (RGW sends no error document here; logged as MalformedXML);
// - <Quiet>true</Quiet> (any case) leaves successes out; each key is authorized on its own, and a refused key is
//   an <Error> entry (Key, VersionId, Code, Message = the code), the request itself still 200;
// - a VersionId given for a key is echoed in its <Deleted> entry; deleting a missing key succeeds.
import { GatewayError } from '../../errors.js';
import { asArray, parseXml } from '../../http/xml.js';
import { deleteObject } from '../../bucket/writes.js';
import { authorizeOn, loadBucket, type S3Request } from './request.js';
import { sendEmpty, sendXml } from './respond.js';
import { readSmallBody, utf8 } from './body.js';

const MAX_KEYS = 1000;

interface Entry {
  key: string;
  versionId?: string;
}

function entries(text: string): Entry[] | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch {
    return undefined;
  }
  const del = doc.Delete;
  if (!del || typeof del !== 'object') return undefined;
  const objects = asArray((del as Record<string, unknown>).Object as Record<string, unknown> | Record<string, unknown>[] | undefined);
  if (!objects.length || objects.length > MAX_KEYS) return undefined;
  const out: Entry[] = [];
  for (const o of objects) {
    if (!o || typeof o !== 'object' || typeof o.Key !== 'string' || o.Key === '') return undefined;
    out.push({ key: o.Key, ...(typeof o.VersionId === 'string' ? { versionId: o.VersionId } : {}) });
  }
  return out;
}

export async function deleteObjects(r: S3Request): Promise<void> {
  const { ctx } = r;
  const b = loadBucket(r);
  // A body that is not UTF-8 is refused the same way (RGW's XML parser rejects it).
  const text = utf8(await readSmallBody(ctx));
  const list = text === undefined ? undefined : entries(text);
  if (!list) {
    ctx.errorCode = 'MalformedXML';
    return sendEmpty(ctx, 400);
  }
  const quiet = String((parseXml(text!).Delete as Record<string, unknown>).Quiet ?? '').toLowerCase() === 'true';
  const deleted: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const e of list) {
    try {
      authorizeOn(r, b, { key: e.key });
      await deleteObject(ctx.env, b, e.key);
      if (!quiet) deleted.push({ Key: e.key, ...(e.versionId !== undefined ? { VersionId: e.versionId } : {}) });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      errors.push({ Key: e.key, VersionId: e.versionId ?? '', Code: err.kind, Message: err.kind });
    }
  }
  sendXml(ctx, 'DeleteResult', { ...(deleted.length ? { Deleted: deleted } : {}), ...(errors.length ? { Error: errors } : {}) });
}
