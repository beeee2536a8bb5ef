// Pure helpers of the service item form: values ↔ API input, client-side checks, messages.
import { AUDIENCES, checkServiceItemFields, type ServiceMenu } from '@lc/domain';
import { hasCjk } from '../../ui/graphqlErrors';

export interface MenuItemValues {
  name: string;
  category?: string;
  audience: string[];
  description: string;
  fee: string;
  provider: string;
  department: string;
}

/** The form fields, named as the API's inputs name them (so server field errors line up). */
export const MENU_ITEM_FIELDS = [
  'name',
  'category',
  'audience',
  'description',
  'fee',
  'provider',
  'department',
] as const;
export type MenuItemField = (typeof MENU_ITEM_FIELDS)[number];

export const EMPTY_ITEM_VALUES: MenuItemValues = {
  name: '',
  category: undefined,
  audience: [],
  description: '',
  fee: '',
  provider: '',
  department: '',
};

export function itemToValues(item: {
  name: string;
  category: string;
  audience: readonly string[];
  description?: string | null;
  fee?: string | null;
  provider?: string | null;
  department?: string | null;
}): MenuItemValues {
  return {
    name: item.name,
    category: item.category,
    audience: [...item.audience],
    description: item.description ?? '',
    fee: item.fee ?? '',
    provider: item.provider ?? '',
    department: item.department ?? '',
  };
}

/** Known audience codes in the domain's order. */
function orderedAudience(codes: readonly string[]): string[] {
  const set = new Set(codes);
  return AUDIENCES.filter((a) => set.has(a));
}

function text(v: string | undefined | null): string | null {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
}

/** The item fields of the form, trimmed; empty text as null. */
export function cleanValues(values: MenuItemValues) {
  return {
    name: values.name.trim(),
    category: values.category ?? '',
    audience: orderedAudience(values.audience ?? []),
    description: text(values.description),
    fee: text(values.fee),
    provider: text(values.provider),
    department: text(values.department),
  };
}

export function toCreateInput(menu: ServiceMenu, ownerRegionId: string, values: MenuItemValues) {
  const c = cleanValues(values);
  return { ...c, menu, ownerRegionId, category: c.category as never };
}

/** Only the fields that changed (so a concurrent edit of another field is not overwritten). */
export function toUpdateInput(before: MenuItemValues, values: MenuItemValues) {
  const a = cleanValues(before);
  const b = cleanValues(values);
  const out: Partial<ReturnType<typeof cleanValues>> = {};
  for (const f of MENU_ITEM_FIELDS) {
    if (JSON.stringify(a[f]) !== JSON.stringify(b[f])) (out as Record<string, unknown>)[f] = b[f];
  }
  return out;
}

/** Client-side checks (the same rules the API applies), grouped by form field. */
export function clientItemErrors(values: MenuItemValues): { name: MenuItemField; errors: string[] }[] {
  const byField = new Map<MenuItemField, string[]>();
  for (const e of checkServiceItemFields(cleanValues(values))) {
    const list = byField.get(e.field as MenuItemField) ?? [];
    list.push(e.message);
    byField.set(e.field as MenuItemField, list);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/**
 * The part of a bilingual server message ("中文 / English") in the UI's language; other messages
 * as they are.
 */
export function localizeMessage(message: string, language: string): string {
  const i = message.lastIndexOf(' / ');
  if (i < 0) return message;
  const zh = message.slice(0, i).trim();
  const en = message.slice(i + 3).trim();
  if (!hasCjk(zh) || hasCjk(en) || !zh || !en) return message;
  return language.startsWith('zh') ? zh : en;
}
