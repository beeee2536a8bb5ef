// Writes SeedData into an empty database in one transaction. Deterministic: the same data
// gives the same rows (ids follow insertion order).
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { logger } from '../../logger';
import { DEMO_PASSWORD, type SeedData } from './seed-types';

async function insertJson<T extends object>(
  em: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: T[],
  /** what the caller needs back: ids and codes to resolve later rows, or nothing */
  returning: 'id, code' | 'nothing' = 'id, code',
): Promise<{ id: number; code: string }[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const defs = names.map((n) => `${n} ${columns[n]}`).join(', ');
  const out: { id: number; code: string }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const result: { id: number; code: string }[] = await em.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS x(${defs})
       ${returning === 'nothing' ? '' : 'RETURNING id, code'}`,
      [JSON.stringify(chunk)],
    );
    out.push(...result);
  }
  return out;
}

export async function isEmpty(db: DataSource): Promise<boolean> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM region`);
  return n === 0;
}

export async function writeSeed(db: DataSource, data: SeedData): Promise<void> {
  const started = Date.now();
  const hashes = await Promise.all(data.users.map(() => hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (em) => {
    const regionId = new Map<string, number>();
    const byCode = new Map(data.regions.map((r) => [r.code, r]));
    for (const level of ['DISTRICT', 'STREET', 'COMMUNITY'] as const) {
      const rows = data.regions
        .filter((r) => r.level === level)
        .map((r) => {
          const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
          const parentId = r.parentCode ? regionId.get(r.parentCode) : null;
          if (r.parentCode && parentId === undefined)
            throw new Error(`region ${r.code}: unknown parent ${r.parentCode}`);
          const districtId =
            level === 'DISTRICT'
              ? null
              : level === 'STREET'
                ? parentId
                : regionId.get(parent?.parentCode ?? '');
          return {
            code: r.code,
            name: r.name,
            level,
            community_kind: r.communityKind ?? null,
            parent_id: parentId ?? null,
            district_id: districtId ?? null,
            street_id: level === 'COMMUNITY' ? parentId : null,
            population: r.population ?? null,
            lat: r.lat ?? null,
            lng: r.lng ?? null,
          };
        });
      const inserted = await insertJson(
        em,
        'region',
        {
          code: 'text',
          name: 'text',
          level: 'text',
          community_kind: 'text',
          parent_id: 'int',
          district_id: 'int',
          street_id: 'int',
          population: 'int',
          lat: 'float8',
          lng: 'float8',
        },
        rows,
      );
      for (const r of inserted) regionId.set(r.code, r.id);
    }
    // districts and streets point at themselves, so scope checks need no level test
    await em.query(`UPDATE region SET district_id = id WHERE level = 'DISTRICT'`);
    await em.query(`UPDATE region SET street_id = id WHERE level = 'STREET'`);

    const need = (code: string, what: string): number => {
      const id = regionId.get(code);
      if (id === undefined) throw new Error(`${what}: unknown region ${code}`);
      return id;
    };
    const centers = await insertJson(
      em,
      'center',
      {
        code: 'text',
        name: 'text',
        kind: 'text',
        brand: 'text',
        address: 'text',
        lat: 'float8',
        lng: 'float8',
        floor_area: 'float8',
        floors: 'int',
        opening_hours: 'text',
        phone: 'text',
        district_id: 'int',
        street_id: 'int',
        facilities: 'text[]',
        zones: 'text[]',
      },
      data.centers.map((c) => {
        const street = byCode.get(c.streetCode);
        return {
          code: c.code,
          name: c.name,
          kind: c.kind,
          brand: c.brand ?? null,
          address: c.address,
          lat: c.lat,
          lng: c.lng,
          floor_area: c.floorArea ?? null,
          floors: c.floors ?? null,
          opening_hours: c.openingHours ?? null,
          phone: c.phone ?? null,
          district_id: need(street?.parentCode ?? '', `center ${c.code}`),
          street_id: need(c.streetCode, `center ${c.code}`),
          facilities: `{${c.facilities.join(',')}}`,
          zones: `{${c.zones.join(',')}}`,
        };
      }),
    );
    const centerId = new Map(centers.map((c) => [c.code, c.id]));
    await insertJson(
      em,
      'center_community',
      { center_id: 'int', community_id: 'int' },
      data.centers.flatMap((c) =>
        c.coveredCommunityCodes.map((code) => ({
          center_id: centerId.get(c.code),
          community_id: need(code, `center ${c.code}`),
        })),
      ),
      'nothing',
    );

    const services = await insertJson(
      em,
      'service_item',
      {
        code: 'text',
        name: 'text',
        description: 'text',
        category: 'text',
        menu: 'text',
        owner_region_id: 'int',
        district_id: 'int',
        provider: 'text',
        department: 'text',
        audience: 'text[]',
        fee: 'text',
      },
      data.services.map((s) => {
        const owner = byCode.get(s.ownerRegionCode);
        const districtCode = owner?.level === 'DISTRICT' ? owner.code : (owner?.parentCode ?? '');
        return {
          code: s.code,
          name: s.name,
          description: s.description ?? null,
          category: s.category,
          menu: s.menu,
          owner_region_id: need(s.ownerRegionCode, `service ${s.code}`),
          district_id: need(districtCode, `service ${s.code}`),
          provider: s.provider ?? null,
          department: s.department ?? null,
          audience: `{${s.audience.join(',')}}`,
          fee: s.fee ?? null,
        };
      }),
    );
    const serviceId = new Map(services.map((s) => [s.code, s.id]));
    await insertJson(
      em,
      'service_offering',
      { center_id: 'int', service_id: 'int', schedule: 'jsonb', fee: 'text' },
      data.offerings.map((o) => {
        const c = centerId.get(o.centerCode);
        const s = serviceId.get(o.serviceCode);
        if (c === undefined || s === undefined)
          throw new Error(`offering ${o.centerCode}/${o.serviceCode}: unknown`);
        return { center_id: c, service_id: s, schedule: o.schedule, fee: o.fee ?? null };
      }),
      'nothing',
    );

    await insertJson(
      em,
      'app_user',
      {
        username: 'text',
        display_name: 'text',
        role: 'text',
        password_hash: 'text',
        scope_region_id: 'int',
        center_id: 'int',
        is_demo: 'boolean',
      },
      data.users.map((u, i) => ({
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        password_hash: hashes[i],
        scope_region_id: u.scopeRegionCode ? need(u.scopeRegionCode, `user ${u.username}`) : null,
        center_id: u.centerCode ? (centerId.get(u.centerCode) ?? null) : null,
        is_demo: true,
      })),
      'nothing',
    );
  });
  logger.info(
    {
      regions: data.regions.length,
      centers: data.centers.length,
      services: data.services.length,
      offerings: data.offerings.length,
      ms: Date.now() - started,
    },
    'demo data written',
  );
}
