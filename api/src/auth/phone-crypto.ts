// Residents' phone numbers are personal data: stored AES-256-GCM encrypted, found through a keyed
// HMAC-SHA256 hash, shown masked. Every key is derived (HKDF-SHA256) from the one secret PHONE_KEY,
// so rotating it makes stored numbers unreadable and unfindable: plan a re-encryption first.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { config } from '../config';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PhoneKeys {
  enc: Buffer;
  hash: Buffer;
  code: Buffer;
}

/** The three keys derived from one secret: encryption, lookup hash, login-code hash. */
export function deriveKeys(secret: string): PhoneKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'life-circle/phone', info, 32));
  return { enc: derive('phone-enc/v1'), hash: derive('phone-hash/v1'), code: derive('login-code/v1') };
}

let keys: PhoneKeys | undefined;
const defaultKeys = (): PhoneKeys => (keys ??= deriveKeys(config.phoneKey));

/** Encrypts personal data (a phone number, a contact name): `v1.<base64url(iv | ciphertext | tag)>`,
 * a fresh random IV each time. */
export function encryptPersonal(phone: string, k: PhoneKeys = defaultKeys()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', k.enc, iv);
  const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The plain text back; throws when the value was not made with this key or was altered. */
export function decryptPersonal(stored: string, k: PhoneKeys = defaultKeys()): string {
  const [version, payload] = stored.split('.');
  if (version !== VERSION || !payload) throw new Error('unknown phone encryption format');
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('phone ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', k.enc, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}

/** Keyed hash of a normalized number, hex: the same number always gives the same value (lookup). */
export function hashPhone(phone: string, k: PhoneKeys = defaultKeys()): string {
  return createHmac('sha256', k.hash).update(phone, 'utf8').digest('hex');
}

/** Keyed hash of a login code, bound to the number it was sent to. */
export function hashLoginCode(phoneHash: string, code: string, k: PhoneKeys = defaultKeys()): string {
  return createHmac('sha256', k.code).update(`${phoneHash}:${code}`, 'utf8').digest('hex');
}

const purposeKeys = new Map<string, Buffer>();

const derivePurposeKey = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'life-circle/keyed-hash', `${purpose}/v1`, 32));

/** Keyed HMAC-SHA256 (hex) of a list of values, under a key derived (HKDF) from the one secret for
 * `purpose` alone, so hashes made for one purpose never match another's. The values are joined
 * unambiguously (as JSON). For values that must be recognised again without being kept, e.g. a
 * survey response's idempotency key. */
export function keyedHash(purpose: string, parts: readonly (string | number)[], secret?: string): string {
  let key: Buffer;
  if (secret !== undefined) key = derivePurposeKey(secret, purpose);
  else {
    key = purposeKeys.get(purpose) ?? derivePurposeKey(config.phoneKey, purpose);
    purposeKeys.set(purpose, key);
  }
  return createHmac('sha256', key).update(JSON.stringify(parts), 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
