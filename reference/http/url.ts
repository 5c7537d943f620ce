// Percent-decoding as RGW does it (url_decode in rgw_common.cc), which is not decodeURIComponent: it works on
// bytes, turns '+' into a space only in a query, stops at a '%' with fewer than two characters after it, and
// answers an EMPTY result for the whole input as soon as one escape is not hex ("a%zzb" → ""). And the AWS URI
// encoding SigV4 canonical requests use: unreserved characters as they are, everything else %XX uppercase.
const HEX = /^[0-9A-Fa-f]{2}$/;

export function rgwUrlDecode(input: string, inQuery = false): Buffer {
  // Request targets arrive as latin1 (one char per byte); anything wider came from a decoded UTF-8 body.
  const src = /[^\u0000-\u00ff]/.test(input) ? Buffer.from(input, 'utf8') : Buffer.from(input, 'latin1');
  const out: number[] = [];
  let query = inQuery;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== 0x25) {
      if (query && c === 0x2b) out.push(0x20);
      else {
        if (c === 0x3f) query = true;
        out.push(c);
      }
      continue;
    }
    if (src.length - i < 3) break;
    const hex = src.subarray(i + 1, i + 3).toString('latin1');
    if (!HEX.test(hex)) return Buffer.alloc(0);
    out.push(parseInt(hex, 16));
    i += 2;
  }
  return Buffer.from(out);
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** AWS SigV4 URI encoding of raw bytes; '/' stays as it is unless `encodeSlash`. */
export function awsUriEncode(bytes: Buffer, encodeSlash: boolean): string {
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b < 0x80 && (UNRESERVED.test(ch) || (ch === '/' && !encodeSlash))) out += ch;
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
