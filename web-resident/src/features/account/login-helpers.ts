// Pure rules of the sign-in page: phone and code checks, the resend countdown, and which message
// a failed request shows.
import { LOGIN_CODE_LENGTH, normalizePhone } from '@lc/domain';
import type { CombinedError } from 'urql';
import { errorMessageKey } from '../../ui/errors';

/** Seconds before another code may be requested (the API allows one a minute per number). */
export const RESEND_SECONDS = 60;
/** A wait shown as seconds up to this long, as minutes beyond. */
const SHOW_SECONDS_UP_TO = 120;

export type PhoneCheck =
  { ok: true; phone: string } | { ok: false; error: 'loginPhoneRequired' | 'loginPhoneInvalid' };

/** The typed number as the API expects it (11 digits), or why it cannot be used. */
export function checkPhone(raw: string): PhoneCheck {
  if (!raw.trim()) return { ok: false, error: 'loginPhoneRequired' };
  const phone = normalizePhone(raw);
  return phone ? { ok: true, phone } : { ok: false, error: 'loginPhoneInvalid' };
}

/** Only digits, at most the code's length: what the code box keeps of what is typed or pasted. */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, LOGIN_CODE_LENGTH);
}

export function isCompleteCode(code: string): boolean {
  return new RegExp(`^\\d{${LOGIN_CODE_LENGTH}}$`).test(code);
}

/** Whole seconds left until `untilMs` (rounded up), never negative. */
export function secondsLeft(untilMs: number | null, nowMs: number): number {
  if (untilMs === null) return 0;
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

export type LoginMessageKey =
  | 'loginPhoneRequired'
  | 'loginPhoneInvalid'
  | 'loginCodeInvalid'
  | 'loginCodeWrong'
  | 'loginWaitSeconds'
  | 'loginWaitMinutes'
  | 'loginLocked'
  | ReturnType<typeof errorMessageKey>;

export interface LoginMessage {
  key: LoginMessageKey;
  values?: { seconds?: number; minutes?: number };
  /** the request button waits this long before it may be pressed again */
  waitSeconds?: number;
}

function firstExtensions(error: Pick<CombinedError, 'graphQLErrors'>): Record<string, unknown> | undefined {
  return error.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions as
    Record<string, unknown> | undefined;
}

function retryAfter(ext: Record<string, unknown> | undefined): number | null {
  const s = ext?.retryAfterSeconds;
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? Math.ceil(s) : null;
}

function fieldNames(ext: Record<string, unknown> | undefined): string[] {
  const fields = ext?.fields;
  return Array.isArray(fields)
    ? fields.map((f) => (f && typeof f === 'object' ? String((f as { field?: unknown }).field) : ''))
    : [];
}

/** The message for a failed requestLoginCode ('request') or loginWithCode ('login'). */
export function describeLoginError(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
  stage: 'request' | 'login',
): LoginMessage {
  const ext = firstExtensions(error);
  const code = ext?.code;
  if (code === 'RATE_LIMITED') {
    const wait = retryAfter(ext);
    if (wait === null) return { key: 'enum:error.RATE_LIMITED' };
    const minutes = Math.ceil(wait / 60);
    if (stage === 'login') return { key: 'loginLocked', values: { minutes } };
    if (wait <= SHOW_SECONDS_UP_TO)
      return { key: 'loginWaitSeconds', values: { seconds: wait }, waitSeconds: wait };
    return { key: 'loginWaitMinutes', values: { minutes } };
  }
  if (code === 'BAD_USER_INPUT') {
    const fields = fieldNames(ext);
    if (stage === 'login' && fields.includes('code')) return { key: 'loginCodeInvalid' };
    return { key: 'loginPhoneInvalid' };
  }
  if (code === 'UNAUTHENTICATED' && stage === 'login') return { key: 'loginCodeWrong' };
  return { key: errorMessageKey(error) };
}
