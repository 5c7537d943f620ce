// Generated identifiers in RGW's formats: access keys are 20 upper-case alphanumerics, secrets 40
// alphanumerics (radosgw-admin --gen-access-key/--gen-secret), account ids "RGW" + 17 digits.
import { randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export const newAccessKey = (): string => pick(UPPER_ALNUM, 20);
export const newSecretKey = (): string => pick(ALNUM, 40);
export const newAccountId = (): string => 'RGW' + pick('0123456789', 17);
export const ACCOUNT_ID_RE = /^RGW\d{17}$/;
