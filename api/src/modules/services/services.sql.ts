// Offerings and service items for compiled directory reads (graphql/sql-read.ts): a center's
// offerings in id order (the loaders' order), each offering's item, and the reverse relations.
import { offeringsScope } from '../../auth/policy';
import {
  related,
  relatedList,
  scalar,
  sqlDateTime,
  sqlId,
  type FieldSql,
  type SqlReadModule,
} from '../../graphql/sql-read';
import { scopeSql } from '../places/places.sql';

const offering: Record<string, FieldSql> = {
  id: scalar((o) => sqlId(`${o}.id`)),
  fee: scalar((o) => `${o}.fee`),
  capacity: scalar((o) => `${o}.capacity`),
  updatedAt: scalar((o) => sqlDateTime(`${o}.updated_at`)),
  // the stored rules, each with the fields asked for (a missing optional key answers null)
  schedule: (b, o, f) => {
    if (Object.keys(f.args).length) return null;
    const e = b.alias('sr');
    const obj = b.object('ScheduleRule', e, f.selection);
    return obj === null
      ? null
      : `coalesce((SELECT json_agg(${obj} ORDER BY ${e}.i) FROM jsonb_array_elements(${o}.schedule) WITH ORDINALITY ${e}(rule, i)), '[]'::json)`;
  },
  service: related('ServiceItem', 'si', (o, s) => `service_item ${s} WHERE ${s}.id = ${o}.service_id`),
  center: related('Center', 'oc', (o, c) => `center ${c} WHERE ${c}.id = ${o}.center_id`),
};

const scheduleRule: Record<string, FieldSql> = {
  byDay: scalar((e) => `${e}.rule->'byDay'`),
  opens: scalar((e) => `${e}.rule->'opens'`),
  closes: scalar((e) => `${e}.rule->'closes'`),
  validFrom: scalar((e) => `${e}.rule->'validFrom'`),
  validUntil: scalar((e) => `${e}.rule->'validUntil'`),
};

const item: Record<string, FieldSql> = {
  id: scalar((s) => sqlId(`${s}.id`)),
  code: scalar((s) => `${s}.code`),
  name: scalar((s) => `${s}.name`),
  description: scalar((s) => `${s}.description`),
  category: scalar((s) => `${s}.category`),
  menu: scalar((s) => `${s}.menu`),
  provider: scalar((s) => `${s}.provider`),
  department: scalar((s) => `${s}.department`),
  audience: scalar((s) => `${s}.audience`),
  fee: scalar((s) => `${s}.fee`),
  retiredAt: scalar((s) => sqlDateTime(`${s}.retired_at`)),
  promotedFrom: scalar((s) => `${s}.promoted_from`),
  updatedAt: scalar((s) => sqlDateTime(`${s}.updated_at`)),
  ownerRegion: related('Region', 'ow', (s, r) => `region ${r} WHERE ${r}.id = ${s}.owner_region_id`),
  offerings: relatedList(
    'ServiceOffering',
    'io',
    (s, o) => `service_offering ${o} WHERE ${o}.service_id = ${s}.id`,
    (o) => `${o}.id`,
  ),
};

const center: Record<string, FieldSql> = {
  offerings: relatedList(
    'ServiceOffering',
    'co',
    (c, o) => `service_offering ${o} WHERE ${o}.center_id = ${c}.id`,
    (o) => `${o}.id`,
  ),
  viewerCanEditOfferings: (b, c, f) =>
    Object.keys(f.args).length
      ? null
      : scopeSql(b, offeringsScope(b.ctx.viewer), {
          districtId: `${c}.district_id`,
          streetId: `${c}.street_id`,
          centerId: `${c}.id`,
        }),
};

export const servicesSqlReads: SqlReadModule = {
  types: { ServiceOffering: offering, ScheduleRule: scheduleRule, ServiceItem: item, Center: center },
};
