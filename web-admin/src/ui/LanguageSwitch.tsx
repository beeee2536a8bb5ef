// Toggles the UI language between Chinese (default) and English; the choice is persisted.
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return (
    <Tooltip title={t('admin:switchLanguage')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        data-testid="lang-switch"
        aria-label={t('admin:switchLanguage')}
        onClick={() => setLocale(isEnglish ? 'zh-CN' : 'en')}
      >
        {t('admin:currentLanguage')}
      </Button>
    </Tooltip>
  );
}
