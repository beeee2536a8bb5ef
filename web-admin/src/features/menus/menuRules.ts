// Which region each menu belongs to, and which menus a viewer keeps (the API decides; the UI
// only hides what the viewer may not do).
import { SERVICE_MENUS, type ServiceMenu } from '@lc/domain';

export const MENU_TABS: readonly ServiceMenu[] = SERVICE_MENUS;

/** Tag colours of the menus. */
export const MENU_COLORS: Record<string, string> = {
  DISTRICT: 'blue',
  MOBILE: 'purple',
  STREET_FEATURE: 'green',
};

/** DISTRICT and MOBILE menus belong to a district, STREET_FEATURE menus to a street. */
export function menuRegionLevel(menu: ServiceMenu): 'DISTRICT' | 'STREET' {
  return menu === 'STREET_FEATURE' ? 'STREET' : 'DISTRICT';
}

export function isMenu(value: string | null | undefined): value is ServiceMenu {
  return !!value && (SERVICE_MENUS as readonly string[]).includes(value);
}

export interface ViewerLike {
  role: string;
  scope?: { id: string; level: string } | null;
}

/**
 * Whether the viewer keeps this menu of this region: the district admin the DISTRICT and MOBILE
 * menus of their district, a street admin the STREET_FEATURE menu of their street.
 */
export function canEditMenu(
  viewer: ViewerLike,
  menu: ServiceMenu,
  regionId: string | null | undefined,
): boolean {
  const scope = viewer.scope;
  if (!scope || !regionId) return false;
  if (viewer.role === 'DISTRICT_ADMIN')
    return menu !== 'STREET_FEATURE' && scope.level === 'DISTRICT' && scope.id === regionId;
  if (viewer.role === 'STREET_ADMIN')
    return menu === 'STREET_FEATURE' && scope.level === 'STREET' && scope.id === regionId;
  return false;
}

/** The menus the viewer keeps somewhere (to say so on the page). */
export function editableMenus(viewer: ViewerLike): ServiceMenu[] {
  if (!viewer.scope) return [];
  if (viewer.role === 'DISTRICT_ADMIN' && viewer.scope.level === 'DISTRICT') return ['DISTRICT', 'MOBILE'];
  if (viewer.role === 'STREET_ADMIN' && viewer.scope.level === 'STREET') return ['STREET_FEATURE'];
  return [];
}

/** The region to show when none is picked: the viewer's own, else the first offered. */
export function defaultRegion(
  options: readonly { id: string }[],
  own: string | null | undefined,
): string | undefined {
  if (own && options.some((o) => o.id === own)) return own;
  return options[0]?.id;
}
