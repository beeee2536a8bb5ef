// 资源清单: who or what can serve, in which area. Resources belong to the street of the area they
// serve (a district-wide one to the district) and are shared across the district so matching can
// use them. The contact person is personal data: encrypted, answered masked, revealed only to the
// owning street's staff, and every reveal is recorded.
import {
  LONG_TEXT_MAX_LENGTH,
  PAGE_MAX,
  SERVICE_SHORT_TEXT_MAX_LENGTH,
  SERVICE_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  maskPhone,
  normalizePhone,
} from '@lc/domain';
import type { EntityManager } from 'typeorm';
import {
  canManageResource,
  canReadResources,
  canRevealResourceContact,
  isOfficial,
  requireViewer,
} from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { decryptPersonal, encryptPersonal } from '../../auth/phone-crypto';
import { FieldErrors, badInput, cleanText, forbidden, notFound } from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import type { Region } from '../places/region.entity';
import type { CreateResourceInput, ResourceFilter, UpdateResourceInput } from './dto/resource.inputs';
import type { ResourceContact } from './dto/resource.outputs';
import type { RevealRow } from './resource.loaders';
import { Resource } from './resource.entity';

/** A capacity is the number of projects a resource serves at once. */
export const RESOURCE_CAPACITY_MAX = 1000;
const REVEALS_DEFAULT = 20;

/** 张三丰 → 张**: the first character, then one * per remaining character. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length ? chars[0] + '*'.repeat(chars.length - 1) : '';
}

/** `张* 138****5678`, or whichever part is known; null when neither is. */
export function maskContact(name: string | null, phone: string | null): string | null {
  const parts = [name ? maskName(name) : null, phone ? maskPhone(phone) : null].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** Where a resource serving `region` belongs: the region's street, or the district for a district. */
function ownerOf(region: Region): { districtId: number; streetId: number | null } {
  if (region.level === 'DISTRICT') return { districtId: region.id, streetId: null };
  return { districtId: region.districtId as number, streetId: region.streetId };
}

interface Fields {
  name?: string;
  description?: string | null;
  availability?: string | null;
  capacity?: number | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

/** Checks the given fields, naming every bad one (`input.<field>`); answers them cleaned. */
function checkFields(
  input: Partial<CreateResourceInput | UpdateResourceInput>,
  errors: FieldErrors,
  creating: boolean,
): Fields {
  const out: Fields = {};
  if (creating || (input.name !== undefined && input.name !== null)) {
    const name = (input.name ?? '').trim();
    errors
      .check(name.length > 0, 'input.name', '请填写名称 / name is required')
      .check(
        name.length <= TITLE_MAX_LENGTH,
        'input.name',
        `名称不能超过${TITLE_MAX_LENGTH}个字 / name must be at most ${TITLE_MAX_LENGTH} characters`,
      );
    out.name = name;
  }
  if (input.description !== undefined) {
    out.description = cleanText(input.description);
    errors.check(
      (out.description ?? '').length <= LONG_TEXT_MAX_LENGTH,
      'input.description',
      `简介不能超过${LONG_TEXT_MAX_LENGTH}个字 / description must be at most ${LONG_TEXT_MAX_LENGTH} characters`,
    );
  }
  if (input.availability !== undefined) {
    out.availability = cleanText(input.availability);
    errors.check(
      (out.availability ?? '').length <= SERVICE_SHORT_TEXT_MAX_LENGTH,
      'input.availability',
      `可服务时间不能超过${SERVICE_SHORT_TEXT_MAX_LENGTH}个字 / availability must be at most ${SERVICE_SHORT_TEXT_MAX_LENGTH} characters`,
    );
  }
  if (input.capacity !== undefined) {
    const c = input.capacity;
    errors.check(
      c === null || (Number.isInteger(c) && c >= 0 && c <= RESOURCE_CAPACITY_MAX),
      'input.capacity',
      `容量须为 0–${RESOURCE_CAPACITY_MAX} 的整数，不限则留空 / capacity must be 0–${RESOURCE_CAPACITY_MAX}, or empty when not limited`,
    );
    out.capacity = c;
  }
  if (input.contactName !== undefined) {
    out.contactName = cleanText(input.contactName);
    errors.check(
      (out.contactName ?? '').length <= SERVICE_SHORT_TEXT_MAX_LENGTH,
      'input.contactName',
      `联系人不能超过${SERVICE_SHORT_TEXT_MAX_LENGTH}个字 / contact name too long`,
    );
  }
  if (input.contactPhone !== undefined) {
    const raw = cleanText(input.contactPhone);
    const phone = raw === null ? null : normalizePhone(raw);
    errors.check(
      raw === null || phone !== null,
      'input.contactPhone',
      '请输入正确的11位手机号码 / enter a valid 11-digit mobile number',
    );
    out.contactPhone = phone;
  }
  return out;
}

async function regionOf(ctx: Context, id: string | null | undefined): Promise<Region | null> {
  const rid = parseId(id);
  return rid === null ? null : ctx.loaders.places.regionById.load(rid);
}

const outsideScope = () =>
  forbidden(
    '资源由其所属街镇（区级资源由区）维护 / a resource is kept by its street (district-wide ones by the district)',
  );

/** Locks a resource for a change by someone who may keep it. */
async function lockForChange(em: EntityManager, viewer: Viewer, id: string): Promise<Resource> {
  const rid = parseId(id);
  const rows: Record<string, unknown>[] =
    rid === null ? [] : await em.query(`SELECT * FROM resource WHERE id = $1 FOR UPDATE`, [rid]);
  const resource = rows.length ? hydrate(em.getRepository(Resource), rows[0]) : null;
  if (!resource || !canReadResources(viewer, resource.districtId)) throw notFound('resource');
  if (!canManageResource(viewer, resource)) throw outsideScope();
  return resource;
}

function readContact(stored: {
  contactNameEnc: string | null;
  contactPhoneEnc: string | null;
}): ResourceContact {
  return {
    name: stored.contactNameEnc ? decryptPersonal(stored.contactNameEnc) : null,
    phone: stored.contactPhoneEnc ? decryptPersonal(stored.contactPhoneEnc) : null,
  };
}

export const resourceService = {
  async create(ctx: Context, input: CreateResourceInput): Promise<Resource> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const fields = checkFields(input, errors, true);
    const region = await regionOf(ctx, input.regionId);
    if (!region) errors.add('input.regionId', '未知区域 / unknown region');
    else if (!canManageResource(viewer, ownerOf(region))) throw outsideScope();
    errors.throwIfAny();
    const owner = ownerOf(region as Region);
    const name = fields.contactName ?? null;
    const phone = fields.contactPhone ?? null;
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `INSERT INTO resource (name, kind, category, description, region_id, district_id, street_id, capacity,
         availability, contact_name_enc, contact_phone_enc, contact_masked, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [
        fields.name,
        input.kind,
        input.category,
        fields.description ?? null,
        (region as Region).id,
        owner.districtId,
        owner.streetId,
        fields.capacity ?? null,
        fields.availability ?? null,
        name === null ? null : encryptPersonal(name),
        phone === null ? null : encryptPersonal(phone),
        maskContact(name, phone),
        viewer.userId,
      ],
    );
    return hydrate(ctx.db.getRepository(Resource), rows[0]);
  },

  async update(ctx: Context, id: string, input: UpdateResourceInput): Promise<Resource> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const fields = checkFields(input, errors, false);
    let region: Region | null = null;
    if (input.regionId !== undefined && input.regionId !== null) {
      region = await regionOf(ctx, input.regionId);
      if (!region) errors.add('input.regionId', '未知区域 / unknown region');
    }
    return ctx.db.transaction(async (em) => {
      const current = await lockForChange(em, viewer, id);
      if (region && !canManageResource(viewer, ownerOf(region))) throw outsideScope();
      errors.throwIfAny();
      const sets: string[] = ['updated_at = now()'];
      const params: unknown[] = [current.id];
      const set = (col: string, value: unknown) => {
        params.push(value);
        sets.push(`${col} = $${params.length}`);
      };
      if (fields.name !== undefined) set('name', fields.name);
      if (input.kind) set('kind', input.kind);
      if (input.category) set('category', input.category);
      if (fields.description !== undefined) set('description', fields.description);
      if (fields.availability !== undefined) set('availability', fields.availability);
      if (fields.capacity !== undefined) set('capacity', fields.capacity);
      if (region) {
        const owner = ownerOf(region);
        set('region_id', region.id);
        set('district_id', owner.districtId);
        set('street_id', owner.streetId);
      }
      if (fields.contactName !== undefined || fields.contactPhone !== undefined) {
        const was = readContact(current);
        const name = fields.contactName !== undefined ? fields.contactName : was.name;
        const phone = fields.contactPhone !== undefined ? fields.contactPhone : was.phone;
        set('contact_name_enc', name === null ? null : encryptPersonal(name));
        set('contact_phone_enc', phone === null ? null : encryptPersonal(phone));
        set('contact_masked', maskContact(name, phone));
      }
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE resource SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
        params,
      );
      return hydrate(em.getRepository(Resource), rows[0]);
    });
  },

  async setActive(ctx: Context, id: string, active: boolean): Promise<Resource> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.db.transaction(async (em) => {
      const current = await lockForChange(em, viewer, id);
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE resource SET active = $2, updated_at = now() WHERE id = $1 RETURNING *`,
        [current.id, active],
      );
      return hydrate(em.getRepository(Resource), rows[0]);
    });
  },

  /** Officials of the district; newest first. */
  async list(
    ctx: Context,
    filter: ResourceFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Resource>> {
    const viewer = requireViewer(ctx.viewer);
    if (!isOfficial(viewer) || viewer.districtId === null) {
      throw forbidden('资源清单仅供工作人员查看 / the resource list is for officials');
    }
    const page = pageRequest(first, after);
    const parts = ['r.district_id = $1'];
    const params: unknown[] = [viewer.districtId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (filter?.activeOnly !== false) parts.push('r.active');
    if (filter?.category) add('r.category = ?', filter.category);
    if (filter?.kind) add('r.kind = ?', filter.kind);
    const search = filter?.search?.trim();
    if (search) add(`(r.name ILIKE ? OR coalesce(r.description, '') ILIKE ?)`, likePattern(search));
    if (filter?.regionId != null) {
      const region = await regionOf(ctx, filter.regionId);
      if (!region) parts.push('FALSE');
      else if (region.level === 'DISTRICT') add('r.district_id = ?', region.id);
      else if (region.level === 'STREET') {
        add('(r.street_id = ? OR r.region_id = r.district_id)', region.id);
      } else {
        params.push([region.id, region.streetId, region.districtId]);
        parts.push(`r.region_id = ANY($${params.length}::int[])`);
      }
    }
    const where = parts.join(' AND ');
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM resource r WHERE ${where}`,
      params,
    );
    let rows: Resource[] = [];
    if (page.limit > 0) {
      const p = [...params];
      let sql = `SELECT r.* FROM resource r WHERE ${where}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND r.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY r.id DESC LIMIT $${p.length}`;
      const repo = ctx.db.getRepository(Resource);
      rows = ((await ctx.db.query(sql, p)) as Record<string, unknown>[]).map((r) => hydrate(repo, r));
    }
    return toConnection(rows, page, count);
  },

  async byId(ctx: Context, id: string): Promise<Resource | null> {
    const viewer = requireViewer(ctx.viewer);
    const rid = parseId(id);
    const resource = rid === null ? null : await ctx.loaders.resources.resourceById.load(rid);
    return resource && canReadResources(viewer, resource.districtId) ? resource : null;
  },

  /** The contact in plain text, for the owning street's staff; the reveal is recorded with it. */
  async revealContact(ctx: Context, id: string, reason: string | null | undefined): Promise<ResourceContact> {
    const viewer = requireViewer(ctx.viewer);
    const why = cleanText(reason);
    if (why && why.length > SERVICE_TEXT_MAX_LENGTH) {
      throw badInput([
        { field: 'reason', message: `原因不能超过${SERVICE_TEXT_MAX_LENGTH}个字 / reason too long` },
      ]);
    }
    const rid = parseId(id);
    const resource = rid === null ? null : await ctx.loaders.resources.resourceById.load(rid);
    if (!resource || !canReadResources(viewer, resource.districtId)) throw notFound('resource');
    if (!canRevealResourceContact(viewer, resource)) {
      throw forbidden(
        '联系人信息仅对资源所属街镇的工作人员开放 / only the owning street’s staff may see the contact',
      );
    }
    return ctx.db.transaction(async (em) => {
      const [stored]: { contact_name_enc: string | null; contact_phone_enc: string | null }[] =
        await em.query(`SELECT contact_name_enc, contact_phone_enc FROM resource WHERE id = $1`, [
          resource.id,
        ]);
      await em.query(
        `INSERT INTO resource_contact_reveal (resource_id, actor_id, actor_name, reason) VALUES ($1, $2, $3, $4)`,
        [resource.id, viewer.userId, viewer.displayName, why],
      );
      await recordAudit(em, ctx, {
        action: 'CONTACT_REVEALED',
        targetType: 'RESOURCE',
        targetId: resource.id,
        targetLabel: resource.name,
        districtId: resource.districtId,
        streetId: resource.streetId,
        detail: why ? { reason: why } : null,
      });
      return readContact({
        contactNameEnc: stored.contact_name_enc,
        contactPhoneEnc: stored.contact_phone_enc,
      });
    });
  },

  /** Who revealed the contact, newest first: for those who may reveal it; null for others. */
  async contactReveals(
    ctx: Context,
    resource: Resource,
    first: number | null | undefined,
  ): Promise<RevealRow[] | null> {
    if (!canRevealResourceContact(ctx.viewer, resource)) return null;
    const n = first ?? REVEALS_DEFAULT;
    if (!Number.isInteger(n) || n < 0 || n > PAGE_MAX) {
      throw badInput([
        { field: 'first', message: `first 须在 0–${PAGE_MAX} 之间 / first must be 0–${PAGE_MAX}` },
      ]);
    }
    return n === 0 ? [] : ctx.loaders.resources.reveals(n).load(resource.id);
  },
};
