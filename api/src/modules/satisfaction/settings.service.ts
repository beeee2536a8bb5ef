// District settings: the satisfied threshold, the compliance target (运营管理达标率), the weight of
// satisfaction in the composite score, and per dimension the weight and the indicator description
// of the eight-dimension evaluation. A district without a row has the defaults.
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_COMPLIANCE_TARGET,
  DEFAULT_SATISFACTION_WEIGHT,
  DEFAULT_SATISFIED_THRESHOLD,
  DIMENSIONS,
  LONG_TEXT_MAX_LENGTH,
  type Dimension,
} from '@lc/domain';
import { canManageDistrictSettings, canReadDistrictSettings, requireViewer } from '../../auth/policy';
import { FieldErrors, forbidden, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import type { Region } from '../places/region.entity';
import type { DistrictSettings } from './dto/satisfaction.outputs';
import type { UpdateDistrictSettingsInput } from './dto/satisfaction.inputs';

export const DIMENSION_WEIGHT_MAX = 100;

export interface Settings {
  districtId: number;
  satisfiedThreshold: number;
  complianceTarget: number;
  satisfactionWeight: number;
  /** every dimension, default 1 */
  dimensionWeights: Record<Dimension, number>;
  indicators: Partial<Record<Dimension, string>>;
  updatedAt: Date | null;
}

interface SettingRow {
  district_id: number;
  satisfied_threshold: number;
  compliance_target: string;
  satisfaction_weight: string;
  dimension_weights: Record<string, number>;
  indicators: Record<string, string>;
  updated_at: Date;
}

export function defaultSettings(districtId: number): Settings {
  return toSettings(districtId, null);
}

function toSettings(districtId: number, row: SettingRow | null): Settings {
  const weights = Object.fromEntries(
    DIMENSIONS.map((d) => [d, Number(row?.dimension_weights?.[d] ?? 1)]),
  ) as Record<Dimension, number>;
  const indicators: Partial<Record<Dimension, string>> = {};
  for (const d of DIMENSIONS) {
    const text = row?.indicators?.[d];
    if (typeof text === 'string' && text) indicators[d] = text;
  }
  return {
    districtId,
    satisfiedThreshold: row?.satisfied_threshold ?? DEFAULT_SATISFIED_THRESHOLD,
    complianceTarget: row ? Number(row.compliance_target) : DEFAULT_COMPLIANCE_TARGET,
    satisfactionWeight: row ? Number(row.satisfaction_weight) : DEFAULT_SATISFACTION_WEIGHT,
    dimensionWeights: weights,
    indicators,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Settings of districts, one statement per batch; defaults for districts without a row. */
export function settingsLoader(db: DataSource): DataLoader<number, Settings> {
  return new DataLoader<number, Settings>(async (ids) => {
    const rows: SettingRow[] = await db.query(
      `SELECT * FROM district_setting WHERE district_id = ANY($1::int[])`,
      [ids],
    );
    const by = new Map(rows.map((r) => [r.district_id, r]));
    return ids.map((id) => toSettings(id, by.get(id) ?? null));
  });
}

/** Reads the settings of one district inside a transaction (for recording evaluations). */
export async function settingsIn(em: EntityManager, districtId: number): Promise<Settings> {
  const rows: SettingRow[] = await em.query(`SELECT * FROM district_setting WHERE district_id = $1`, [
    districtId,
  ]);
  return toSettings(districtId, rows[0] ?? null);
}

/** Σ wᵢ·sᵢ / Σ wᵢ over the eight dimensions (scores 0–10), × 10: 0–100, two decimals. */
export function weightedTotal(scores: Record<Dimension, number>, weights: Record<Dimension, number>): number {
  let sum = 0;
  let w = 0;
  for (const d of DIMENSIONS) {
    sum += weights[d] * scores[d];
    w += weights[d];
  }
  return w > 0 ? Math.round((sum / w) * 1000) / 100 : 0;
}

export function settingsView(viewerCanEdit: boolean, s: Settings): DistrictSettings {
  return {
    districtId: s.districtId,
    satisfiedThreshold: s.satisfiedThreshold,
    complianceTarget: s.complianceTarget,
    satisfactionWeight: s.satisfactionWeight,
    dimensionWeights: DIMENSIONS.map((dimension) => ({ dimension, weight: s.dimensionWeights[dimension] })),
    indicators: DIMENSIONS.map((dimension) => ({ dimension, description: s.indicators[dimension] ?? null })),
    updatedAt: s.updatedAt,
    viewerCanEdit,
  };
}

async function district(ctx: Context, districtId: string): Promise<Region> {
  const id = parseId(districtId);
  const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
  if (!region || region.level !== 'DISTRICT') throw notFound('district');
  return region;
}

const isFraction = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;

function checkUpdate(input: UpdateDistrictSettingsInput, current: Settings): void {
  const e = new FieldErrors();
  if (input.satisfiedThreshold != null) {
    const t = input.satisfiedThreshold;
    e.check(
      Number.isInteger(t) && t >= 0 && t <= 10,
      'input.satisfiedThreshold',
      '满意阈值须为0到10的整数 / the satisfied threshold must be a whole number from 0 to 10',
    );
  }
  if (input.complianceTarget != null) {
    e.check(
      isFraction(input.complianceTarget),
      'input.complianceTarget',
      '达标目标须在0到1之间 / the compliance target must be from 0 to 1',
    );
  }
  if (input.satisfactionWeight != null) {
    e.check(
      isFraction(input.satisfactionWeight),
      'input.satisfactionWeight',
      '满意度权重须在0到1之间 / the satisfaction weight must be from 0 to 1',
    );
  }
  const weights = { ...current.dimensionWeights };
  const seen = new Set<Dimension>();
  (input.dimensionWeights ?? []).forEach((w, i) => {
    if (seen.has(w.dimension))
      e.add(`input.dimensionWeights[${i}].dimension`, '维度重复 / this dimension is listed twice');
    seen.add(w.dimension);
    const ok = Number.isFinite(w.weight) && w.weight >= 0 && w.weight <= DIMENSION_WEIGHT_MAX;
    e.check(
      ok,
      `input.dimensionWeights[${i}].weight`,
      `权重须在0到${DIMENSION_WEIGHT_MAX}之间 / a weight must be from 0 to ${DIMENSION_WEIGHT_MAX}`,
    );
    if (ok) weights[w.dimension] = w.weight;
  });
  if (input.dimensionWeights?.length && DIMENSIONS.every((d) => weights[d] === 0)) {
    e.add('input.dimensionWeights', '八个维度的权重不能全为0 / the eight weights cannot all be 0');
  }
  const described = new Set<Dimension>();
  (input.indicators ?? []).forEach((ind, i) => {
    if (described.has(ind.dimension))
      e.add(`input.indicators[${i}].dimension`, '维度重复 / this dimension is listed twice');
    described.add(ind.dimension);
    e.check(
      (ind.description ?? '').length <= LONG_TEXT_MAX_LENGTH,
      `input.indicators[${i}].description`,
      `指标说明不能超过${LONG_TEXT_MAX_LENGTH}个字 / at most ${LONG_TEXT_MAX_LENGTH} characters`,
    );
  });
  e.throwIfAny();
}

export const settingsService = {
  async get(ctx: Context, districtId: string): Promise<DistrictSettings> {
    const viewer = requireViewer(ctx.viewer);
    const d = await district(ctx, districtId);
    if (!canReadDistrictSettings(viewer, d.id))
      throw forbidden('仅本区工作人员可查看 / only officials of the district read its settings');
    return settingsView(
      canManageDistrictSettings(viewer, d.id),
      await ctx.loaders.satisfaction.settings.load(d.id),
    );
  },

  async update(
    ctx: Context,
    districtId: string,
    input: UpdateDistrictSettingsInput,
  ): Promise<DistrictSettings> {
    const viewer = requireViewer(ctx.viewer);
    const d = await district(ctx, districtId);
    if (!canManageDistrictSettings(viewer, d.id))
      throw forbidden('仅区管理员可修改设置 / only the district admin changes its settings');
    const previous = await ctx.loaders.satisfaction.settings.load(d.id);
    checkUpdate(input, previous);
    const weights = Object.fromEntries((input.dimensionWeights ?? []).map((w) => [w.dimension, w.weight]));
    const setText: Record<string, string> = {};
    const cleared: string[] = [];
    for (const ind of input.indicators ?? []) {
      const text = ind.description?.trim();
      if (text) setText[ind.dimension] = text;
      else cleared.push(ind.dimension);
    }
    // one statement: concurrent changes of different dimensions both land (jsonb merge in SQL);
    // the audit log's row in the same transaction
    const row = await ctx.db.transaction(async (em) => {
      const [row]: SettingRow[] = await em.query(
        `INSERT INTO district_setting AS s (district_id, satisfied_threshold, compliance_target, satisfaction_weight,
                                         dimension_weights, indicators, updated_at)
       VALUES ($1, coalesce($2::int, $7::int), coalesce($3::numeric, $8::numeric), coalesce($4::numeric, $9::numeric),
               $5::jsonb, $6::jsonb - $10::text[], now())
       ON CONFLICT (district_id) DO UPDATE SET
         satisfied_threshold = coalesce($2::int, s.satisfied_threshold),
         compliance_target = coalesce($3::numeric, s.compliance_target),
         satisfaction_weight = coalesce($4::numeric, s.satisfaction_weight),
         dimension_weights = s.dimension_weights || $5::jsonb,
         indicators = (s.indicators || $6::jsonb) - $10::text[],
         updated_at = now()
       RETURNING *`,
        [
          d.id,
          input.satisfiedThreshold ?? null,
          input.complianceTarget ?? null,
          input.satisfactionWeight ?? null,
          JSON.stringify(weights),
          JSON.stringify(setText),
          DEFAULT_SATISFIED_THRESHOLD,
          DEFAULT_COMPLIANCE_TARGET,
          DEFAULT_SATISFACTION_WEIGHT,
          cleared,
        ],
      );
      await recordAudit(em, ctx, {
        action: 'SETTINGS_CHANGED',
        targetType: 'DISTRICT_SETTINGS',
        targetId: d.id,
        targetLabel: d.name,
        districtId: d.id,
        before: previous,
        after: toSettings(d.id, row),
      });
      return row;
    });
    const settings = toSettings(d.id, row);
    ctx.loaders.satisfaction.settings.clear(d.id).prime(d.id, settings);
    return settingsView(true, settings);
  },
};
