// How each write changes a bucket's stats, the way RGW's bucket index accounts it (probed on RGW 20.2.4):
//   PutObject / CopyObject / CompleteMultipartUpload   rgw.main: +1 object unless it replaces one; size and
//                                                       4 KiB-rounded size of the new object replace the old's
//   DeleteObject                                        rgw.main: -1 object, -its size
//   CreateMultipartUpload                               rgw.multimeta: +1 (size 0)
//   UploadPart                                          rgw.main: +1 entry, +part size, every upload of a part
//                                                       (a re-uploaded part number keeps its old entry too)
//   Complete / AbortMultipartUpload                     the upload's part entries and its multimeta entry go
// A completed object counts its whole size rounded once, not each part rounded. Pure functions: callers
// apply the result in the same store commit as the write (writes.ts, multipart.ts).
import { roundedSize, type BucketRecord } from '../bucket/model.js';
import type { Usage, UsageCategory } from './usage.js';

export const usageOfObject = (bytes: number): Usage => ({ objects: 1, size: bytes, sizeRounded: roundedSize(bytes) });

export const addUsage = (a: Usage, b: Usage): Usage => ({ objects: a.objects + b.objects, size: a.size + b.size, sizeRounded: a.sizeRounded + b.sizeRounded });

function withCategory(b: BucketRecord, c: UsageCategory): UsageCategory[] {
  const seen = b.usageCategories ?? [...(b.numObjects > 0 || b.size > 0 ? ['rgw.main' as const] : []), ...((b.multipartUploads ?? 0) > 0 ? ['rgw.multimeta' as const] : [])];
  return seen.includes(c) ? seen : [...seen, c].sort();
}

/** rgw.main += add - remove (never below zero, as RGW clamps). */
function main(b: BucketRecord, add: Usage, remove: Usage): BucketRecord {
  return {
    ...b,
    numObjects: Math.max(0, b.numObjects + add.objects - remove.objects),
    size: Math.max(0, b.size + add.size - remove.size),
    sizeRounded: Math.max(0, b.sizeRounded + add.sizeRounded - remove.sizeRounded),
    // A category appears once an entry of it is added (removing never happens without adding first).
    usageCategories: add.objects > 0 ? withCategory(b, 'rgw.main') : b.usageCategories,
  };
}

const NONE: Usage = { objects: 0, size: 0, sizeRounded: 0 };

/** An object of `bytes` written, replacing one of `replacedBytes` when the key existed. */
export function objectWritten(b: BucketRecord, bytes: number, replacedBytes?: number): BucketRecord {
  return main(b, usageOfObject(bytes), replacedBytes === undefined ? NONE : usageOfObject(replacedBytes));
}

export function objectRemoved(b: BucketRecord, bytes: number): BucketRecord {
  return main(b, NONE, usageOfObject(bytes));
}

export function uploadStarted(b: BucketRecord): BucketRecord {
  return { ...b, multipartUploads: (b.multipartUploads ?? 0) + 1, usageCategories: withCategory(b, 'rgw.multimeta') };
}

export function partUploaded(b: BucketRecord, bytes: number): BucketRecord {
  return main(b, usageOfObject(bytes), NONE);
}

/** An upload completed or aborted: its part entries (`accounted`) and its multimeta entry leave the index. */
export function uploadEnded(b: BucketRecord, accounted: Usage | undefined): BucketRecord {
  const after = main(b, NONE, accounted ?? NONE);
  return { ...after, multipartUploads: Math.max(0, (b.multipartUploads ?? 0) - 1), usageCategories: withCategory(after, 'rgw.multimeta') };
}
