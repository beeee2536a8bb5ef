import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetResponseKey,
  type KeyStorage,
  newResponseKey,
  RESPONSE_KEY_PREFIX,
  responseKey,
} from './response-key';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  window.sessionStorage.clear();
});

describe('the idempotency key of a survey response', () => {
  it('is made once per survey and kept in sessionStorage until the response is recorded', () => {
    const first = responseKey('7');
    expect(first).toMatch(UUID);
    expect(window.sessionStorage.getItem(`${RESPONSE_KEY_PREFIX}7`)).toBe(first);
    // a retry (after a network error, or a reload of the page) sends the same key
    expect(responseKey('7')).toBe(first);
    // another survey has its own
    expect(responseKey('8')).not.toBe(first);
    forgetResponseKey('7');
    expect(window.sessionStorage.getItem(`${RESPONSE_KEY_PREFIX}7`)).toBeNull();
    const next = responseKey('7');
    expect(next).toMatch(UUID);
    expect(next).not.toBe(first);
  });

  it('lasts for the page when storage is refused', () => {
    const refusing: KeyStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const first = responseKey('9', refusing);
    expect(responseKey('9', refusing)).toBe(first);
    forgetResponseKey('9', refusing);
    expect(responseKey('9', refusing)).not.toBe(first);
  });

  it('is a v4 UUID also where crypto.randomUUID is missing (plain http on a phone)', () => {
    const noRandomUUID = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Pick<
      Crypto,
      'getRandomValues'
    >;
    const a = newResponseKey(noRandomUUID);
    const b = newResponseKey(noRandomUUID);
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });
});
