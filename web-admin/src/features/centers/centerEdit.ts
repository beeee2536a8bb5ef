// Pure helpers of the center edit form.
import { FACILITIES, ZONES } from '@lc/domain';

export interface CenterEditValues {
  address: string;
  openingHours: string;
  facilities: string[];
  zones: string[];
  coveredCommunityIds: string[];
}

/** The form fields, in the names the API's UpdateCenterInput uses (so field errors line up). */
export const CENTER_EDIT_FIELDS = [
  'address',
  'openingHours',
  'facilities',
  'zones',
  'coveredCommunityIds',
] as const;

export function coverageChange(before: readonly string[], after: readonly string[]) {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: after.filter((id) => !b.has(id)),
    removed: before.filter((id) => !a.has(id)),
  };
}

/** Known codes only, in the domain's canonical order. */
function ordered(codes: readonly string[], canonical: readonly string[]): string[] {
  const set = new Set(codes);
  return canonical.filter((c) => set.has(c));
}

/** The mutation input of the form's values: trimmed text, canonical code order. */
export function toUpdateCenterInput(values: CenterEditValues) {
  return {
    address: values.address.trim(),
    openingHours: values.openingHours.trim() === '' ? null : values.openingHours.trim(),
    facilities: ordered(values.facilities, FACILITIES),
    zones: ordered(values.zones, ZONES),
    coveredCommunityIds: [...new Set(values.coveredCommunityIds)],
  };
}
