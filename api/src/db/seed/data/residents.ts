// Demo residents (居民) of 普陀区: 13800000001 … 13800000040, each with a home center (我的中心).
// They sign in with a one-time code (in development the code is in the log and in the
// devLoginCodes query). In the database they are the app_user rows with role RESIDENT and
// is_demo; find one by number with phone_hash = hashPhone(phone) (auth/phone-crypto.ts).
import { residentDisplayName } from '../../../modules/residents/resident-names';
import type { SeedCenter, SeedRegion, SeedResident } from '../seed-types';
import { PUTUO } from './districts';

export const DEMO_RESIDENT_COUNT = 40;

/** The number of demo resident n (1-based): 13800000001 … 13800000040. */
export const demoResidentPhone = (n: number): string => `1380000${String(n).padStart(4, '0')}`;

/**
 * Home centers go round the Putuo centers: first the hubs of 长征镇 and 桃浦镇 (where the demo
 * street admins and staff work), then the others in code order. With 40 residents and 32 hubs
 * those eight get two residents each; 13800000001 lives by the first 长征镇 hub.
 */
export function buildResidents(
  regions: readonly SeedRegion[],
  centers: readonly SeedCenter[],
): SeedResident[] {
  const streetName = new Map(
    regions.filter((r) => r.level === 'STREET' && r.parentCode === PUTUO.code).map((r) => [r.code, r.name]),
  );
  const putuo = centers.filter((c) => streetName.has(c.streetCode));
  const rank = (c: SeedCenter) => {
    const street = streetName.get(c.streetCode);
    return street === '长征镇' ? 0 : street === '桃浦镇' ? 1 : 2;
  };
  const ordered = [...putuo].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
  if (ordered.length === 0) throw new Error('no Putuo centers for the demo residents');
  return Array.from({ length: DEMO_RESIDENT_COUNT }, (_, i) => {
    const phone = demoResidentPhone(i + 1);
    return {
      phone,
      displayName: residentDisplayName(phone),
      homeCenterCode: ordered[i % ordered.length].code,
    };
  });
}
