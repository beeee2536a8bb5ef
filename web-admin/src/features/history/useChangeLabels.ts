// The change log's wording in the current language.
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScheduleText } from '../offerings/useScheduleText';
import { CHANGE_FIELD_KEYS, type ChangeLabels } from './changeFormat';

export function formatDateTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function useChangeLabels(): ChangeLabels {
  const { t, i18n } = useTranslation();
  const schedule = useScheduleText();
  return useMemo(
    () => ({
      ...schedule,
      field: (name: string) => (CHANGE_FIELD_KEYS[name] ? t(`admin:${CHANGE_FIELD_KEYS[name]}`) : name),
      audience: (c: string) => t(`enum:audience.${c}`, { defaultValue: c }),
      category: (c: string) => t(`enum:category.${c}`, { defaultValue: c }),
      menu: (c: string) => t(`enum:menu.${c}`, { defaultValue: c }),
      dateTime: formatDateTime,
      empty: t('admin:historyEmptyValue'),
      allAudiences: t('admin:audienceAll'),
      onRequest: t('admin:scheduleOnRequest'),
      yes: t('admin:historyYes'),
      no: t('admin:historyNo'),
      pairSeparator: t('admin:historyPairSeparator'),
      pair: (field: string, value: string) => t('admin:historyPair', { field, value }),
    }),
    [t, i18n.language, schedule],
  );
}
