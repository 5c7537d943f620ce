// The CRCs S3's flexible checksums use, table-driven and streaming: CRC-32 (zlib), CRC-32C (Castagnoli) and
// CRC-64/NVME. Each digest is the big-endian CRC, as the x-amz-checksum-* headers carry it (base64).
import * as zlib from 'node:zlib';

export interface Digest {
  update(data: Buffer): void;
  digest(): Buffer;
}

function table32(poly: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}

const CRC32_TABLE = table32(0xedb88320);
const CRC32C_TABLE = table32(0x82f63b78);

class Crc32Family implements Digest {
  private crc = 0xffffffff;
  constructor(private readonly table: Uint32Array) {}
  update(data: Buffer): void {
    let c = this.crc;
    const t = this.table;
    for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    this.crc = c;
  }
  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE((this.crc ^ 0xffffffff) >>> 0);
    return out;
  }
}

/** zlib's native crc32 when this Node has it (20.15+), else the table. */
type NativeCrc32 = (data: Buffer, value?: number) => number;
const nativeCrc32 = (zlib as unknown as { crc32?: NativeCrc32 }).crc32;

class NativeCrc32Digest implements Digest {
  private crc = 0;
  constructor(private readonly fn: NativeCrc32) {}
  update(data: Buffer): void {
    this.crc = this.fn(data, this.crc);
  }
  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.crc >>> 0);
    return out;
  }
}

// CRC-64/NVME (reflected, poly 0x9a6c9329ac4bc9b5), kept as two 32-bit halves so no BigInt runs per byte.
const CRC64_HI = new Uint32Array(256);
const CRC64_LO = new Uint32Array(256);
{
  const POLY_HI = 0x9a6c9329;
  const POLY_LO = 0xac4bc9b5;
  for (let i = 0; i < 256; i++) {
    let hi = 0;
    let lo = i;
    for (let k = 0; k < 8; k++) {
      const lsb = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (lsb) {
        hi = (hi ^ POLY_HI) >>> 0;
        lo = (lo ^ POLY_LO) >>> 0;
      }
    }
    CRC64_HI[i] = hi;
    CRC64_LO[i] = lo;
  }
}

class Crc64Nvme implements Digest {
  private hi = 0xffffffff;
  private lo = 0xffffffff;
  update(data: Buffer): void {
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < data.length; i++) {
      const idx = (lo ^ data[i]!) & 0xff;
      lo = (((lo >>> 8) | (hi << 24)) ^ CRC64_LO[idx]!) >>> 0;
      hi = ((hi >>> 8) ^ CRC64_HI[idx]!) >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
  }
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
    return out;
  }
}

export const crc32 = (): Digest => (nativeCrc32 ? new NativeCrc32Digest(nativeCrc32) : new Crc32Family(CRC32_TABLE));
export const crc32c = (): Digest => new Crc32Family(CRC32C_TABLE);
export const crc64nvme = (): Digest => new Crc64Nvme();
