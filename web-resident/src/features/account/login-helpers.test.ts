import { describe, expect, it } from 'vitest';
import { checkPhone, cleanCode, describeLoginError, isCompleteCode, secondsLeft } from './login-helpers';

function gqlError(extensions: Record<string, unknown>) {
  return { graphQLErrors: [{ message: 'x', extensions }], networkError: undefined } as never;
}

describe('checkPhone (normalizePhone from @lc/domain)', () => {
  it('accepts an 11-digit mobile number, with spaces, dashes or +86', () => {
    expect(checkPhone('13800000001')).toEqual({ ok: true, phone: '13800000001' });
    expect(checkPhone(' 138 0000 0001 ')).toEqual({ ok: true, phone: '13800000001' });
    expect(checkPhone('+86 138-0000-0001')).toEqual({ ok: true, phone: '13800000001' });
  });
  it('says whether the number is missing or wrong', () => {
    expect(checkPhone('  ')).toEqual({ ok: false, error: 'loginPhoneRequired' });
    expect(checkPhone('1380000000')).toEqual({ ok: false, error: 'loginPhoneInvalid' });
    expect(checkPhone('12800000001')).toEqual({ ok: false, error: 'loginPhoneInvalid' });
    expect(checkPhone('021-62345678')).toEqual({ ok: false, error: 'loginPhoneInvalid' });
  });
});

describe('the code box', () => {
  it('keeps only six digits of what is typed or pasted', () => {
    expect(cleanCode('12 34-56')).toBe('123456');
    expect(cleanCode('1234567')).toBe('123456');
    expect(cleanCode('abc')).toBe('');
  });
  it('knows a complete code', () => {
    expect(isCompleteCode('012345')).toBe(true);
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('12345a')).toBe(false);
  });
});

describe('secondsLeft (the resend countdown)', () => {
  it('counts whole seconds down to zero, rounding up', () => {
    const start = 1_000_000;
    const until = start + 60_000;
    expect(secondsLeft(until, start)).toBe(60);
    expect(secondsLeft(until, start + 1)).toBe(60);
    expect(secondsLeft(until, start + 1000)).toBe(59);
    expect(secondsLeft(until, start + 59_001)).toBe(1);
    expect(secondsLeft(until, start + 60_000)).toBe(0);
    expect(secondsLeft(until, start + 90_000)).toBe(0);
    expect(secondsLeft(null, start)).toBe(0);
  });
});

describe('describeLoginError', () => {
  it('a code requested too soon: the wait in seconds, and the countdown restarts', () => {
    expect(describeLoginError(gqlError({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }), 'request')).toEqual({
      key: 'loginWaitSeconds',
      values: { seconds: 42 },
      waitSeconds: 42,
    });
  });
  it('too many codes this hour: the wait in minutes', () => {
    expect(
      describeLoginError(gqlError({ code: 'RATE_LIMITED', retryAfterSeconds: 1500 }), 'request'),
    ).toEqual({
      key: 'loginWaitMinutes',
      values: { minutes: 25 },
    });
  });
  it('a locked number at sign-in: the minutes to wait', () => {
    expect(describeLoginError(gqlError({ code: 'RATE_LIMITED', retryAfterSeconds: 899 }), 'login')).toEqual({
      key: 'loginLocked',
      values: { minutes: 15 },
    });
  });
  it('rate limited without a wait: the shared label', () => {
    expect(describeLoginError(gqlError({ code: 'RATE_LIMITED' }), 'login').key).toBe(
      'enum:error.RATE_LIMITED',
    );
  });
  it('a wrong or expired code', () => {
    expect(describeLoginError(gqlError({ code: 'UNAUTHENTICATED' }), 'login').key).toBe('loginCodeWrong');
  });
  it('bad input names the phone or the code', () => {
    const badCode = gqlError({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: '…' }] });
    const badPhone = gqlError({ code: 'BAD_USER_INPUT', fields: [{ field: 'phone', message: '…' }] });
    expect(describeLoginError(badCode, 'login').key).toBe('loginCodeInvalid');
    expect(describeLoginError(badPhone, 'login').key).toBe('loginPhoneInvalid');
    expect(describeLoginError(badPhone, 'request').key).toBe('loginPhoneInvalid');
  });
  it('network failures and server errors use the shared messages', () => {
    expect(
      describeLoginError({ graphQLErrors: [], networkError: new Error('down') } as never, 'request').key,
    ).toBe('networkError');
    expect(describeLoginError(gqlError({ code: 'INTERNAL_SERVER_ERROR' }), 'request').key).toBe(
      'enum:error.INTERNAL_SERVER_ERROR',
    );
  });
});
