// Writes SeedData into an empty database in one transaction. Deterministic: the same data
// gives the same rows (ids follow insertion order; encrypted phone numbers get fresh random IVs).
import type { DataSource, EntityManager } from 'typeorm';
import { maskPhone } from '@lc/domain';
import { hashPassword } from '../../auth/password';
import { encryptPersonal, hashPhone } from '../../auth/phone-crypto';
import { config } from '../../config';
import { logger } from '../../logger';
import { residentUsername } from '../../modules/residents/resident-names';
import { syncDemandStatuses } from '../../modules/demands/demand-status';
import { DEMO_PASSWORD, type SeedData } from './seed-types';
import type { MeetingKind, ProjectStatus } from '@lc/domain';
import { DIMENSIONS, type Dimension, type TrainingTrack } from '@lc/domain';
import { PUTUO } from './data/districts';
import { rebuildDerivedRollups } from '../../modules/satisfaction/rollups';
import { Rng } from './data/prng';
import { writeCasesDemo } from './cases-demo';
import { writePeopleDemo } from './people';

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

    // Demo residents: real-looking numbers, so never in production (a real 13800000001 could
    // not sign in past a demo account).
    const residents = config.isProduction ? [] : (data.residents ?? []);
    await insertJson(
      em,
      'app_user',
      {
        username: 'text',
        display_name: 'text',
        role: 'text',
        phone_enc: 'text',
        phone_hash: 'text',
        phone_masked: 'text',
        home_center_id: 'int',
        is_demo: 'boolean',
      },
      residents.map((r) => {
        const phoneHash = hashPhone(r.phone);
        const homeCenterId = centerId.get(r.homeCenterCode);
        if (homeCenterId === undefined)
          throw new Error(`resident ${r.phone}: unknown center ${r.homeCenterCode}`);
        return {
          username: residentUsername(phoneHash),
          display_name: r.displayName,
          role: 'RESIDENT',
          phone_enc: encryptPersonal(r.phone),
          phone_hash: phoneHash,
          phone_masked: maskPhone(r.phone),
          home_center_id: homeCenterId,
          is_demo: true,
        };
      }),
      'nothing',
    );
    if (residents.length) await writeDeliveryOrders(em, data, centerId, serviceId);
    if (data.planning) await writePlanning(em, data);
    if (!config.isProduction) await writeSatisfactionDemo(em);
    if (!config.isProduction) await writeCasesDemo(em);
    if (!config.isProduction) await writePeopleDemo(em);
  });
  logger.info(
    {
      regions: data.regions.length,
      centers: data.centers.length,
      services: data.services.length,
      offerings: data.offerings.length,
      residents: config.isProduction ? 0 : (data.residents?.length ?? 0),
      deliveryOrders: config.isProduction ? 0 : (data.deliveryOrders?.length ?? 0),
      projects: data.planning?.projects.length ?? 0,
      ms: Date.now() - started,
    },
    'demo data written',
  );
}

/** Demo orders of the demo residents, then each order's event history derived from its status. */
async function writeDeliveryOrders(
  em: EntityManager,
  data: SeedData,
  centerId: Map<string, number>,
  serviceId: Map<string, number>,
): Promise<void> {
  const residentRows: { id: number; phone_hash: string }[] = await em.query(
    `SELECT id, phone_hash FROM app_user WHERE role = 'RESIDENT'`,
  );
  const residentId = new Map(residentRows.map((r) => [r.phone_hash, r.id]));
  const centerById = new Map(data.centers.map((c) => [c.code, c]));
  const regionRows: { id: number; code: string }[] = await em.query(
    `SELECT id, code FROM region WHERE level <> 'COMMUNITY'`,
  );
  const regionId = new Map(regionRows.map((r) => [r.code, r.id]));
  const parent = new Map(data.regions.map((r) => [r.code, r.parentCode]));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  await insertJson(
    em,
    'delivery_order',
    {
      resident_id: 'int',
      service_id: 'int',
      center_id: 'int',
      district_id: 'int',
      street_id: 'int',
      note: 'text',
      status: 'text',
      scheduled_for: 'timestamptz',
      reason: 'text',
      rating: 'smallint',
      comment: 'text',
      requested_at: 'timestamptz',
      delivered_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    (data.deliveryOrders ?? []).map((o) => {
      const center = centerById.get(o.centerCode);
      const rid = residentId.get(hashPhone(o.residentPhone));
      if (!center || rid === undefined)
        throw new Error(`order of ${o.residentPhone}: unknown center or resident`);
      const districtCode = parent.get(center.streetCode) as string;
      return {
        resident_id: rid,
        service_id: serviceId.get(o.serviceCode),
        center_id: centerId.get(o.centerCode),
        district_id: regionId.get(districtCode),
        street_id: regionId.get(center.streetCode),
        note: o.note,
        status: o.status,
        scheduled_for: iso(o.scheduledFor),
        reason: o.reason,
        rating: o.rating,
        comment: o.comment,
        requested_at: iso(o.requestedAt),
        delivered_at: iso(o.deliveredAt),
        updated_at: iso(o.deliveredAt ?? o.requestedAt),
      };
    }),
    'nothing',
  );
  // Each status implies the steps before it (see DELIVERY_TRANSITIONS); staff steps have no actor
  // in the demo (most centers have no demo staff account).
  await em.query(`
    WITH steps(status, n, from_status, to_status, by_resident) AS (VALUES
      ('REQUESTED', 0, NULL, 'REQUESTED', true),
      ('ACCEPTED', 1, 'REQUESTED', 'ACCEPTED', false),
      ('SCHEDULED', 2, 'ACCEPTED', 'SCHEDULED', false),
      ('DELIVERED', 3, 'SCHEDULED', 'DELIVERED', false),
      ('RATED', 4, 'DELIVERED', 'RATED', true),
      ('REJECTED', 1, 'REQUESTED', 'REJECTED', false),
      ('CANCELLED', 1, 'REQUESTED', 'CANCELLED', true)),
    paths(final, status) AS (VALUES
      ('REQUESTED', 'REQUESTED'),
      ('ACCEPTED', 'REQUESTED'), ('ACCEPTED', 'ACCEPTED'),
      ('SCHEDULED', 'REQUESTED'), ('SCHEDULED', 'ACCEPTED'), ('SCHEDULED', 'SCHEDULED'),
      ('DELIVERED', 'REQUESTED'), ('DELIVERED', 'ACCEPTED'), ('DELIVERED', 'SCHEDULED'), ('DELIVERED', 'DELIVERED'),
      ('RATED', 'REQUESTED'), ('RATED', 'ACCEPTED'), ('RATED', 'SCHEDULED'), ('RATED', 'DELIVERED'), ('RATED', 'RATED'),
      ('REJECTED', 'REQUESTED'), ('REJECTED', 'REJECTED'),
      ('CANCELLED', 'REQUESTED'), ('CANCELLED', 'CANCELLED'))
    INSERT INTO delivery_order_event (order_id, from_status, to_status, actor_id, at, reason, scheduled_for, rating)
    SELECT o.id, s.from_status, s.to_status, CASE WHEN s.by_resident THEN o.resident_id END,
           CASE s.to_status
             WHEN 'REQUESTED' THEN o.requested_at
             WHEN 'DELIVERED' THEN o.delivered_at
             WHEN 'RATED' THEN o.delivered_at + interval '1 day'
             WHEN 'CANCELLED' THEN o.requested_at + interval '4 hours'
             ELSE o.requested_at + s.n * interval '1 day' END,
           CASE WHEN s.to_status IN ('REJECTED', 'CANCELLED') THEN o.reason
                WHEN s.to_status = 'REQUESTED' THEN o.note
                WHEN s.to_status = 'RATED' THEN o.comment END,
           CASE WHEN s.to_status = 'SCHEDULED' THEN o.scheduled_for END,
           CASE WHEN s.to_status = 'RATED' THEN o.rating END
    FROM delivery_order o
    JOIN paths p ON p.final = o.status
    JOIN steps s ON s.to_status = p.status
    ORDER BY o.id, s.n`);
  await em.query(
    `UPDATE delivery_order o SET version = (SELECT count(*) FROM delivery_order_event e WHERE e.order_id = o.id)`,
  );
}

/** The path a demo project took to its status (for its events), and the meetings it held. */
function projectHistory(status: ProjectStatus, publiclyFunded: boolean) {
  const full: ProjectStatus[] = ['HEARING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED'];
  if (status === 'PROPOSED') return { path: [] as ProjectStatus[], meetings: [] as [MeetingKind, string][] };
  if (status === 'REJECTED')
    return {
      path: ['HEARING', 'REJECTED'] as ProjectStatus[],
      meetings: [['HEARING', 'REJECTED']] as [MeetingKind, string][],
    };
  const path = full.slice(0, full.indexOf(status) + 1).filter((s) => publiclyFunded || s !== 'HEARING');
  const meetings: [MeetingKind, string][] = [];
  if (publiclyFunded && status !== 'HEARING') meetings.push(['HEARING', 'APPROVED']);
  if (['IN_PROGRESS', 'REVIEW', 'COMPLETED'].includes(status)) meetings.push(['COORDINATION', 'NOTED']);
  if (['REVIEW', 'COMPLETED'].includes(status)) meetings.push(['REVIEW', 'APPROVED']);
  return { path, meetings };
}

const MEETING_TEXT: Record<MeetingKind, { minutes: string; resolution: Record<string, string> }> = {
  HEARING: {
    minutes: '主持人介绍项目方案与预算，居民代表逐一发表意见，就费用分摊和施工时间进行讨论。',
    resolution: { APPROVED: '同意实施，施工安排在工作日白天', REJECTED: '居民意见分歧较大，暂不实施' },
  },
  COORDINATION: {
    minutes: '施工方通报进度，居民反映噪音问题，约定每天18点后停止施工。',
    resolution: { NOTED: '按约定时间施工，每周通报进度' },
  },
  REVIEW: {
    minutes: '居民代表实地查看并评议项目成效，满意度测评。',
    resolution: { APPROVED: '项目达到预期，评议通过' },
  },
};

/** Demo demands, resources and projects with their meetings and timelines. */
async function writePlanning(em: EntityManager, data: SeedData): Promise<void> {
  const planning = data.planning!;
  const day = 86400_000;
  const regionRows: { id: number; code: string; parent_id: number | null; level: string }[] = await em.query(
    `SELECT id, code, parent_id, level FROM region`,
  );
  const region = new Map(regionRows.map((r) => [r.code, r]));
  const byId = new Map(regionRows.map((r) => [r.id, r]));
  const now = Date.UTC(2026, 10, 20, 2, 0, 0);
  const demandId = new Map<string, number>();
  for (const d of planning.demands) {
    const community = region.get(d.communityCode)!;
    const street = byId.get(community.parent_id!)!;
    const [row] = await em.query(
      `INSERT INTO demand (title, description, category, community_id, street_id, district_id, source, seconds, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        d.title,
        d.description,
        d.category,
        community.id,
        street.id,
        street.parent_id,
        d.source,
        d.seconds,
        new Date(now - d.daysAgo * day),
      ],
    );
    demandId.set(d.key, row.id);
    // the +1s come from demo residents, so the count matches the seconding records
    await em.query(
      `INSERT INTO demand_second (demand_id, resident_id)
       SELECT $1, id FROM app_user WHERE role = 'RESIDENT' ORDER BY id LIMIT $2`,
      [row.id, d.seconds],
    );
    await em.query(
      `UPDATE demand SET seconds = (SELECT count(*) FROM demand_second WHERE demand_id = $1) WHERE id = $1`,
      [row.id],
    );
  }
  const resourceId = new Map<string, number>();
  for (const r of planning.resources) {
    const served = region.get(r.regionCode)!;
    const districtId =
      served.level === 'DISTRICT'
        ? served.id
        : served.level === 'STREET'
          ? served.parent_id!
          : byId.get(served.parent_id!)!.parent_id!;
    const [row] = await em.query(
      `INSERT INTO resource (name, kind, category, region_id, district_id, street_id, capacity, availability,
                             contact_name_enc, contact_phone_enc, contact_masked, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true) RETURNING id`,
      [
        r.name,
        r.kind,
        r.category,
        served.id,
        districtId,
        r.streetCode ? region.get(r.streetCode)!.id : null,
        r.capacity,
        r.availability,
        encryptPersonal(r.contactName),
        encryptPersonal(r.contactPhone),
        `${r.contactName.slice(0, 1)}${'*'.repeat(r.contactName.length - 1)} ${maskPhone(r.contactPhone)}`,
      ],
    );
    resourceId.set(r.key, row.id);
  }
  for (const p of planning.projects) {
    const street = region.get(p.streetCode)!;
    const created = now - p.daysAgo * day;
    const [row] = await em.query(
      `INSERT INTO project (title, status, publicly_funded, budget_yuan, street_id, district_id, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id`,
      [p.title, p.status, p.publiclyFunded, p.budgetYuan, street.id, street.parent_id, new Date(created)],
    );
    const id: number = row.id;
    for (const k of p.demandKeys)
      await em.query(`INSERT INTO project_demand VALUES ($1, $2)`, [id, demandId.get(k)]);
    for (const k of p.resourceKeys)
      await em.query(`INSERT INTO project_resource VALUES ($1, $2)`, [id, resourceId.get(k)]);
    await em.query(
      `INSERT INTO project_event (project_id, kind, to_status, actor_name, at) VALUES ($1, 'CREATED', 'PROPOSED', '街镇管理员', $2)`,
      [id, new Date(created)],
    );
    const { path, meetings } = projectHistory(p.status, p.publiclyFunded);
    let from: ProjectStatus = 'PROPOSED';
    let t = created;
    for (const to of path) {
      t += 7 * day;
      const kind =
        to === 'HEARING' || to === 'REJECTED'
          ? 'HEARING'
          : to === 'REVIEW'
            ? 'REVIEW'
            : to === 'IN_PROGRESS'
              ? 'COORDINATION'
              : null;
      const held = meetings.find(([k]) => k === kind);
      if (held && (to === 'HEARING' || to === 'REVIEW' || to === 'IN_PROGRESS' || to === 'REJECTED')) {
        const [m] = await em.query(
          `INSERT INTO meeting (project_id, kind, held_at, place, attendees, representatives, minutes, outcome, resolution, votes_for, votes_against, votes_abstain)
           VALUES ($1, $2, $3, '片区议事厅', 32, $4, $5, $6, $7, $8, $9, 2) RETURNING id`,
          [
            id,
            held[0],
            new Date(t - day),
            ['王阿姨', '李师傅', '陈老师'],
            MEETING_TEXT[held[0]].minutes,
            held[1],
            MEETING_TEXT[held[0]].resolution[held[1]],
            held[1] === 'REJECTED' ? 9 : 26,
            held[1] === 'REJECTED' ? 21 : 4,
          ],
        );
        await em.query(
          `INSERT INTO project_event (project_id, kind, meeting_id, actor_name, note, at) VALUES ($1, 'MEETING', $2, '街镇管理员', $3, $4)`,
          [id, m.id, MEETING_TEXT[held[0]].resolution[held[1]], new Date(t - day)],
        );
        meetings.splice(meetings.indexOf(held), 1);
      }
      await em.query(
        `INSERT INTO project_event (project_id, kind, from_status, to_status, actor_name, at) VALUES ($1, 'TRANSITION', $2, $3, '街镇管理员', $4)`,
        [id, from, to, new Date(t)],
      );
      from = to;
    }
    await em.query(`UPDATE project SET version = 1 + $2, updated_at = $3 WHERE id = $1`, [
      id,
      path.length,
      new Date(t),
    ]);
    if (p.status === 'HEARING' || p.status === 'PROPOSED') {
      await em.query(
        `UPDATE project SET next_meeting_kind = 'HEARING', next_meeting_at = $2, next_meeting_place = '片区议事厅' WHERE id = $1`,
        [id, new Date(Date.UTC(2026, 11, 5, 6, 0, 0))],
      );
    }
  }
  await syncDemandStatuses(em, [...demandId.values()]);
}

// ---------------------------------------------------------------------------------------------
// Satisfaction demo (issue 5): one open anonymous survey per Putuo hub with ~40 responses over the
// twelve months before 2026-11-20, the rollups built from them set-wise (one INSERT … SELECT …
// GROUP BY per rollup table), and two evaluations (八度空间) per hub with findings. Deterministic:
// each hub draws from its own stream. Not written in production (the figures are invented).

const DEMO_QUESTIONS = [
  { kind: 'SCORE', text: '您对片区中心的整体感受打几分？', dimension: 'RESIDENT_PERCEPTION' },
  { kind: 'SCORE', text: '工作人员的服务是否专业、耐心？', dimension: 'SERVICE_PROFESSIONALISM' },
  { kind: 'SCORE', text: '您是否容易找到并认出片区中心？', dimension: 'SITE_RECOGNITION' },
  {
    kind: 'SINGLE_CHOICE',
    text: '您最常使用的服务是？',
    options: ['助餐服务', '文体活动', '医疗健康', '政务代办', '儿童托管'],
  },
  { kind: 'TEXT', text: '您对片区中心还有什么意见或建议？' },
] as const;

const DEMO_COMPLAINTS = [
  '助餐点中午排队时间太长，希望增加窗口。',
  '活动室经常被占用，预约不上。',
  '门口的指示牌不清楚，第一次来找了很久。',
  '工作人员有时不在岗，咨询没人回答。',
  '空调温度太低，老人坐久了不舒服。',
  '周末开放时间太短，上班族用不上。',
  '卫生间有异味，希望加强保洁。',
  '线上预约流程太复杂，老年人不会操作。',
];
const DEMO_PRAISE = [
  '工作人员很热情，服务周到。',
  '助餐的饭菜味道不错，价格实惠。',
  '活动丰富，邻居们都愿意来。',
  '环境干净明亮，希望继续保持。',
];
const DEMO_FINDINGS: [TrainingTrack, string][] = [
  ['GOVERNANCE_INNOVATION', '议事协商多由工作人员主导，居民骨干参与不足'],
  ['GOVERNANCE_INNOVATION', '未建立居民需求的常态化收集与反馈机制'],
  ['SERVICE_PROFESSIONAL', '助老服务缺少持证专业人员，服务记录不完整'],
  ['SERVICE_PROFESSIONAL', '儿童托管活动设计单一，缺少分龄安排'],
  ['STANDARD_OPERATION', '场地预约台账与实际使用不符'],
  ['STANDARD_OPERATION', '消防通道有杂物堆放，安全巡查记录缺失'],
  ['BRAND_PROMOTION', '门头标识不统一，居民对"邻聚里"品牌认知度低'],
  ['BRAND_PROMOTION', '公众号更新不及时，活动宣传覆盖面窄'],
];

async function writeSatisfactionDemo(em: EntityManager): Promise<void> {
  const hubs: { id: number; code: string; name: string; street_id: number; district_id: number }[] =
    await em.query(
      `SELECT c.id, c.code, c.name, c.street_id, c.district_id FROM center c JOIN region d ON d.id = c.district_id
       WHERE d.code = $1 AND c.kind = 'HUB' ORDER BY c.code`,
      [PUTUO.code],
    );
  if (!hubs.length) return;
  const end = Date.UTC(2026, 10, 20, 0, 0, 0) - 8 * 3600_000; // 2026-11-20 00:00 in Shanghai
  const day = 86400_000;
  const surveys: { id: number; center_id: number }[] = await em.query(
    `INSERT INTO survey (title, description, scope_kind, center_id, district_id, street_id, status, anonymous, opens_at, created_at, updated_at)
     SELECT h.name || '居民满意度调查', '匿名填写，结果用于改进片区中心的服务。', 'CENTER', h.id, h.district_id, h.street_id,
            'OPEN', true, $2::timestamptz, $2::timestamptz, $2::timestamptz
     FROM json_to_recordset($1::json) AS h(id int, name text, district_id int, street_id int)
     RETURNING id, center_id`,
    [JSON.stringify(hubs), new Date(end - 366 * day)],
  );
  const surveyOf = new Map(surveys.map((s) => [s.center_id, s.id]));
  const questions: { id: number; survey_id: number; position: number }[] = await em.query(
    `INSERT INTO survey_question (survey_id, position, kind, text, required, options, dimension)
     SELECT s.id, q.position, q.kind, q.text, q.kind <> 'TEXT', q.options, q.dimension
     FROM unnest($1::int[]) AS s(id)
     CROSS JOIN json_to_recordset($2::json) AS q(position int, kind text, text text, options text[], dimension text)
     RETURNING id, survey_id, position`,
    [
      surveys.map((s) => s.id),
      JSON.stringify(
        DEMO_QUESTIONS.map((q, i) => ({
          position: i + 1,
          kind: q.kind,
          text: q.text,
          options: 'options' in q ? `{${q.options.join(',')}}` : null,
          dimension: 'dimension' in q ? q.dimension : null,
        })),
      ),
    ],
  );
  const questionId = new Map(questions.map((q) => [`${q.survey_id}:${q.position}`, q.id]));

  const responses: Record<string, unknown>[] = [];
  const answers: Record<string, unknown>[] = [];
  const [{ first }]: { first: string }[] = await em.query(
    `SELECT nextval('survey_response_id_seq') AS first`,
  );
  let nextId = Number(first);
  for (const hub of hubs) {
    const rng = new Rng(`satisfaction-demo:${hub.code}`);
    const surveyId = surveyOf.get(hub.id)!;
    const base = rng.range(8.0, 9.7);
    const n = rng.int(36, 44);
    for (let i = 0; i < n; i++) {
      const id = nextId++;
      // a Shanghai day of the last year, between 08:00 and 20:00
      const at = end - rng.int(1, 365) * day + rng.int(8 * 60, 20 * 60) * 60_000;
      const offline = rng.chance(0.25);
      const scores = [0, 1, 2].map(() => Math.max(0, Math.min(10, Math.round(base + rng.range(-2.4, 1.3)))));
      const mean = Math.round((scores.reduce((a, b) => a + b, 0) / 3) * 100) / 100;
      responses.push({
        id,
        survey_id: surveyId,
        center_id: hub.id,
        street_id: hub.street_id,
        district_id: hub.district_id,
        channel: offline ? 'OFFLINE' : 'ONLINE',
        entry_method: offline ? 'FORM' : 'APP',
        submitted_at: new Date(at).toISOString(),
        score: mean,
      });
      scores.forEach((score, q) =>
        answers.push({ response_id: id, question_id: questionId.get(`${surveyId}:${q + 1}`), score }),
      );
      answers.push({
        response_id: id,
        question_id: questionId.get(`${surveyId}:4`),
        choices: `{${rng.pick(DEMO_QUESTIONS[3].options)}}`,
      });
      const low = mean < 8;
      if (rng.chance(low ? 0.7 : 0.25)) {
        answers.push({
          response_id: id,
          question_id: questionId.get(`${surveyId}:5`),
          text: rng.pick(low ? DEMO_COMPLAINTS : DEMO_PRAISE),
        });
      }
    }
  }
  await em.query(`SELECT setval('survey_response_id_seq', $1)`, [nextId - 1]);
  await insertJson(
    em,
    'survey_response',
    {
      id: 'int',
      survey_id: 'int',
      center_id: 'int',
      street_id: 'int',
      district_id: 'int',
      channel: 'text',
      entry_method: 'text',
      submitted_at: 'timestamptz',
      score: 'numeric',
    },
    responses,
    'nothing',
  );
  await insertJson(
    em,
    'survey_answer',
    { response_id: 'int', question_id: 'int', score: 'smallint', choices: 'text[]', text: 'text' },
    answers,
    'nothing',
  );

  // rollups, set-wise over the demo responses (the same sums addToRollups keeps one by one)
  const surveyIds = surveys.map((s) => s.id);
  const buckets = `ARRAY[${Array.from({ length: 11 }, (_, k) => `count(score) FILTER (WHERE least(10, floor(score)) = ${k})`).join(', ')}]::int[]`;
  for (const [table, col, trunc] of [
    ['satisfaction_month', 'month', 'month'],
    ['satisfaction_day', 'day', 'day'],
  ] as const) {
    await em.query(
      `INSERT INTO ${table} AS t (district_id, street_id, center_id, ${col}, channel, responses, score_sum, scored, buckets)
       SELECT district_id, coalesce(street_id, 0), coalesce(center_id, 0),
              date_trunc('${trunc}', submitted_at AT TIME ZONE 'Asia/Shanghai')::date, channel,
              count(*), coalesce(sum(score), 0), count(score), ${buckets}
       FROM survey_response WHERE survey_id = ANY($1::int[])
       GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (center_id, street_id, ${col}, channel) DO UPDATE SET
         responses = t.responses + EXCLUDED.responses,
         score_sum = t.score_sum + EXCLUDED.score_sum,
         scored = t.scored + EXCLUDED.scored,
         buckets = (SELECT array_agg(a + b ORDER BY i) FROM unnest(t.buckets, EXCLUDED.buckets) WITH ORDINALITY AS u(a, b, i))`,
      [surveyIds],
    );
  }
  await em.query(
    `INSERT INTO dimension_month AS t (district_id, street_id, center_id, month, dimension, answers, score_sum)
     SELECT r.district_id, coalesce(r.street_id, 0), coalesce(r.center_id, 0),
            date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, q.dimension, count(*), sum(a.score)
     FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_question q ON q.id = a.question_id
     WHERE r.survey_id = ANY($1::int[]) AND q.dimension IS NOT NULL AND a.score IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT (center_id, street_id, month, dimension) DO UPDATE SET
       answers = t.answers + EXCLUDED.answers, score_sum = t.score_sum + EXCLUDED.score_sum`,
    [surveyIds],
  );
  await rebuildDerivedRollups(em);

  // two evaluations per hub (事前 in spring, 事中 in autumn) with findings
  const evaluations: Record<string, unknown>[] = [];
  const findings: Record<string, unknown>[] = [];
  const [{ firstEval }]: { firstEval: string }[] = await em.query(
    `SELECT nextval('evaluation_id_seq') AS "firstEval"`,
  );
  let evalId = Number(firstEval);
  for (const hub of hubs) {
    const rng = new Rng(`evaluation-demo:${hub.code}`);
    const base = rng.range(6.5, 9.2);
    for (const [phase, month] of [
      ['BEFORE', 3],
      ['DURING', 9],
    ] as const) {
      const id = evalId++;
      const scores = Object.fromEntries(
        DIMENSIONS.map((d) => [
          d,
          Math.round(Math.max(0, Math.min(10, base + rng.range(-1.5, 1.2))) * 10) / 10,
        ]),
      ) as Record<Dimension, number>;
      const total =
        Math.round((DIMENSIONS.reduce((a, d) => a + scores[d], 0) / DIMENSIONS.length) * 1000) / 100;
      evaluations.push({
        id,
        center_id: hub.id,
        street_id: hub.street_id,
        district_id: hub.district_id,
        evaluator_name: rng.pick(['王专家', '李专家', '体验官张老师', '体验官陈阿姨']),
        evaluator_kind: rng.chance(0.5) ? 'EXPERT' : 'EXPERIENCE_OFFICER',
        phase,
        evaluated_on: `2026-${String(month).padStart(2, '0')}-${String(rng.int(3, 26)).padStart(2, '0')}`,
        scores,
        total,
        suggestions: '建议结合居民意见，完善服务清单并定期公示。',
      });
      for (const [track, text] of rng.sample(DEMO_FINDINGS, rng.int(1, 3))) {
        findings.push({ evaluation_id: id, track, text });
      }
    }
  }
  await em.query(`SELECT setval('evaluation_id_seq', $1)`, [evalId - 1]);
  await insertJson(
    em,
    'evaluation',
    {
      id: 'int',
      center_id: 'int',
      street_id: 'int',
      district_id: 'int',
      evaluator_name: 'text',
      evaluator_kind: 'text',
      phase: 'text',
      evaluated_on: 'date',
      scores: 'jsonb',
      total: 'numeric',
      suggestions: 'text',
    },
    evaluations,
    'nothing',
  );
  await insertJson(
    em,
    'evaluation_finding',
    { evaluation_id: 'int', track: 'text', text: 'text' },
    findings,
    'nothing',
  );
}
