// The directory as Open Referral HSDS 3: organizations = the offices that run centers and keep menus
// (a district's office, a street/town's office), services = service items, locations = centers,
// service_at_location = offerings, schedules = the offerings' weekly rules, taxonomy = the seven
// categories and the three menus (as attributes with taxonomy terms), cost options = fees.
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_MENUS,
  SERVICE_MENU_LABELS,
  type ServiceCategory,
  type ServiceMenu,
} from '@lc/domain';
import { hsdsId } from './hsds-ids';

export const HSDS_TAXONOMY = 'life-circle';

export interface OrgRow {
  id: number;
  name: string;
  level: string;
  parent_id: number | null;
  district_name: string | null;
}
export interface ServiceRow {
  id: number;
  name: string;
  description: string | null;
  category: ServiceCategory;
  menu: ServiceMenu;
  owner_region_id: number;
  provider: string | null;
  department: string | null;
  audience: string[];
  fee: string | null;
  retired_at: Date | null;
  updated_at: Date;
}
export interface CenterRow {
  id: number;
  name: string;
  brand: string | null;
  kind: string;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
  opening_hours: string | null;
  street_id: number;
  street_name: string;
  district_name: string;
}
export interface OfferingRow {
  id: number;
  center_id: number;
  service_id: number;
  schedule: {
    byDay: string[];
    opens: string;
    closes: string;
    validFrom?: string | null;
    validUntil?: string | null;
  }[];
  fee: string | null;
  capacity: number | null;
  updated_at: Date;
}

/** The taxonomy terms: seven categories (offset 1..7) and three menus (offset 101..103). */
const CATEGORY_TERM = (c: ServiceCategory) => SERVICE_CATEGORIES.indexOf(c) + 1;
const MENU_TERM = (m: ServiceMenu) => SERVICE_MENUS.indexOf(m) + 101;

export function taxonomyTerm(kind: 'category' | 'menu', code: string) {
  const id = kind === 'category' ? CATEGORY_TERM(code as ServiceCategory) : MENU_TERM(code as ServiceMenu);
  const label =
    kind === 'category'
      ? SERVICE_CATEGORY_LABELS[code as ServiceCategory]
      : SERVICE_MENU_LABELS[code as ServiceMenu];
  return {
    id: hsdsId('taxonomy_term', id),
    code,
    name: label['zh-CN'],
    description: `${kind === 'category' ? '服务类别' : '服务清单'}：${label['zh-CN']} / ${label.en}`,
    taxonomy: `${HSDS_TAXONOMY}:${kind}`,
    language: 'zh-CN',
  };
}

export function allTaxonomyTerms() {
  return [
    ...SERVICE_CATEGORIES.map((c) => taxonomyTerm('category', c)),
    ...SERVICE_MENUS.map((m) => taxonomyTerm('menu', m)),
  ];
}

export function organization(o: OrgRow) {
  const isDistrict = o.level === 'DISTRICT';
  return {
    id: hsdsId('organization', o.id),
    name: isDistrict ? `${o.name}社区生活圈办公室` : `${o.name}社区生活圈工作组`,
    alternate_name: o.name,
    description: isDistrict
      ? `${o.name}：维护区级服务清单和流动配送清单，统筹辖区服务阵地 / the district office keeping the district and mobile menus`
      : `${o.district_name ?? ''}${o.name}：运营本街镇服务阵地，维护街镇特色清单 / the street/town office running its centers and featured menu`,
    parent_organization_id: o.parent_id ? hsdsId('organization', o.parent_id) : undefined,
  };
}

function attributes(s: ServiceRow) {
  return (['category', 'menu'] as const).map((kind) => {
    const code = kind === 'category' ? s.category : s.menu;
    const term = taxonomyTerm(kind, code);
    const termNumber = kind === 'category' ? CATEGORY_TERM(s.category) : MENU_TERM(s.menu);
    return {
      id: hsdsId('attribute', s.id * 1000 + termNumber),
      link_id: hsdsId('service', s.id),
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      value: code,
      taxonomy_term: term,
    };
  });
}

/** One-to-one fields of a service (the list endpoint). */
export function serviceListItem(s: ServiceRow, org: OrgRow | null) {
  return {
    id: hsdsId('service', s.id),
    organization_id: hsdsId('organization', s.owner_region_id),
    name: s.name,
    description: s.description ?? s.name,
    status: s.retired_at ? 'inactive' : 'active',
    fees_description: s.fee ?? undefined,
    eligibility_description: s.audience.length ? s.audience.join('、') : undefined,
    last_modified: new Date(s.updated_at).toISOString(),
    ...(org ? { organization: organization(org) } : {}),
  };
}

export function location(c: CenterRow) {
  return {
    id: hsdsId('location', c.id),
    location_type: 'physical',
    organization_id: hsdsId('organization', c.street_id),
    name: c.name,
    alternate_name: c.brand ?? undefined,
    description: `${c.district_name}${c.street_name} · ${c.kind}`,
    latitude: c.lat,
    longitude: c.lng,
    external_identifier: String(c.id),
    external_identifier_type: 'life-circle center id',
  };
}

function fullLocation(c: CenterRow) {
  return {
    ...location(c),
    addresses: [
      {
        id: hsdsId('address', c.id),
        location_id: hsdsId('location', c.id),
        address_1: c.address,
        city: '上海市',
        region: c.district_name,
        state_province: '上海市',
        postal_code: '200000',
        country: 'CN',
        address_type: 'physical',
      },
    ],
    phones: c.phone
      ? [{ id: hsdsId('phone', c.id), location_id: hsdsId('location', c.id), number: c.phone }]
      : [],
  };
}

export function schedules(o: OfferingRow) {
  return o.schedule.map((r, i) => ({
    id: hsdsId('schedule', o.id * 64 + i),
    service_id: hsdsId('service', o.service_id),
    location_id: hsdsId('location', o.center_id),
    service_at_location_id: hsdsId('service_at_location', o.id),
    freq: 'WEEKLY',
    wkst: 'MO',
    interval: 1,
    byday: r.byDay.join(','),
    opens_at: r.opens,
    closes_at: r.closes,
    valid_from: r.validFrom ?? undefined,
    valid_to: r.validUntil ?? undefined,
    timezone: 8,
    description: `${r.byDay.join(',')} ${r.opens}-${r.closes}`,
  }));
}

/** One-to-one fields of a service at a location (the list endpoint). */
export function serviceAtLocationListItem(o: OfferingRow, c: CenterRow, s: ServiceRow, org: OrgRow | null) {
  return {
    id: hsdsId('service_at_location', o.id),
    service_id: hsdsId('service', o.service_id),
    location_id: hsdsId('location', o.center_id),
    description: `${c.name}提供「${s.name}」${o.capacity ? `，每次${o.capacity}个名额` : ''}`,
    location: location(c),
    service: serviceListItem(s, org),
  };
}

/** A whole service with everything nested (GET /services/{id}, the download). */
export function fullService(
  s: ServiceRow,
  org: OrgRow | null,
  offerings: { offering: OfferingRow; center: CenterRow }[],
) {
  return {
    ...serviceListItem(s, null),
    ...(org ? { organization: organization(org) } : {}),
    attributes: attributes(s),
    cost_options: s.fee
      ? [
          {
            id: hsdsId('cost_option', s.id),
            service_id: hsdsId('service', s.id),
            option: s.fee,
            currency: 'CNY',
          },
        ]
      : [],
    service_at_locations: offerings.map(({ offering, center }) => ({
      id: hsdsId('service_at_location', offering.id),
      service_id: hsdsId('service', s.id),
      location_id: hsdsId('location', center.id),
      description: `${center.name}提供「${s.name}」`,
      schedules: schedules(offering),
      location: fullLocation(center),
    })),
  };
}

/** Removes undefined members so the JSON carries only what is known. */
export function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
