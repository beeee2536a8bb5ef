// The app's i18next instance: resources come from the shared domain package (enum labels,
// common words, this app's strings in packages/domain/src/i18n/admin.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, i18nResources, type Locale } from '@lc/domain';

export const LANGUAGE_STORAGE_KEY = 'lc.admin.lang';
export const SUPPORTED_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (stored && (SUPPORTED_LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage unavailable: fall back to the default
  }
  return DEFAULT_LOCALE;
}

export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // ignore: the choice just won't survive a reload
  }
  void i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = `${i18next.t('common:appName')} · ${i18next.t('admin:consoleTitle')}`;
});

void i18next.use(initReactI18next).init({
  resources: i18nResources as unknown as Record<string, Record<string, Record<string, unknown>>>,
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: SUPPORTED_LOCALES as string[],
  ns: ['admin', 'common', 'enum'],
  defaultNS: 'admin',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
