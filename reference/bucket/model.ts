// Bucket, object and multipart records as the store keeps them.
import type { Owner, Quota } from '../identity/model.js';

export interface BucketRecord {
  tenant: string;
  name: string;
  /** Instance id (RGW's bucket marker); object rows are keyed under it. */
  marker: string;
  owner: Owner;
  creationDate: string;
  /** Canned ACL the bucket was created with. */
  acl: string;
  policy?: string;
  quota: Quota;
  /** Exact, immediate stats (RGW's lag behind; the reference does not). */
  numObjects: number;
  size: number;
  /** Sum of sizes rounded up to 4 KiB, as RGW's size_rounded / size_kb_actual. */
  sizeRounded: number;
  /** numObjects/size/sizeRounded are RGW's `rgw.main` category (objects and uploaded parts); this is
   *  `rgw.multimeta`: uploads in progress. Changed only through quota/accounting.ts. */
  multipartUploads?: number;
  /** Categories the bucket's index has used (RGW keeps listing them, zeroed). */
  usageCategories?: Array<'rgw.main' | 'rgw.multimeta'>;
  versioning?: 'Enabled' | 'Suspended';
}

export interface ObjectRecord {
  key: string;
  size: number;
  etag: string; // without quotes
  lastModified: string;
  blob: string;
  owner: Owner;
  contentType: string;
  /** x-amz-meta-* (names lower-cased, without the prefix) */
  metadata: Record<string, string>;
  /** Content-Encoding, Content-Disposition, Cache-Control, Content-Language, Expires */
  headers: Record<string, string>;
  checksum?: { algorithm: string; value: string };
  acl: string;
  /** x-amz-storage-class as given on PutObject (RGW stores and echoes it only when sent). */
  storageClass?: string;
  /** Parts of a completed multipart upload, in order (GET ?partNumber=N, x-amz-mp-parts-count). */
  parts?: ObjectPart[];
}

export interface ObjectPart {
  partNumber: number;
  size: number;
  etag: string;
}

export interface UploadRecord {
  uploadId: string;
  key: string;
  initiated: string;
  owner: Owner;
  initiator: string;
  contentType: string;
  metadata: Record<string, string>;
  headers: Record<string, string>;
  acl: string;
  /** The part entries this upload added to the bucket's stats (every UploadPart, re-uploads included). */
  accounted?: { objects: number; size: number; sizeRounded: number };
}

export interface PartRecord {
  partNumber: number;
  etag: string;
  size: number;
  blob: string;
  lastModified: string;
}

export const bucketKey = (tenant: string, name: string): string => `${tenant}/${name}`;
export const objectKey = (marker: string, key: string): string => `${marker}/${key}`;
export const uploadKey = (marker: string, uploadId: string): string => `${marker}/${uploadId}`;
/** Part rows sort by number: 10 digits for 0 and up; negative numbers (stored, never listed) sort first. */
export const partKey = (uploadId: string, part: number): string => `${uploadId}/${part < 0 ? '-' + String(-part).padStart(10, '0') : String(part).padStart(10, '0')}`;

/** RGW's rgw_rounded_objsize: sizes count in whole 4 KiB blocks for quota purposes. */
export const roundedSize = (bytes: number): number => Math.ceil(bytes / 4096) * 4096;
