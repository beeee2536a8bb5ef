// The translated messages of the client-side form checks in planningModel.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormMessages } from './planningModel';

export function useFormMessages(): FormMessages {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      required: t('admin:validationRequired'),
      tooLong: (max: number) => t('admin:validationMaxLength', { max }),
      phone: t('admin:planningPhoneInvalid'),
      capacity: (max: number) => t('admin:planningCapacityInvalid', { max }),
    }),
    [t],
  );
}
