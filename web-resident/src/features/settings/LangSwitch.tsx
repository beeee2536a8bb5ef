import { useTranslation } from 'react-i18next';
import { useSettings } from './settings-context';
import { NAMESPACES } from '../../i18n';

/** One big button that flips between Chinese and English; it names the other language. */
export function LangSwitch() {
  const { t } = useTranslation(NAMESPACES);
  const { locale, setLocale } = useSettings();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="toolbar-button"
      data-testid="lang-switch"
      data-locale={locale}
      aria-label={t('langSwitchLabel')}
      onClick={() => setLocale(next)}
    >
      {t('langSwitch')}
    </button>
  );
}
