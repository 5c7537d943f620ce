// RGW request ids look like tx00000cd1c53e0c91f8345-006b037834-4117-default: "tx", a 21-hex-digit
// counter/random part, the epoch seconds in hex (10 digits), then zone id and zonegroup. HostId is
// "<zone id>-<zonegroup>-<zone>".
import { randomBytes } from 'node:crypto';

export class RequestIds {
  private counter = 0;
  private readonly salt = randomBytes(8).readBigUInt64BE() & 0xffffffffffffn;
  constructor(
    private readonly zoneId = '4117',
    private readonly zonegroup = 'default',
    private readonly zone = 'default',
  ) {}

  next(nowMs: number): string {
    const n = (this.salt << 16n) + BigInt(++this.counter);
    const seq = n.toString(16).padStart(21, '0').slice(-21);
    const time = Math.floor(nowMs / 1000).toString(16).padStart(10, '0');
    return `tx${seq}-${time}-${this.zoneId}-${this.zonegroup}`;
  }

  get hostId(): string {
    return `${this.zoneId}-${this.zonegroup}-${this.zone}`;
  }
}
