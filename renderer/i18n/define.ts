// Message dictionaries: Chinese first (the counter's language), English for IT staff and support.
// Each feature keeps its own file; `en` must have exactly the keys of `zh-CN` (checked by the compiler).
export type Locale = 'zh-CN' | 'en';

export function defineMessages<const T extends Record<string, string>>(d: { 'zh-CN': T; en: { [K in keyof T]: string } }): { 'zh-CN': T; en: { [K in keyof T]: string } } {
  return d;
}

/** Replaces {name} placeholders. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
