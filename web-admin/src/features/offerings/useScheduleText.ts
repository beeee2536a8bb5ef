// Schedule wording in the current language (weekday labels, ranges, validity dates).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleLabels } from '../centers/schedule';
import type { ValidityLabels } from './scheduleText';

export type ScheduleTextLabels = ScheduleLabels & {
  validity: ValidityLabels;
  bracket: (text: string) => string;
};

export function useScheduleText(): ScheduleTextLabels {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      day: (c: string) => t(`enum:weekday.${c}`, { defaultValue: c }),
      range: (from: string, to: string) => t('admin:dayRange', { from, to }),
      separator: t('admin:listSeparator'),
      validity: {
        between: (from: string, until: string) => t('admin:offeringsValidBetween', { from, until }),
        from: (from: string) => t('admin:offeringsValidFrom', { from }),
        until: (until: string) => t('admin:offeringsValidUntil', { until }),
      },
      bracket: (text: string) => t('admin:offeringsBracket', { text }),
    }),
    // t changes identity with the language
    [t, i18n.language],
  );
}
