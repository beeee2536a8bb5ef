import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import i18n from '../i18n';
import { errorMessageKey, isNotFound } from './errors';

const gql = (code?: string) => new GraphQLError('x', { extensions: code ? { code } : {} });

describe('errorMessageKey', () => {
  it('maps extensions.code to the shared enum:error label', () => {
    const error = new CombinedError({ graphQLErrors: [gql('NOT_FOUND')] });
    expect(errorMessageKey(error)).toBe('enum:error.NOT_FOUND');
    expect(i18n.t(errorMessageKey(error), { lng: 'zh-CN' })).toBe('未找到该记录');
  });
  it('shows rate limiting in Chinese', () => {
    const error = new CombinedError({ graphQLErrors: [gql('RATE_LIMITED')] });
    expect(i18n.t(errorMessageKey(error), { lng: 'zh-CN' })).toBe('操作过于频繁，请稍后再试');
  });
  it('falls back to a server error for unknown codes', () => {
    expect(errorMessageKey(new CombinedError({ graphQLErrors: [gql('WHATEVER')] }))).toBe(
      'enum:error.INTERNAL_SERVER_ERROR',
    );
    expect(errorMessageKey(new CombinedError({ graphQLErrors: [gql()] }))).toBe(
      'enum:error.INTERNAL_SERVER_ERROR',
    );
  });
  it('reports network failures as such', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(errorMessageKey(error)).toBe('networkError');
    expect(i18n.t(errorMessageKey(error), { lng: 'zh-CN' })).toMatch(/网络/);
  });
  it('recognises NOT_FOUND', () => {
    expect(isNotFound(new CombinedError({ graphQLErrors: [gql('NOT_FOUND')] }))).toBe(true);
    expect(isNotFound(new CombinedError({ graphQLErrors: [gql('FORBIDDEN')] }))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });
});
