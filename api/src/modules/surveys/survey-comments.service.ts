// Free-text answers (意见) for officials, with filters, and turning one into a demand through the
// demands module. A comment never says who wrote it, whatever the survey. The demand made from a
// comment names it at the end of its description ("来自问卷意见 #<answer id>"), which also makes
// turning the same comment into a demand of the same community idempotent.
import { TITLE_MAX_LENGTH, type ServiceCategory } from '@lc/domain';
import { canReadSurveyAnswers, requireViewer, surveyScopeSql } from '../../auth/policy';
import { AppError, badInput, forbidden, notFound } from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import { Demand } from '../demands/demand.entity';
import { canSee, demandService } from '../demands/demand.service';
import type { SurveyCommentFilter } from './dto/survey.inputs';
import type { SurveyComment } from './dto/survey.outputs';
import { COMMENT_MARKER } from './surveys.loaders';
import { SUBMITTED_AT_SHOWN } from './survey-privacy';

const COMMENT_COLUMNS = `a.id, a.text, q.text AS question, s.title AS survey_title, r.survey_id, r.center_id,
  ${SUBMITTED_AT_SHOWN} AS submitted_at, r.channel, r.score`;

function toComment(r: Record<string, unknown>): SurveyComment {
  return {
    id: Number(r.id),
    text: r.text as string,
    question: r.question as string,
    surveyTitle: r.survey_title as string,
    surveyId: r.survey_id as number,
    centerId: (r.center_id as number | null) ?? null,
    submittedAt: r.submitted_at as Date,
    channel: r.channel as SurveyComment['channel'],
    score: r.score === null ? null : Number(r.score),
  };
}

/** Calls of turnCommentIntoDemand in progress in this process, by answer: a second click waits for
 * the first rather than holding a database connection. */
const turning = new Map<number, Promise<unknown>>();

async function oneAtATime<T>(answerId: number, work: () => Promise<T>): Promise<T> {
  const before = turning.get(answerId) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  turning.set(answerId, mine);
  try {
    return await mine;
  } finally {
    if (turning.get(answerId) === mine) turning.delete(answerId);
  }
}

/** `input.x` of the demands module's errors as this mutation's argument `x`. */
function renamedFields(e: unknown): unknown {
  if (!(e instanceof AppError) || !e.fields) return e;
  return new AppError(
    e.code,
    e.message,
    e.fields.map((f) => ({ ...f, field: f.field.replace(/^input\./, '') })),
    e.extra,
  );
}

export const surveyCommentService = {
  /** Newest first, in the caller's scope (district admin and evaluators: district; street admin:
   * street; center staff: their center). */
  async list(
    ctx: Context,
    filter: SurveyCommentFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<SurveyComment>> {
    const viewer = requireViewer(ctx.viewer);
    const scope = surveyScopeSql(
      viewer,
      { district: 'r.district_id', street: 'r.street_id', center: 'r.center_id' },
      1,
    );
    if (!scope) throw forbidden('问卷意见仅供工作人员查看 / survey comments are for officials');
    const page = pageRequest(first, after);
    const parts = [scope.sql, `a.text IS NOT NULL`];
    const params: unknown[] = [scope.value];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.regionId != null) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) throw badInput([{ field: 'filter.regionId', message: '未知区域 / unknown region' }]);
      if (region.level === 'DISTRICT') add('r.district_id = ?', region.id);
      else if (region.level === 'STREET') add('r.street_id = ?', region.id);
      else {
        const centers = await ctx.loaders.places.centersOfRegion.load(region.id);
        add(
          'r.center_id = ANY(?::int[])',
          centers.map((c) => c.row.id),
        );
      }
    }
    if (filter?.centerId != null) add('r.center_id = ?', parseId(filter.centerId) ?? -1);
    if (filter?.surveyId != null) add('r.survey_id = ?', parseId(filter.surveyId) ?? -1);
    if (filter?.from) add('r.submitted_at >= ?', filter.from);
    if (filter?.to) add('r.submitted_at < ?', filter.to);
    const search = filter?.search?.trim();
    if (search) add(`a.text ILIKE ?`, likePattern(search));
    const from = `survey_answer a JOIN survey_response r ON r.id = a.response_id`;
    const where = parts.join(' AND ');
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM ${from} WHERE ${where}`,
      params,
    );
    let rows: SurveyComment[] = [];
    if (page.limit > 0) {
      const p = [...params];
      let sql = `SELECT ${COMMENT_COLUMNS} FROM ${from}
        JOIN survey_question q ON q.id = a.question_id JOIN survey s ON s.id = r.survey_id WHERE ${where}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND a.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY a.id DESC LIMIT $${p.length}`;
      rows = ((await ctx.db.query(sql, p)) as Record<string, unknown>[]).map(toComment);
    }
    return toConnection(rows, page, count);
  },

  /** The demand made from a comment, when the caller may see it. */
  async demandOf(ctx: Context, comment: SurveyComment): Promise<Demand | null> {
    const found = await ctx.loaders.surveys.demandByComment.load(comment.id);
    return found && (await canSee(ctx, found.demand)) ? found.demand : null;
  },

  /** Makes a demand (source SURVEY_COMMENT) of a comment through the demands module; the same
   * comment and community again returns the demand made before. */
  async turnIntoDemand(
    ctx: Context,
    answerId: string,
    title: string | null | undefined,
    category: ServiceCategory,
    communityId: string,
  ): Promise<Demand> {
    const viewer = requireViewer(ctx.viewer);
    const aid = parseId(answerId);
    const [answer]: {
      id: string;
      text: string;
      district_id: number;
      street_id: number | null;
      center_id: number | null;
    }[] =
      aid === null
        ? []
        : await ctx.db.query(
            `SELECT a.id, a.text, r.district_id, r.street_id, r.center_id
             FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
             WHERE a.id = $1 AND a.text IS NOT NULL`,
            [aid],
          );
    if (
      !answer ||
      !canReadSurveyAnswers(viewer, {
        districtId: answer.district_id,
        streetId: answer.street_id,
        centerId: answer.center_id,
      })
    )
      throw notFound('survey comment');
    const id = Number(answer.id);
    const marker = `${COMMENT_MARKER}${id}`;
    const cid = parseId(communityId);
    return oneAtATime(id, () =>
      // the advisory lock orders calls of other processes; the demand itself is written by the
      // demands module in its own transaction, committed before this one releases the lock
      ctx.db.transaction(async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `survey_comment_demand:${id}`,
        ]);
        if (cid !== null) {
          const [existing]: Record<string, unknown>[] = await em.query(
            `SELECT * FROM demand WHERE community_id = $1 AND source = 'SURVEY_COMMENT' AND description LIKE $2
             ORDER BY id LIMIT 1`,
            [cid, `%${marker.replace(/[\\%_]/g, (c) => `\\${c}`)}`],
          );
          if (existing) return hydrate(em.getRepository(Demand), existing);
        }
        const derived = [...answer.text.replace(/\s+/g, ' ').trim()];
        const wanted =
          title?.trim() ||
          (derived.length > TITLE_MAX_LENGTH
            ? `${derived.slice(0, TITLE_MAX_LENGTH - 1).join('')}…`
            : derived.join(''));
        try {
          return await demandService.create(ctx, {
            title: wanted,
            description: `${answer.text}\n\n${marker}`,
            category,
            communityId,
            source: 'SURVEY_COMMENT',
          });
        } catch (e) {
          throw renamedFields(e);
        }
      }),
    );
  },
};
