// Every key the app asks for exists in both locales, and the Chinese UI has no English words.
import { i18nResources } from '@lc/domain';
import { describe, expect, it } from 'vitest';

// the app's own sources as text (generated code and tests excluded)
const sources = import.meta.glob(['./**/*.{ts,tsx}', '!./gql/**', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
    tree,
  );
}

describe('resident strings', () => {
  it('cover every literal t() key used in the app', () => {
    const keys = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) keys.add(m[1]);
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of keys) {
        const [ns, rest] = key.includes(':') ? key.split(':') : ['resident', key];
        expect(lookup(i18nResources[locale], [ns, ...rest.split('.')]), `${locale} ${key}`).toBeTypeOf(
          'string',
        );
      }
    }
  });

  it('have no Latin letters in zh-CN (placeholders aside)', () => {
    for (const [key, value] of Object.entries(i18nResources['zh-CN'].resident)) {
      expect(value.replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/[A-Za-z]/);
    }
  });
});
