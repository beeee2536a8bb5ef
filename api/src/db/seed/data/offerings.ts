// Which center offers which item, when. Each center offers 10–40 items of its district's menu
// (always those its facilities make possible: a canteen serves 老年助餐, a health station
// 家庭医生签约 …), one to five items of the mobile pool, and its street's feature items.
// Schedules stay inside the center's opening hours: hubs open every day until 20:00,
// village centers Monday to Saturday and community stations Monday to Friday, 08:30–17:00.
import { WEEKDAYS, type Weekday } from '@lc/domain';
import type { SeedCenter, SeedOffering, SeedScheduleRule } from '../seed-types';
import type { Requirement, Slot } from './catalogue-types';
import { Rng } from './prng';
import type { BuiltService, DistrictServices } from './services';

const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export const OFFERING_LIMITS = {
  HUB: { district: [25, 40], mobile: [2, 5] },
  VILLAGE_CENTER: { district: [12, 30], mobile: [1, 2] },
  COMMUNITY_STATION: { district: [10, 24], mobile: [1, 2] },
} as const;

/** The days a center is open. */
export function openDays(c: SeedCenter): Weekday[] {
  if (c.kind === 'HUB') return [...WEEKDAYS];
  if (c.kind === 'VILLAGE_CENTER') return ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  return [...WORKDAYS];
}

export function canOffer(c: SeedCenter, req: Requirement | undefined): boolean {
  if (!req) return true;
  if (req === 'CLINIC') return c.facilities.includes('HEALTH_STATION') || c.zones.includes('VILLAGE_CLINIC');
  if (req === 'MEALS') return c.facilities.includes('CANTEEN') || c.facilities.includes('ELDERLY_MEAL_POINT');
  return c.facilities.includes(req);
}

function someDays(rng: Rng, from: readonly Weekday[], min: number, max: number): Weekday[] {
  const chosen = new Set(rng.sample(from, rng.int(min, max)));
  return WEEKDAYS.filter((d) => chosen.has(d));
}

const rule = (byDay: Weekday[], opens: string, closes: string): SeedScheduleRule => ({
  byDay,
  opens,
  closes,
});

const SESSION_WINDOWS: [string, string][] = [
  ['09:00', '11:00'],
  ['09:30', '11:30'],
  ['10:00', '11:30'],
  ['13:30', '15:30'],
  ['14:00', '16:00'],
  ['14:30', '16:30'],
];

export function schedule(rng: Rng, slot: Slot | undefined, c: SeedCenter): SeedScheduleRule[] {
  const days = openDays(c);
  const hub = c.kind === 'HUB';
  switch (slot) {
    case 'MEALS':
      return hub
        ? [rule(days, '11:00', '13:00'), rule(days, '17:00', '18:30')]
        : [rule(days, '11:00', '12:30')];
    case 'CLINIC':
      if (hub)
        return [
          rule(WORKDAYS, '08:30', '11:30'),
          rule(WORKDAYS, '13:30', '16:30'),
          rule(['SA'], '08:30', '11:30'),
        ];
      if (c.kind === 'VILLAGE_CENTER')
        return [rule(days, '08:30', '11:30'), rule(WORKDAYS, '13:30', '16:00')];
      return [rule(someDays(rng, WORKDAYS, 2, 3), '08:30', '11:30')];
    case 'OFFICE':
      if (hub) {
        const rules = [rule(WORKDAYS, '09:00', '11:30'), rule(WORKDAYS, '13:30', '17:00')];
        if (rng.chance(0.5)) rules.push(rule(['SA'], '09:00', '12:00'));
        return rules;
      }
      {
        const d = someDays(rng, days, 2, 3);
        return rng.chance(0.5)
          ? [rule(d, '09:00', '11:30'), rule(d, '13:30', '16:30')]
          : [rule(d, '09:00', '11:30')];
      }
    case 'AFTER_SCHOOL':
      return [rule(WORKDAYS, '15:30', hub ? '17:30' : '17:00')];
    case 'EVENING':
      return hub
        ? [rule(someDays(rng, WORKDAYS, 1, 2), '18:30', '20:00')]
        : [rule(someDays(rng, days, 1, 1), '14:00', '16:00')];
    case 'NOON':
      return [rule(someDays(rng, WORKDAYS, 2, 3), '12:00', '13:00')];
    case 'DAYTIME':
      return hub ? [rule(days, '09:00', '17:00')] : [rule(days, '08:30', '16:30')];
    default: {
      const [opens, closes] = rng.pick(SESSION_WINDOWS);
      return [rule(someDays(rng, days, 1, 3), opens, closes)];
    }
  }
}

/** Occasionally a center charges differently from the menu's fee. */
function feeOverride(rng: Rng, s: BuiltService): string | undefined {
  const { entry } = s;
  if (entry.fee === '免费' || !rng.chance(0.12)) return undefined;
  if (entry.slot === 'MEALS' && entry.fee.endsWith('元/餐起'))
    return `${rng.pick([10, 12, 13, 15])}元/餐（80岁以上老人另享补贴）`;
  if (entry.requires === 'BARBER') return `${rng.pick([8, 10, 12])}元/次`;
  if (entry.fee.startsWith('材料费')) return '免费（材料由街镇承担）';
  return undefined;
}

export function buildOfferings(centers: readonly SeedCenter[], services: DistrictServices): SeedOffering[] {
  const out: SeedOffering[] = [];
  for (const c of centers) {
    const rng = new Rng(`offerings:${c.code}`);
    const limits = OFFERING_LIMITS[c.kind];
    const possible = services.district.filter((s) => canOffer(c, s.entry.requires));
    const linked = possible.filter((s) => s.entry.requires);
    const free = possible.filter((s) => !s.entry.requires);
    const k = Math.max(rng.int(limits.district[0], limits.district[1]), linked.length);
    const chosen = new Set([...linked, ...rng.sample(free, k - linked.length)]);
    const district = possible.filter((s) => chosen.has(s)); // menu order
    const mobile = rng
      .sample(
        services.mobile.filter((s) => canOffer(c, s.entry.requires)),
        rng.int(limits.mobile[0], limits.mobile[1]),
      )
      .sort((a, b) => (a.item.code < b.item.code ? -1 : 1));
    const features = (services.features.get(c.streetCode) ?? []).filter((s) => canOffer(c, s.entry.requires));
    for (const s of [...district, ...mobile, ...features]) {
      const offering: SeedOffering = {
        centerCode: c.code,
        serviceCode: s.item.code,
        schedule: schedule(rng, s.entry.slot, c),
      };
      const fee = feeOverride(rng, s);
      if (fee) offering.fee = fee;
      out.push(offering);
    }
  }
  return out;
}
