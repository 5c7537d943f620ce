// The checksum algorithms against their published check values ("123456789") and against each other in pieces.
import t from 'tap';
import { CHECKSUM_ALGORITHMS } from '../../reference/auth/checksum.js';

const CHECK: Record<keyof typeof CHECKSUM_ALGORITHMS, string> = {
  crc32: 'cbf43926',
  crc32c: 'e3069283',
  crc64nvme: 'ae8b14860a799888',
  sha1: 'f7c3bc1d808e04732adf679965ccc34ca7ae3441',
  sha256: '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225',
};

for (const [name, want] of Object.entries(CHECK) as [keyof typeof CHECKSUM_ALGORITHMS, string][]) {
  t.test(name, async (t) => {
    const whole = CHECKSUM_ALGORITHMS[name]();
    whole.update(Buffer.from('123456789'));
    t.equal(whole.digest().toString('hex'), want, 'check value');
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) & 0xff));
    const a = CHECKSUM_ALGORITHMS[name]();
    a.update(data);
    const b = CHECKSUM_ALGORITHMS[name]();
    for (let i = 0; i < data.length; i += 333) b.update(data.subarray(i, i + 333));
    t.equal(b.digest().toString('hex'), a.digest().toString('hex'), 'streamed in pieces = in one go');
    const empty = CHECKSUM_ALGORITHMS[name]();
    t.ok(empty.digest().length > 0);
  });
}
