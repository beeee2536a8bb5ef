// 八度空间: evaluations of centers on the eight dimensions by the district's evaluators (experts
// and experience officers 体验官) and its admin, at a phase (事前/事中/事后), with findings tagged by
// training track, suggestions and photos. The total is the weighted mean of the eight scores with
// the district's dimension weights at the time of recording, × 10 (0–100).
import {
  ATTACHMENT_MAX_BYTES,
  DIMENSIONS,
  LONG_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  TRAINING_TRACKS,
  type Dimension,
} from '@lc/domain';
import {
  canEvaluate,
  canReadInStreet,
  canReadRegionFigures,
  officialScopeSql,
  requireViewer,
} from '../../auth/policy';
import { FieldErrors, forbidden, notFound } from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { fileStorage } from '../../common/file-storage';
import { hydrate } from '../../common/hydrate';
import { receiveUpload, storeUpload } from '../../common/upload';
import type { FileUpload } from 'graphql-upload-minimal';
import type { Context } from '../../context';
import type { FileDownload } from '../menu-import/menu-import.types';
import type { Center } from '../places/center.entity';
import { dimensionTallies } from '../satisfaction/figures';
import { periodOf, shanghaiDate, EARLIEST_DAY, type Period } from '../satisfaction/period';
import { settingsIn, weightedTotal } from '../satisfaction/settings.service';
import type { CenterDimension, DimensionScore, TrainingNeed } from './dto/evaluation.outputs';
import type { EvaluationFilter, RecordEvaluationInput } from './dto/evaluation.inputs';
import { Evaluation, EvaluationFinding, EvaluationPhoto } from './evaluation.entity';
import { EVALUATION_COLUMNS, toEvaluations } from './evaluations.loaders';
import { findingsByTrack, streetDimensionScores } from './evaluation-figures';

export const FINDINGS_MAX = 50;
const PHOTO_MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const oneDecimal = (v: number) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

function checkEvaluation(input: RecordEvaluationInput): Record<Dimension, number> {
  const e = new FieldErrors();
  const day = input.evaluatedOn.trim();
  if (!isDay(day)) e.add('input.evaluatedOn', '日期格式应为 YYYY-MM-DD / the day must be YYYY-MM-DD');
  else {
    e.check(day >= EARLIEST_DAY, 'input.evaluatedOn', '日期过早 / the day is too early');
    e.check(
      day <= shanghaiDate(new Date()),
      'input.evaluatedOn',
      '评估日期不能晚于今天 / the evaluation cannot be in the future',
    );
  }
  const scores: Partial<Record<Dimension, number>> = {};
  input.scores.forEach((s, i) => {
    if (s.dimension in scores) {
      e.add(`input.scores[${i}].dimension`, '维度重复 / this dimension is scored twice');
      return;
    }
    const ok = Number.isFinite(s.score) && s.score >= 0 && s.score <= 10 && oneDecimal(s.score);
    e.check(
      ok,
      `input.scores[${i}].score`,
      '得分须在0到10之间，最多一位小数 / a score must be from 0 to 10 with at most one decimal',
    );
    scores[s.dimension] = Math.round(s.score * 10) / 10;
  });
  const missing = DIMENSIONS.filter((d) => !(d in scores));
  if (missing.length) {
    e.add(
      'input.scores',
      `八个维度都要评分，缺少：${missing.join(', ')} / all eight dimensions must be scored; missing: ${missing.join(', ')}`,
    );
  }
  const findings = input.findings ?? [];
  e.check(
    findings.length <= FINDINGS_MAX,
    'input.findings',
    `发现问题最多${FINDINGS_MAX}条 / at most ${FINDINGS_MAX} findings`,
  );
  findings.forEach((f, i) => {
    const text = f.text.trim();
    e.check(text.length > 0, `input.findings[${i}].text`, '请填写发现的问题 / the finding is empty');
    e.check(
      text.length <= LONG_TEXT_MAX_LENGTH,
      `input.findings[${i}].text`,
      `不能超过${LONG_TEXT_MAX_LENGTH}个字 / at most ${LONG_TEXT_MAX_LENGTH} characters`,
    );
  });
  e.check(
    (input.suggestions ?? '').length <= LONG_TEXT_MAX_LENGTH,
    'input.suggestions',
    `建议不能超过${LONG_TEXT_MAX_LENGTH}个字 / at most ${LONG_TEXT_MAX_LENGTH} characters`,
  );
  e.check(
    (input.evaluatorName ?? '').length <= TITLE_MAX_LENGTH,
    'input.evaluatorName',
    `姓名不能超过${TITLE_MAX_LENGTH}个字 / at most ${TITLE_MAX_LENGTH} characters`,
  );
  e.throwIfAny();
  return scores as Record<Dimension, number>;
}

async function centerOf(ctx: Context, id: string | null | undefined): Promise<Center> {
  const cid = parseId(id);
  const center = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
  if (!center) throw notFound('center');
  return center;
}

/** An evaluation the viewer may read (officials of its street, the district's admin and
 * evaluators), else NOT_FOUND — the same answer as for one that does not exist. */
async function visibleEvaluation(ctx: Context, id: string): Promise<Evaluation> {
  requireViewer(ctx.viewer);
  const eid = parseId(id);
  const evaluation = eid === null ? null : await ctx.loaders.evaluations.evaluationById.load(eid);
  if (!evaluation || !canReadInStreet(ctx.viewer, evaluation)) throw notFound('evaluation');
  return evaluation;
}

export const evaluationService = {
  async record(ctx: Context, input: RecordEvaluationInput): Promise<Evaluation> {
    const viewer = requireViewer(ctx.viewer);
    const center = await centerOf(ctx, input.centerId);
    if (!canEvaluate(viewer, center.districtId))
      throw forbidden('仅本区评估人员和区管理员可评估 / only the district’s evaluators and admin evaluate');
    const scores = checkEvaluation(input);
    const findings = (input.findings ?? []).map((f) => ({ track: f.track, text: f.text.trim() }));
    return ctx.db.transaction(async (em) => {
      const settings = await settingsIn(em, center.districtId);
      const total = weightedTotal(scores, settings.dimensionWeights);
      const [row] = await em.query(
        `INSERT INTO evaluation (center_id, street_id, district_id, evaluator_id, evaluator_name, evaluator_kind, phase,
                                 evaluated_on, scores, total, suggestions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          center.id,
          center.streetId,
          center.districtId,
          viewer.userId,
          input.evaluatorName?.trim() || viewer.displayName,
          input.evaluatorKind,
          input.phase,
          input.evaluatedOn.trim(),
          JSON.stringify(scores),
          total,
          input.suggestions?.trim() || null,
        ],
      );
      if (findings.length) {
        await em.query(
          `INSERT INTO evaluation_finding (evaluation_id, track, text)
           SELECT $1, t, x FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(t, x, i) ORDER BY i`,
          [row.id, findings.map((f) => f.track), findings.map((f) => f.text)],
        );
      }
      const [evaluation] = toEvaluations(
        em,
        await em.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluation e WHERE e.id = $1`, [row.id]),
      );
      return evaluation;
    });
  },

  byId(ctx: Context, id: string): Promise<Evaluation> {
    return visibleEvaluation(ctx, id);
  },

  async list(
    ctx: Context,
    filter: EvaluationFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Evaluation>> {
    const viewer = requireViewer(ctx.viewer);
    const page = pageRequest(first, after);
    const scope = officialScopeSql(viewer, { district: 'e.district_id', street: 'e.street_id' }, 1);
    if (!scope) throw forbidden('评估记录仅供工作人员查看 / evaluations are for officials');
    const parts = [scope.sql];
    const params: unknown[] = [scope.value];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replace('?', `$${params.length}`));
    };
    if (filter?.regionId != null) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) parts.push('FALSE');
      else if (region.level === 'DISTRICT') add('e.district_id = ?', region.id);
      else if (region.level === 'STREET') add('e.street_id = ?', region.id);
      else add('e.center_id IN (SELECT center_id FROM center_community WHERE community_id = ?)', region.id);
    }
    if (filter?.centerId != null) add('e.center_id = ?', parseId(filter.centerId) ?? -1);
    if (filter?.phase) add('e.phase = ?', filter.phase);
    if (filter?.from || filter?.to) {
      const p = periodOf(filter.from, filter.to, { from: 'filter.from', to: 'filter.to' });
      add('e.evaluated_on >= ?::date', p.from);
      add('e.evaluated_on < ?::date', p.to);
    }
    const where = parts.join(' AND ');
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM evaluation e WHERE ${where}`,
      params,
    );
    let rows: Evaluation[] = [];
    if (page.limit > 0) {
      const p = [...params];
      let sql = `SELECT ${EVALUATION_COLUMNS} FROM evaluation e WHERE ${where}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND e.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY e.id DESC LIMIT $${p.length}`;
      rows = toEvaluations(ctx.db, await ctx.db.query(sql, p));
    }
    return toConnection(rows, page, count);
  },

  scores(evaluation: Evaluation): DimensionScore[] {
    return DIMENSIONS.map((dimension) => ({ dimension, score: Number(evaluation.scores[dimension]) }));
  },

  /** Stores a photo of an evaluation; the same photo twice is kept once. */
  async addPhoto(ctx: Context, evaluationId: string, upload: Promise<FileUpload>): Promise<EvaluationPhoto> {
    const viewer = requireViewer(ctx.viewer);
    const evaluation = await visibleEvaluation(ctx, evaluationId);
    if (!canEvaluate(viewer, evaluation.districtId))
      throw forbidden(
        '仅本区评估人员和区管理员可添加照片 / only the district’s evaluators and admin add photos',
      );
    const file = await receiveUpload(upload, {
      mimeByExt: PHOTO_MIME_BY_EXT,
      maxBytes: ATTACHMENT_MAX_BYTES,
      tooLarge: '照片不能超过10MB / a photo must be at most 10 MB',
    });
    return ctx.db.transaction(async (em) => {
      // the evaluation's row lock orders concurrent uploads of the same photo
      await em.query(`SELECT id FROM evaluation WHERE id = $1 FOR UPDATE`, [evaluation.id]);
      const repo = em.getRepository(EvaluationPhoto);
      const same = await repo.findOneBy({ evaluationId: evaluation.id, sha256: file.sha256 });
      if (same) return same;
      const storageKey = await storeUpload(`evaluations/${evaluation.id}`, file);
      const [row] = await em.query(
        `INSERT INTO evaluation_photo (evaluation_id, file_name, mime_type, size_bytes, storage_key, sha256)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [evaluation.id, file.name, file.mimeType, file.data.length, storageKey, file.sha256],
      );
      return hydrate(repo, row);
    });
  },

  async photoContent(ctx: Context, photoId: string): Promise<FileDownload> {
    requireViewer(ctx.viewer);
    const pid = parseId(photoId);
    const photo = pid === null ? null : await ctx.db.getRepository(EvaluationPhoto).findOneBy({ id: pid });
    if (!photo) throw notFound('photo');
    await visibleEvaluation(ctx, String(photo.evaluationId)).catch(() => {
      throw notFound('photo');
    });
    const data = await fileStorage().get(photo.storageKey);
    return { fileName: photo.fileName, mimeType: photo.mimeType, contentBase64: data.toString('base64') };
  },

  findings(ctx: Context, evaluation: Evaluation): Promise<EvaluationFinding[]> {
    return ctx.loaders.evaluations.findingsByEvaluation.load(evaluation.id);
  },

  photos(ctx: Context, evaluation: Evaluation): Promise<EvaluationPhoto[]> {
    return ctx.loaders.evaluations.photosByEvaluation.load(evaluation.id);
  },

  /** The radar: a center's evaluation score by dimension against its street's average, with the
   * residents' answers counting toward each dimension. */
  centerDimensions(ctx: Context, centerId: string, from: Date, to: Date): Promise<CenterDimension[]> {
    return evaluationService.centerDimensionsOf(ctx, centerId, periodOf(from, to));
  },

  async centerDimensionsOf(ctx: Context, centerId: string, period: Period): Promise<CenterDimension[]> {
    const viewer = requireViewer(ctx.viewer);
    const center = await centerOf(ctx, centerId);
    if (!canReadInStreet(viewer, center))
      throw forbidden('这个中心不在您的工作范围内 / this center is outside your scope');
    const [street, residents] = await Promise.all([
      streetDimensionScores(ctx.db, center.streetId, period),
      dimensionTallies(ctx.db, { column: 'center_id', ids: [center.id] }, period),
    ]);
    const own = street.get(center.id);
    return DIMENSIONS.map((dimension) => {
      const means = [...street.values()].map((m) => m.get(dimension)).filter((v) => v !== undefined);
      const answers = residents.find((r) => r.dimension === dimension);
      return {
        dimension,
        evaluationScore: own?.get(dimension) ?? null,
        streetAverage: means.length ? means.reduce((a, b) => a + b, 0) / means.length : null,
        residentScore: answers && answers.answers > 0 ? answers.scoreSum / answers.answers : null,
      };
    });
  },

  /** 四维成长营: per training track, the findings of the district's evaluations in the period and
   * the centers they concern. The district's admin and evaluators. */
  async trainingNeeds(
    ctx: Context,
    districtId: string,
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<TrainingNeed[]> {
    const viewer = requireViewer(ctx.viewer);
    const did = parseId(districtId);
    const district = did === null ? null : await ctx.loaders.places.regionById.load(did);
    if (!district || district.level !== 'DISTRICT') throw notFound('district');
    if (!canReadRegionFigures(viewer, district))
      throw forbidden('仅区管理员和评估人员可查看 / for the district’s admin and evaluators');
    const period = periodOf(from, to);
    const byTrack = await findingsByTrack(ctx.db, district.id, period);
    const ids = [...new Set([...byTrack.values()].flatMap((t) => t.centerIds))];
    const centers = new Map(
      (await ctx.loaders.places.centerById.loadMany(ids))
        .filter((c): c is Center => !!c && !(c instanceof Error))
        .map((c) => [c.id, c]),
    );
    return TRAINING_TRACKS.map((track) => {
      const t = byTrack.get(track);
      return {
        track,
        findings: t?.findings ?? 0,
        centers: (t?.centerIds ?? [])
          .map((id) => centers.get(id))
          .filter((c): c is Center => !!c)
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      };
    });
  },
};
