// Expected failures a client can cause. Each carries a contract code; BAD_USER_INPUT also names
// the offending input fields. graphql/errors.ts maps them to GraphQL errors in one place.
import { LONG_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, type ErrorCode } from '@lc/domain';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (fields: FieldError[], message = '输入有误 / invalid input'): AppError =>
  new AppError('BAD_USER_INPUT', message, fields);
export const notFound = (what = 'record'): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'you may not do this'): AppError => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'sign in first'): AppError =>
  new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string): AppError => new AppError('CONFLICT', message);

/** Collects field errors and throws them together. */
export class FieldErrors {
  private readonly list: FieldError[] = [];
  add(field: string, message: string): this {
    this.list.push({ field, message });
    return this;
  }
  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }
  /** The title and description every titled record has (demands, projects, surveys): a title is
   * required and at most TITLE_MAX_LENGTH, a description at most LONG_TEXT_MAX_LENGTH characters.
   * `noun`: what the title names, in Chinese (标题, 项目名称, …). */
  titled(title: string, description: string | null, noun = '标题'): this {
    return this.check(title.length > 0, 'input.title', `请填写${noun} / title is required`)
      .check(
        title.length <= TITLE_MAX_LENGTH,
        'input.title',
        `${noun}不能超过${TITLE_MAX_LENGTH}个字 / title must be at most ${TITLE_MAX_LENGTH} characters`,
      )
      .check(
        (description ?? '').length <= LONG_TEXT_MAX_LENGTH,
        'input.description',
        `说明不能超过${LONG_TEXT_MAX_LENGTH}个字 / description must be at most ${LONG_TEXT_MAX_LENGTH} characters`,
      );
  }
  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}

/** Free text as stored: trimmed, and null when nothing is left. */
export function cleanText(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}
