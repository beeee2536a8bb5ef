// The mobile menu's state lives in the URL (?menu=&category=&audience=&item=), so "back" and a
// detour to change the home center come back to the same list and open order sheet.
import { AUDIENCES, type Audience, SERVICE_CATEGORIES, type ServiceCategory } from '@lc/domain';

/** The two menus a resident orders from: 流动配送 (district pool) and 街镇特色 (own street). */
export const ORDER_MENUS = ['MOBILE', 'STREET_FEATURE'] as const;
export type OrderMenu = (typeof ORDER_MENUS)[number];

export interface MobileMenuState {
  menu: OrderMenu;
  category: ServiceCategory | null;
  audience: Audience | null;
  /** the item whose order sheet is open */
  item: string | null;
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseMobileParams(params: URLSearchParams): MobileMenuState {
  return {
    menu: oneOf(ORDER_MENUS, params.get('menu')) ?? 'MOBILE',
    category: oneOf(SERVICE_CATEGORIES, params.get('category')),
    audience: oneOf(AUDIENCES, params.get('audience')),
    item: params.get('item') || null,
  };
}

export function toMobileParams(state: MobileMenuState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.menu !== 'MOBILE') params.set('menu', state.menu);
  if (state.category) params.set('category', state.category);
  if (state.audience) params.set('audience', state.audience);
  if (state.item) params.set('item', state.item);
  return params;
}

/** The path of the menu in a given state (to come back to after choosing a center). */
export function mobilePath(state: MobileMenuState): string {
  const query = toMobileParams(state).toString();
  return query ? `/mobile?${query}` : '/mobile';
}
