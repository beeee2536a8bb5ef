// Resident preferences: language and elder mode (长辈模式), persisted in localStorage and
// reflected on <html> (lang, data-elder) so the stylesheet can enlarge everything.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, persistLocale, NAMESPACES } from '../../i18n';

export const ELDER_MODE_STORAGE_KEY = 'lc.resident.elderMode';

interface Settings {
  locale: AppLocale;
  setLocale: (locale: AppLocale) => void;
  elderMode: boolean;
  setElderMode: (on: boolean) => void;
}

const SettingsContext = createContext<Settings | null>(null);

function readElderMode(): boolean {
  try {
    return window.localStorage.getItem(ELDER_MODE_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const [elderMode, setElderModeState] = useState<boolean>(readElderMode);
  const locale = (i18n.resolvedLanguage ?? i18n.language) as AppLocale;

  useEffect(() => {
    document.documentElement.dataset.elder = elderMode ? 'on' : 'off';
  }, [elderMode]);

  useEffect(() => {
    document.title = t('common:appName');
  }, [t, locale]);

  const setElderMode = useCallback((on: boolean) => {
    setElderModeState(on);
    try {
      window.localStorage.setItem(ELDER_MODE_STORAGE_KEY, on ? '1' : '0');
    } catch {
      // storage unavailable: keep the choice for this visit
    }
  }, []);

  const setLocale = useCallback(
    (next: AppLocale) => {
      persistLocale(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );

  const value = useMemo(
    () => ({ locale, setLocale, elderMode, setElderMode }),
    [locale, setLocale, elderMode, setElderMode],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): Settings {
  const settings = useContext(SettingsContext);
  if (!settings) throw new Error('useSettings must be used inside <SettingsProvider>');
  return settings;
}
