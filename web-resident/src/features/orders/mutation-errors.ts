// The message to show when a change (order, cancel, rate, choose a center) is refused.
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { errorMessageKey } from '../../ui/errors';

/** The API writes its own field messages as "中文 / English": the half for the page's language,
 * or null for any other message (e.g. a GraphQL validation text, English only). */
export function localizedPart(message: string, language: string): string | null {
  const parts = message.split(' / ');
  if (parts.length < 2) return null;
  return (language.startsWith('zh') ? parts[0] : parts.slice(1).join(' / ')).trim() || null;
}

/** Bad input names what is wrong (the API's own field message); other codes have fixed labels. */
export function mutationErrorText(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
  t: TFunction<any, any>,
  language: string,
): string {
  const bad = error.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  const fields = bad?.extensions?.fields;
  if (Array.isArray(fields) && fields.length > 0) {
    const first = fields[0] as { message?: unknown };
    const text = typeof first.message === 'string' ? localizedPart(first.message, language) : null;
    if (text) return text;
  }
  return t(errorMessageKey(error)) as string;
}
