// Mainland China mobile numbers: what residents sign in with. Personal data: shown masked.

const MOBILE = /^1[3-9]\d{9}$/;

/** The 11-digit number, without spaces, dashes or a +86 / 0086 prefix; null when it is not a mobile number. */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  return MOBILE.test(digits) ? digits : null;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export const LOGIN_CODE_LENGTH = 6;
export const LOGIN_CODE_TTL_SECONDS = 300;
export const LOGIN_CODE_MAX_FAILURES = 5;
