// Bucket name rules as RGW enforces them with rgw_relaxed_s3_bucket_names = false (valid_s3_bucket_name in
// rgw_rest_s3.cc): 3..63 chars of lower-case letters, digits, '.', '-'; starts and ends with a letter or
// digit; no "..", ".-" or "-."; not an IPv4 address.
export function isValidBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (/\.\.|\.-|-\./.test(name)) return false;
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return false;
  return true;
}
