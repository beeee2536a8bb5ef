// Turns the hand-written catalogues into SeedServiceItems with stable codes:
// '<PT|JD|PD>-D-001' district menu, '-M-001' mobile menu, '-F-<street>-01' street features.
import type { ServiceMenu } from '@lc/domain';
import type { SeedServiceItem } from '../seed-types';
import type { CatalogueEntry } from './catalogue-types';
import { MOBILE_ROWS, STREET_FEATURE_ROWS } from './mobile-and-features';
import { pad } from './naming';
import { DISTRICT_CATALOGUE } from './services-catalogue';
import type { DistrictBuild } from './types';

/** A service item together with the hints that shape its offerings. */
export interface BuiltService {
  item: SeedServiceItem;
  entry: CatalogueEntry;
}

export interface DistrictServices {
  district: BuiltService[];
  mobile: BuiltService[];
  /** by street code */
  features: Map<string, BuiltService[]>;
}

function toItem(
  entry: CatalogueEntry,
  code: string,
  menu: ServiceMenu,
  owner: string,
  districtName: string,
): BuiltService {
  const item: SeedServiceItem = {
    code,
    name: entry.name,
    description: entry.description,
    category: entry.category,
    menu,
    ownerRegionCode: owner,
    provider: entry.provider.replace(/\{区\}/g, districtName),
    audience: [...entry.audience],
    fee: entry.fee,
  };
  if (entry.department) item.department = entry.department;
  return { item, entry };
}

export function buildServices(build: DistrictBuild): DistrictServices {
  const d = build.district;
  const district = DISTRICT_CATALOGUE.map((e, i) =>
    toItem(e, `${d.prefix}-D-${pad(i + 1, 3)}`, 'DISTRICT', d.code, d.name),
  );
  const mobile = (MOBILE_ROWS[d.code] ?? []).map((e, i) =>
    toItem(e, `${d.prefix}-M-${pad(i + 1, 3)}`, 'MOBILE', d.code, d.name),
  );
  const features = new Map<string, BuiltService[]>();
  for (const [streetName, entries] of Object.entries(STREET_FEATURE_ROWS[d.code] ?? {})) {
    const street = build.streets.find((s) => s.name === streetName);
    if (!street) throw new Error(`street feature menu for unknown street ${streetName}`);
    const suffix = street.code.slice(d.code.length);
    features.set(
      street.code,
      entries.map((e, i) =>
        toItem(e, `${d.prefix}-F-${suffix}-${pad(i + 1, 2)}`, 'STREET_FEATURE', street.code, d.name),
      ),
    );
  }
  return { district, mobile, features };
}

export function allItems(s: DistrictServices): SeedServiceItem[] {
  return [...s.district, ...s.mobile, ...[...s.features.values()].flat()].map((b) => b.item);
}
