export * from './enums';
export * from './labels';
export * from './geo';
export * from './limits';
export * from './validation';
export * from './phone';
export * from './text-similarity';
export { i18nResources, DEFAULT_LOCALE } from './i18n';
export * from './people';
