// web-admin's own strings. Keep keys identical in both locales (a test checks).
export const adminStrings: { 'zh-CN': Record<string, string>; en: Record<string, string> } = {
  'zh-CN': {},
  en: {},
};
