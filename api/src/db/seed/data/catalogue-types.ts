// The shape of a hand-written service entry before it gets a district and a code.
import type { Audience, Facility, ServiceCategory } from '@lc/domain';

/** When an offering of the item usually runs (see offerings.ts). */
export type Slot =
  | 'MEALS' // lunch (and at hubs supper) every open day
  | 'CLINIC' // clinic hours
  | 'OFFICE' // office hours for government affairs
  | 'AFTER_SCHOOL' // weekdays after school
  | 'EVENING' // weekday evenings (hubs), for working people
  | 'NOON' // weekday lunch hour, for white-collar workers
  | 'DAYTIME' // all day on open days
  | 'WEEKLY'; // a few sessions a week (the default)

/** What a center needs to offer an item: a facility, or one of two groups. */
export type Requirement = Facility | 'CLINIC' | 'MEALS';

export interface CatalogueEntry {
  name: string;
  category: ServiceCategory;
  department?: string;
  /** may contain '{区}', replaced by the district's name */
  provider: string;
  audience: Audience[];
  fee: string;
  description: string;
  slot?: Slot;
  requires?: Requirement;
}

export interface EntryOptions {
  /** audience letters: E 80+ elderly, C children, Y youth/white-collar, D disabled */
  a?: string;
  fee?: string;
  slot?: Slot;
  requires?: Requirement;
  provider?: string;
}

const AUDIENCE_LETTERS: Record<string, Audience> = {
  E: 'ELDERLY_80_PLUS',
  C: 'CHILDREN',
  Y: 'YOUTH_WHITE_COLLAR',
  D: 'DISABLED',
};

export function audience(letters = ''): Audience[] {
  return [...letters].map((l) => {
    const a = AUDIENCE_LETTERS[l];
    if (!a) throw new Error(`unknown audience letter ${l}`);
    return a;
  });
}
