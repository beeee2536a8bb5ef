import {
  deriveKeys,
  decryptPersonal,
  encryptPersonal,
  hashLoginCode,
  hashPhone,
  sameHash,
} from '../phone-crypto';

describe('phone-crypto', () => {
  const phone = '13912345678';

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encryptPersonal(phone);
    const b = encryptPersonal(phone);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(phone);
    expect(decryptPersonal(a)).toBe(phone);
    expect(decryptPersonal(b)).toBe(phone);
  });

  it('refuses altered ciphertext and another key', () => {
    const stored = encryptPersonal(phone);
    const raw = Buffer.from(stored.slice(3), 'base64url');
    raw[14] ^= 1;
    expect(() => decryptPersonal(`v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => decryptPersonal(stored, deriveKeys('another secret of at least 32 characters!'))).toThrow();
    expect(() => decryptPersonal('v0.abc')).toThrow();
  });

  it('hashes a number the same way every time, keyed, and differently per number', () => {
    expect(hashPhone(phone)).toBe(hashPhone(phone));
    expect(hashPhone(phone)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPhone(phone)).not.toBe(hashPhone('13912345679'));
    expect(hashPhone(phone, deriveKeys('another secret of at least 32 characters!'))).not.toBe(
      hashPhone(phone),
    );
  });

  it('binds a code hash to the number and compares in constant time', () => {
    const h = hashPhone(phone);
    const code = hashLoginCode(h, '123456');
    expect(sameHash(code, hashLoginCode(h, '123456'))).toBe(true);
    expect(sameHash(code, hashLoginCode(h, '123457'))).toBe(false);
    expect(sameHash(code, hashLoginCode(hashPhone('13912345679'), '123456'))).toBe(false);
    expect(sameHash(code, 'abcd')).toBe(false);
  });

  it('derives independent keys for encryption, lookup and codes', () => {
    const k = deriveKeys('x'.repeat(32));
    expect(new Set([k.enc.toString('hex'), k.hash.toString('hex'), k.code.toString('hex')]).size).toBe(3);
    expect(k.enc).toHaveLength(32);
  });
});
