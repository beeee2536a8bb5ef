import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NAMESPACES } from '../i18n';

export type EnumGroup =
  | 'regionLevel'
  | 'communityKind'
  | 'centerKind'
  | 'category'
  | 'menu'
  | 'facility'
  | 'zone'
  | 'audience'
  | 'weekday'
  | 'teamRole'
  | 'dutyShift';

/** Label of a domain code from the shared `enum` namespace; unknown codes show as themselves. */
export function useEnumLabel(): (group: EnumGroup, code: string) => string {
  const { t, i18n } = useTranslation(NAMESPACES);
  return useCallback(
    (group: EnumGroup, code: string) => {
      const key = `enum:${group}.${code}` as const;
      return i18n.exists(key) ? (t(key) as string) : code;
    },
    // i18n.language: re-create on a language switch so memoised consumers re-render
    [t, i18n, i18n.language],
  );
}
