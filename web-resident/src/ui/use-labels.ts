import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type EnumGroup =
  | 'regionLevel'
  | 'communityKind'
  | 'centerKind'
  | 'category'
  | 'menu'
  | 'facility'
  | 'zone'
  | 'audience'
  | 'weekday';

/** Label of a domain code from the shared `enum` namespace; unknown codes show as themselves. */
export function useEnumLabel(): (group: EnumGroup, code: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (group: EnumGroup, code: string) => {
      const key = `enum:${group}.${code}` as const;
      return i18n.exists(key) ? t(key) : code;
    },
    // re-create on language change so memoised consumers re-render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n, i18n.language],
  );
}
