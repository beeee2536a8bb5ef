// Officials keep the menus: create, edit, retire, delete and promote items; centers' offerings.
// Scope comes from auth/policy.ts; every change is written to the change log in the same transaction.
import type { EntityManager } from 'typeorm';
import { checkSchedule, checkServiceItemFields, type ServiceMenu } from '@lc/domain';
import { assertCanEditMenuItem, assertCanEditOfferings, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { badInput, conflict, forbidden, notFound, type FieldError } from '../../common/app-error';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import { changeLogService, diffFields } from '../audit/change-log.service';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import type { CreateServiceItemInput, SetOfferingInput, UpdateServiceItemInput } from './dto/service.inputs';
import { ServiceItem } from './service-item.entity';
import { ServiceOffering } from './service-offering.entity';

/** Item fields an official edits (and the change log records). */
export const ITEM_FIELDS = [
  'name',
  'description',
  'category',
  'audience',
  'fee',
  'provider',
  'department',
] as const;
const OFFERING_FIELDS = ['schedule', 'capacity', 'fee'] as const;

const prefixed = (errors: { field: string; message: string }[], prefix: string): FieldError[] =>
  errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message }));

function emptyToNull(v: string | null | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  const t = v?.trim();
  return t ? t : null;
}

/** The trimmed, defaulted item fields of an input (undefined = leave as is). */
export function cleanItemFields(input: Partial<Record<(typeof ITEM_FIELDS)[number], unknown>>) {
  return {
    name: typeof input.name === 'string' ? input.name.trim() : undefined,
    description: emptyToNull(input.description as string | null | undefined),
    category: (input.category ?? undefined) as ServiceItem['category'] | undefined,
    audience: input.audience === null ? [] : (input.audience as string[] | undefined)?.map((a) => a.trim()),
    fee: emptyToNull(input.fee as string | null | undefined),
    provider: emptyToNull(input.provider as string | null | undefined),
    department: emptyToNull(input.department as string | null | undefined),
  };
}

/** Loads an item inside a transaction, locking it against concurrent edits. */
async function lockItem(em: EntityManager, id: string | number): Promise<ServiceItem> {
  const pid = parseId(id);
  const item =
    pid === null
      ? null
      : await em
          .getRepository(ServiceItem)
          .findOne({ where: { id: pid }, lock: { mode: 'pessimistic_write' } });
  if (!item) throw notFound('service item');
  return item;
}

/** The region a new item belongs to: given, or the caller's own district / street. */
async function ownerOf(
  ctx: Context,
  viewer: Viewer,
  menu: ServiceMenu,
  ownerRegionId: string | null | undefined,
): Promise<Region> {
  const wanted = menu === 'STREET_FEATURE' ? 'STREET' : 'DISTRICT';
  let id: number | null;
  if (ownerRegionId !== null && ownerRegionId !== undefined) id = parseId(ownerRegionId);
  else id = wanted === 'STREET' ? viewer.streetId : viewer.districtId;
  const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
  if (!region) throw badInput([{ field: 'input.ownerRegionId', message: '未知区域 / unknown region' }]);
  if (region.level !== wanted) {
    throw badInput([
      {
        field: 'input.ownerRegionId',
        message:
          wanted === 'STREET'
            ? '街镇特色清单属于街镇 / a STREET_FEATURE item belongs to a street'
            : '区级清单和流动清单属于区 / DISTRICT and MOBILE items belong to a district',
      },
    ]);
  }
  return region;
}

function nameTaken(e: unknown): boolean {
  return (e as { code?: string }).code === '23505';
}

const duplicateName = () =>
  badInput([
    { field: 'input.name', message: '该清单已有同名项目 / the menu already has an item of this name' },
  ]);

export const serviceMenuService = {
  async createItem(ctx: Context, input: CreateServiceItemInput): Promise<ServiceItem> {
    const viewer = requireViewer(ctx.viewer);
    const errors = prefixed(checkServiceItemFields(input), 'input');
    if (errors.length) throw badInput(errors);
    const owner = await ownerOf(ctx, viewer, input.menu, input.ownerRegionId);
    const districtId = owner.level === 'DISTRICT' ? owner.id : (owner.districtId as number);
    assertCanEditMenuItem(viewer, { menu: input.menu, districtId, ownerRegionId: owner.id });
    const fields = cleanItemFields(input);
    try {
      return await ctx.db.transaction(async (em) => {
        const repo = em.getRepository(ServiceItem);
        const item = await repo.save(
          repo.create({
            ...fields,
            audience: fields.audience ?? [],
            code: `U-${input.menu[0]}-${owner.code}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
            menu: input.menu,
            ownerRegionId: owner.id,
            districtId,
          }),
        );
        await changeLogService.record(
          em,
          viewer,
          { entity: 'SERVICE_ITEM', entityId: item.id, serviceId: item.id },
          'CREATE',
          ITEM_FIELDS.map((f) => ({ field: f, oldValue: null, newValue: item[f] })).filter(
            (c) => c.newValue !== null && !(Array.isArray(c.newValue) && !c.newValue.length),
          ),
        );
        return item;
      });
    } catch (e) {
      if (nameTaken(e)) throw duplicateName();
      throw e;
    }
  },

  async updateItem(ctx: Context, id: string, input: UpdateServiceItemInput): Promise<ServiceItem> {
    const viewer = requireViewer(ctx.viewer);
    const errors = prefixed(checkServiceItemFields(input, true), 'input');
    if (errors.length) throw badInput(errors);
    try {
      return await ctx.db.transaction(async (em) => {
        const item = await lockItem(em, id);
        assertCanEditMenuItem(viewer, item);
        const before = { ...item };
        for (const [k, v] of Object.entries(cleanItemFields(input))) {
          if (v !== undefined) (item as unknown as Record<string, unknown>)[k] = v;
        }
        const changes = diffFields(before, item, ITEM_FIELDS);
        if (!changes.length) return item;
        const saved = await em.getRepository(ServiceItem).save(item);
        await changeLogService.record(
          em,
          viewer,
          { entity: 'SERVICE_ITEM', entityId: item.id, serviceId: item.id },
          'UPDATE',
          changes,
        );
        return saved;
      });
    } catch (e) {
      if (nameTaken(e)) throw duplicateName();
      throw e;
    }
  },

  /** Retired items stay with their history, offerings and orders, but are no longer listed or orderable. */
  async setRetired(ctx: Context, id: string, retired: boolean): Promise<ServiceItem> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.db.transaction(async (em) => {
      const item = await lockItem(em, id);
      assertCanEditMenuItem(viewer, item);
      if ((item.retiredAt !== null) === retired) return item;
      const old = item.retiredAt;
      item.retiredAt = retired ? new Date() : null;
      const saved = await em.getRepository(ServiceItem).save(item);
      await changeLogService.record(
        em,
        viewer,
        { entity: 'SERVICE_ITEM', entityId: item.id, serviceId: item.id },
        retired ? 'RETIRE' : 'REINSTATE',
        [{ field: 'retiredAt', oldValue: old, newValue: item.retiredAt }],
      );
      return saved;
    });
  },

  /** Only an item nobody offers or ordered may be deleted; others are retired instead. */
  async deleteItem(ctx: Context, id: string): Promise<boolean> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.db.transaction(async (em) => {
      const item = await lockItem(em, id);
      assertCanEditMenuItem(viewer, item);
      const [{ offerings, orders }] = await em.query(
        `SELECT (SELECT count(*)::int FROM service_offering WHERE service_id = $1) AS offerings,
                (SELECT count(*)::int FROM delivery_order WHERE service_id = $1) AS orders`,
        [item.id],
      );
      if (offerings > 0 || orders > 0) {
        throw conflict(
          `该项目有${offerings}个中心服务、${orders}笔订单，只能停用不能删除 / the item has offerings or orders: retire it instead`,
        );
      }
      await changeLogService.record(
        em,
        viewer,
        { entity: 'SERVICE_ITEM', entityId: item.id, serviceId: item.id },
        'DELETE',
        [{ field: null, oldValue: { name: item.name, menu: item.menu }, newValue: null }],
      );
      await em.getRepository(ServiceItem).delete(item.id);
      return true;
    });
  },

  /** 功能迭代: moves a MOBILE or STREET_FEATURE item into the district menu. Same id, so its
   * offerings, orders and change log stay with it. */
  async promoteItem(ctx: Context, id: string): Promise<ServiceItem> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role !== 'DISTRICT_ADMIN') throw forbidden('only the district office promotes items');
    try {
      return await ctx.db.transaction(async (em) => {
        const item = await lockItem(em, id);
        if (item.districtId !== viewer.districtId) throw forbidden('this item belongs to another district');
        if (item.menu === 'DISTRICT') {
          throw badInput([
            { field: 'id', message: '该项目已在区级清单中 / the item is already on the district menu' },
          ]);
        }
        if (item.retiredAt)
          throw badInput([{ field: 'id', message: '已停用的项目不能提升 / the item is retired' }]);
        const before = { menu: item.menu, ownerRegionId: item.ownerRegionId };
        item.promotedFrom = item.menu;
        item.menu = 'DISTRICT';
        item.ownerRegionId = item.districtId;
        const saved = await em.getRepository(ServiceItem).save(item);
        await changeLogService.record(
          em,
          viewer,
          { entity: 'SERVICE_ITEM', entityId: item.id, serviceId: item.id },
          'PROMOTE',
          [
            { field: 'menu', oldValue: before.menu, newValue: 'DISTRICT' },
            ...(before.ownerRegionId !== item.ownerRegionId
              ? [{ field: 'ownerRegionId', oldValue: before.ownerRegionId, newValue: item.ownerRegionId }]
              : []),
          ],
        );
        return saved;
      });
    } catch (e) {
      if (nameTaken(e))
        throw conflict('区级清单已有同名项目 / the district menu already has an item of this name');
      throw e;
    }
  },

  /** Creates or replaces a center's offering of an item. */
  async setOffering(ctx: Context, input: SetOfferingInput): Promise<ServiceOffering> {
    const viewer = requireViewer(ctx.viewer);
    const centerId = parseId(input.centerId);
    const serviceId = parseId(input.serviceId);
    const center = centerId === null ? null : await ctx.loaders.places.centerById.load(centerId);
    if (!center) throw notFound('center');
    assertCanEditOfferings(viewer, center);
    const item = serviceId === null ? null : await ctx.loaders.services.serviceById.load(serviceId);
    const errors: FieldError[] = [];
    if (!item) errors.push({ field: 'input.serviceId', message: '未知服务项目 / unknown service item' });
    else if (item.retiredAt)
      errors.push({ field: 'input.serviceId', message: '该项目已停用 / the item is retired' });
    else if (!offerableAt(item, center))
      errors.push({
        field: 'input.serviceId',
        message: '该项目不在本中心可选的清单中 / the item is not on a menu this center may offer',
      });
    const schedule = (input.schedule ?? []).map((r) => ({
      byDay: r.byDay,
      opens: r.opens,
      closes: r.closes,
      validFrom: r.validFrom || null,
      validUntil: r.validUntil || null,
    }));
    errors.push(...prefixed(checkSchedule(schedule), 'input'));
    if (errors.length) throw badInput(errors);
    const fee = emptyToNull(input.fee) ?? null;
    const capacity = input.capacity ?? null;
    return ctx.db.transaction(async (em) => {
      const repo = em.getRepository(ServiceOffering);
      // Upsert first so two concurrent first-time offers of the same item do not collide.
      const inserted: unknown[] = await em.query(
        `INSERT INTO service_offering (center_id, service_id, schedule) VALUES ($1, $2, '[]')
         ON CONFLICT (center_id, service_id) DO NOTHING RETURNING id`,
        [center.id, item!.id],
      );
      const existing = await repo.findOneOrFail({
        where: { centerId: center.id, serviceId: item!.id },
        lock: { mode: 'pessimistic_write' },
      });
      const fresh = inserted.length > 0;
      const before = { ...existing };
      existing.schedule = schedule;
      existing.capacity = capacity;
      existing.fee = fee;
      const changes = diffFields(before, existing, OFFERING_FIELDS);
      const saved = changes.length ? await repo.save(existing) : existing;
      await changeLogService.record(
        em,
        viewer,
        { entity: 'SERVICE_OFFERING', entityId: existing.id, serviceId: item!.id, centerId: center.id },
        fresh ? 'CREATE' : 'UPDATE',
        changes,
      );
      return saved;
    });
  },

  async removeOffering(ctx: Context, id: string): Promise<boolean> {
    const viewer = requireViewer(ctx.viewer);
    const oid = parseId(id);
    return ctx.db.transaction(async (em) => {
      const offering =
        oid === null
          ? null
          : await em
              .getRepository(ServiceOffering)
              .findOne({ where: { id: oid }, lock: { mode: 'pessimistic_write' } });
      if (!offering) throw notFound('offering');
      const center = await em.getRepository(Center).findOneByOrFail({ id: offering.centerId });
      assertCanEditOfferings(viewer, center);
      await changeLogService.record(
        em,
        viewer,
        {
          entity: 'SERVICE_OFFERING',
          entityId: offering.id,
          serviceId: offering.serviceId,
          centerId: center.id,
        },
        'DELETE',
        [
          {
            field: null,
            oldValue: { schedule: offering.schedule, capacity: offering.capacity, fee: offering.fee },
            newValue: null,
          },
        ],
      );
      await em.getRepository(ServiceOffering).delete(offering.id);
      return true;
    });
  },
};

/** DISTRICT and MOBILE items of the center's district, STREET_FEATURE items of its street. */
export function offerableAt(item: ServiceItem, center: Center): boolean {
  if (item.menu === 'STREET_FEATURE') return item.ownerRegionId === center.streetId;
  return item.districtId === center.districtId;
}
