import type { i18nResources } from '@lc/domain';
import 'i18next';

// Typed keys: t('nearTitle'), t('common:loading'), t('enum:category.HEALTH').
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'resident';
    resources: (typeof i18nResources)['zh-CN'];
  }
}
