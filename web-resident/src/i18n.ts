// i18next for the resident app: resources come from the shared domain package (namespaces
// `resident`, `common`, `enum`); the chosen language is persisted in localStorage.
import { DEFAULT_LOCALE, i18nResources } from '@lc/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export type AppLocale = keyof typeof i18nResources;
export const LOCALE_STORAGE_KEY = 'lc.resident.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(i18nResources, value);
}

export function storedLocale(): AppLocale {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function persistLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or storage full: the choice lasts for this visit only
  }
}

void i18n.use(initReactI18next).init({
  resources: i18nResources,
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  ns: ['resident', 'common', 'enum'],
  defaultNS: 'resident',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;

/** The namespaces every component reads: own strings first (no prefix), then `common:` and `enum:`. */
export const NAMESPACES = ['resident', 'common', 'enum'] as const;
