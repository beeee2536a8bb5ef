import { useTranslation } from 'react-i18next';
import { useSettings } from './settings-context';
import { NAMESPACES } from '../../i18n';

/** 长辈模式: a large toggle that enlarges all text and touch targets. */
export function ElderModeSwitch() {
  const { t } = useTranslation(NAMESPACES);
  const { elderMode, setElderMode } = useSettings();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={elderMode}
      aria-label={t('elderModeLabel')}
      className={`toolbar-button elder-switch${elderMode ? ' is-on' : ''}`}
      data-testid="elder-mode-switch"
      onClick={() => setElderMode(!elderMode)}
    >
      <span className="elder-switch-track" aria-hidden="true">
        <span className="elder-switch-thumb" />
      </span>
      {t('elderMode')}
    </button>
  );
}
