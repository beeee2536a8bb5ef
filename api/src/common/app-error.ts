// Expected failures a client can cause. Each carries a contract code; BAD_USER_INPUT also names
// the offending input fields. graphql/errors.ts maps them to GraphQL errors in one place.
import type { ErrorCode } from '@lc/domain';

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
  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}
