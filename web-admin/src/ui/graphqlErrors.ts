// Reading the API's error contract: every GraphQL error carries `extensions.code` (one of the
// domain ERROR_CODES); BAD_USER_INPUT also carries `extensions.fields: [{ field, message }]`.
import { ERROR_CODES, type ErrorCode } from '@lc/domain';

/** The parts of urql's CombinedError this module reads (kept structural for tests). */
export interface ErrorLike {
  graphQLErrors?: ReadonlyArray<{ message?: string; extensions?: Record<string, unknown> }>;
  networkError?: Error | null;
  response?: { status?: number } | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** A code the UI can label: one of the contract codes, or NETWORK when the request never got an answer. */
export type UiErrorCode = ErrorCode | 'NETWORK';

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** The first contract code in the error; NETWORK for transport failures; INTERNAL_SERVER_ERROR otherwise. */
export function errorCodeOf(error: ErrorLike | null | undefined): UiErrorCode | undefined {
  if (!error) return undefined;
  for (const e of error.graphQLErrors ?? []) {
    const code = e.extensions?.code;
    if (isErrorCode(code)) return code;
  }
  if (error.response?.status === 401) return 'UNAUTHENTICATED';
  if (error.response?.status === 403) return 'FORBIDDEN';
  if (error.response?.status === 429) return 'RATE_LIMITED';
  if (error.networkError) return 'NETWORK';
  return 'INTERNAL_SERVER_ERROR';
}

export function isUnauthenticated(error: ErrorLike | null | undefined): boolean {
  return errorCodeOf(error) === 'UNAUTHENTICATED';
}

/** The i18next key that labels an error: `enum:error.<CODE>` or the app's network message. */
export function errorMessageKey(error: ErrorLike | null | undefined): string {
  const code = errorCodeOf(error);
  if (code === 'NETWORK') return 'admin:errorNetwork';
  if (!code) return 'common:error';
  return `enum:error.${code}`;
}

/** Field errors of a BAD_USER_INPUT error, in the order the server gave them. */
export function fieldErrorsOf(error: ErrorLike | null | undefined): FieldError[] {
  const out: FieldError[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields) {
      if (f && typeof f === 'object' && typeof (f as FieldError).field === 'string') {
        const message = (f as Partial<FieldError>).message;
        out.push({ field: (f as FieldError).field, message: typeof message === 'string' ? message : '' });
      }
    }
  }
  return out;
}

/**
 * The form field a server field path names: drops an `input.` prefix and list indexes, so
 * `input.coveredCommunityIds[2]` and `coveredCommunityIds.2` both name `coveredCommunityIds`.
 */
export function formFieldName(path: string): string {
  const parts = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((p) => p !== '' && !/^\d+$/.test(p));
  if (parts.length > 1 && parts[0] === 'input') parts.shift();
  return parts[0] ?? '';
}

export interface FormFieldErrors<F extends string = string> {
  /** errors to put under form fields, in antd Form `setFields` shape */
  fields: { name: F; errors: string[] }[];
  /** messages whose field the form doesn't have (shown in a general alert) */
  unmatched: string[];
}

/** True when the text contains Chinese characters (server messages may be English only). */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Groups field errors by the form field they belong to; unknown fields go to `unmatched`. */
export function toFormFieldErrors<F extends string>(
  errors: readonly FieldError[],
  formFields: readonly F[],
): FormFieldErrors<F> {
  const byField = new Map<F, string[]>();
  const unmatched: string[] = [];
  for (const { field, message } of errors) {
    const name = formFieldName(field) as F;
    if (!formFields.includes(name)) {
      if (message) unmatched.push(message);
      continue;
    }
    const list = byField.get(name) ?? [];
    if (message && !list.includes(message)) list.push(message);
    byField.set(name, list);
  }
  return { fields: [...byField].map(([name, errs]) => ({ name, errors: errs })), unmatched };
}
