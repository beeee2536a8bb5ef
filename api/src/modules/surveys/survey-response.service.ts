// Storing responses: residents online (once per survey), staff from paper (form or Excel). Every
// response is checked by survey-answers.ts, stored with its answers and queued for the satisfaction
// rollups (satisfaction/rollup-queue.ts) in one transaction; nothing is stored when anything is wrong.
//
// Anonymity: who answered lives in survey_respondent (survey, resident, key_hash = keyed hash of
// survey + resident + key); the response carries no resident for anonymous surveys and its
// idempotency_hash is a keyed hash of survey + key alone. The two rows share no id, key or time.
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ResponseChannel, ResponseEntryMethod } from '@lc/domain';
import { keyedHash, sameHash } from '../../auth/phone-crypto';
import { requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { FieldErrors, badInput, conflict, forbidden, type FieldError } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { XLSX_MIME, shanghaiDateStamp } from '../../common/excel';
import { hydrate } from '../../common/hydrate';
import { checkUpload } from '../../common/upload';
import type { Context } from '../../context';
import { SheetProblem } from '../menu-import/menu-excel';
import type { FileDownload } from '../menu-import/menu-import.types';
import { zipProblem } from '../menu-import/zip-guard';
import { queueResponsesSql } from '../satisfaction/rollup-queue';
import { storedScore } from '../satisfaction/rollups';
import type { PaperResponseInput, SurveyResponseInput } from './dto/survey.inputs';
import type { SurveyResponsesImport } from './dto/survey.outputs';
import {
  checkAnswers,
  problemField,
  responseScore,
  type CheckedAnswer,
  type RawAnswer,
} from './survey-answers';
import {
  SURVEY_IMPORT_MAX_BYTES,
  readResponseWorkbook,
  writeResponseTemplate,
  type ImportProblem,
} from './survey-excel';
import { Survey, SurveyResponse, type SurveyQuestion } from './survey.entity';
import { manageableSurvey, refusalOf } from './survey.service';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
export const PAPER_BATCH_MAX = 200;
const ZIP_LIMITS = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024 };

const RESPONDENT = 'survey-respondent';
const RESPONSE = 'survey-response';

/** key_hash of survey_respondent: who answered, recognised again only with the same key. */
const respondentHash = (surveyId: number, residentId: number, key: string) =>
  keyedHash(RESPONDENT, [surveyId, residentId, key]);
/** idempotency_hash of survey_response: the survey and the key only (never the resident). */
const responseHash = (method: ResponseEntryMethod, surveyId: number, key: string) =>
  keyedHash(RESPONSE, [method, surveyId, key]);

function checkKey(raw: string, field: string, errors: FieldErrors): string {
  const key = raw.trim();
  errors.check(
    key.length > 0 && key.length <= IDEMPOTENCY_KEY_MAX_LENGTH,
    field,
    `幂等键须为1–${IDEMPOTENCY_KEY_MAX_LENGTH}个字符 / idempotencyKey must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
  );
  return key;
}

/** A raw survey_response row as the entity (numeric comes back as text from the driver). */
function responseOf(em: EntityManager, row: Record<string, unknown>): SurveyResponse {
  const r = hydrate(em.getRepository(SurveyResponse), row);
  r.score = r.score === null || r.score === undefined ? null : Number(r.score);
  return r;
}

interface NewResponse {
  hash: string;
  residentId: number | null;
  answers: CheckedAnswer[];
}

/** Inserts responses not stored before (by idempotency_hash), their answers, and queues each new one
 * for the rollups; all inside the caller's transaction. Results come in the order given, with the
 * earlier response for a hash already stored. */
async function storeResponses(
  em: EntityManager,
  survey: Survey,
  items: readonly NewResponse[],
  how: { channel: ResponseChannel; entryMethod: ResponseEntryMethod; enteredBy: number | null },
): Promise<{ response: SurveyResponse; created: boolean }[]> {
  const unique = [...new Map(items.map((it) => [it.hash, it])).values()];
  const scoreOf = new Map(unique.map((it) => [it.hash, storedScore(responseScore(it.answers))]));
  // new responses are queued for the rollup worker in the same statement
  const inserted: Record<string, unknown>[] = await em.query(
    `WITH ins AS (
       INSERT INTO survey_response (survey_id, center_id, street_id, district_id, resident_id, channel,
                                    entry_method, entered_by, score, idempotency_hash)
       SELECT $1, $2, $3, $4, x.resident_id, $5, $6, $7, x.score, x.hash
       FROM jsonb_to_recordset($8::jsonb) AS x(n int, hash text, resident_id int, score numeric)
       ORDER BY x.n
       ON CONFLICT (idempotency_hash) DO NOTHING
       RETURNING *),
     q AS (${queueResponsesSql('ins')})
     SELECT * FROM ins`,
    [
      survey.id,
      survey.centerId,
      survey.streetId,
      survey.districtId,
      how.channel,
      how.entryMethod,
      how.enteredBy,
      JSON.stringify(
        unique.map((it, n) => ({
          n,
          hash: it.hash,
          resident_id: it.residentId,
          score: scoreOf.get(it.hash),
        })),
      ),
    ],
  );
  const byHash = new Map<string, { response: SurveyResponse; created: boolean }>();
  for (const r of inserted)
    byHash.set(r.idempotency_hash as string, { response: responseOf(em, r), created: true });
  const missing = unique.filter((it) => !byHash.has(it.hash)).map((it) => it.hash);
  if (missing.length) {
    const earlier: Record<string, unknown>[] = await em.query(
      `SELECT * FROM survey_response WHERE idempotency_hash = ANY($1::text[])`,
      [missing],
    );
    for (const r of earlier)
      byHash.set(r.idempotency_hash as string, { response: responseOf(em, r), created: false });
  }
  const fresh = unique.filter((it) => byHash.get(it.hash)?.created);
  if (fresh.length) {
    await em.query(
      `INSERT INTO survey_answer (response_id, question_id, score, choices, text)
       SELECT x.response_id, x.question_id, x.score, x.choices, x.text
       FROM jsonb_to_recordset($1::jsonb) AS x(response_id int, question_id int, score int, choices text[], text text)`,
      [
        JSON.stringify(
          fresh.flatMap((it) =>
            it.answers.map((a) => ({
              response_id: byHash.get(it.hash)!.response.id,
              question_id: a.questionId,
              score: a.score,
              choices: a.choices,
              text: a.text,
            })),
          ),
        ),
      ],
    );
  }
  return items.map((it) => byHash.get(it.hash)!);
}

/** The survey row locked against closing while answers are stored; refuses when it takes none. */
async function lockAccepting(em: EntityManager, survey: Survey, field: string): Promise<void> {
  const [row]: Record<string, unknown>[] = await em.query(`SELECT * FROM survey WHERE id = $1 FOR SHARE`, [
    survey.id,
  ]);
  const why = refusalOf(hydrate(em.getRepository(Survey), row));
  if (why) throw badInput([{ field, message: why }]);
}

/** The response a resident gave earlier with this key; CONFLICT when they answered with another
 * key; null when they have not answered. */
async function earlierResponse(
  em: EntityManager,
  survey: Survey,
  viewer: Viewer,
  key: string,
): Promise<SurveyResponse | null> {
  const [respondent]: { key_hash: string }[] = await em.query(
    `SELECT key_hash FROM survey_respondent WHERE survey_id = $1 AND resident_id = $2`,
    [survey.id, viewer.userId],
  );
  if (!respondent) return null;
  if (!sameHash(respondent.key_hash, respondentHash(survey.id, viewer.userId, key)))
    throw conflict('您已经回答过这份问卷 / you have already answered this survey');
  const [row]: Record<string, unknown>[] = await em.query(
    `SELECT * FROM survey_response WHERE idempotency_hash = $1`,
    [responseHash('APP', survey.id, key)],
  );
  if (!row) throw conflict('您已经回答过这份问卷 / you have already answered this survey');
  return responseOf(em, row);
}

function answerErrors(
  questions: readonly SurveyQuestion[],
  answers: readonly RawAnswer[],
  prefix: string,
  errors: FieldErrors,
) {
  const checked = checkAnswers(questions, answers);
  for (const p of checked.problems) errors.add(problemField(prefix, p), p.message);
  return checked.answers;
}

export const surveyResponseService = {
  /** A resident answers online: once per survey; the same key again returns the first response. */
  async submit(ctx: Context, input: SurveyResponseInput): Promise<SurveyResponse> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role !== 'RESIDENT')
      throw forbidden(
        '只有居民可以在线作答；纸质问卷请由工作人员录入 / only residents answer online; staff enter paper responses',
      );
    const errors = new FieldErrors();
    const key = checkKey(input.idempotencyKey, 'input.idempotencyKey', errors);
    const sid = parseId(input.surveyId);
    const survey = sid === null ? null : await ctx.loaders.surveys.surveyById.load(sid);
    if (!survey || survey.status === 'DRAFT') errors.add('input.surveyId', '未知问卷 / unknown survey');
    errors.throwIfAny();
    const s = survey as Survey;
    // a retry returns the first response, even once the survey has closed
    const earlier = await earlierResponse(ctx.db.manager, s, viewer, key);
    if (earlier) return earlier;
    const why = refusalOf(s);
    if (why) errors.add('input.surveyId', why);
    const answers = answerErrors(
      await ctx.loaders.surveys.questionsBySurvey.load(s.id),
      input.answers,
      'input.answers',
      errors,
    );
    errors.throwIfAny();
    return ctx.db.transaction(async (em) => {
      await lockAccepting(em, s, 'input.surveyId');
      // the respondent row first: a concurrent request of the same resident waits here for ours
      const mine: unknown[] = await em.query(
        `INSERT INTO survey_respondent (survey_id, resident_id, key_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [s.id, viewer.userId, respondentHash(s.id, viewer.userId, key)],
      );
      if (!mine.length) {
        const first = await earlierResponse(em, s, viewer, key);
        if (first) return first;
      }
      const [stored] = await storeResponses(
        em,
        s,
        [{ hash: responseHash('APP', s.id, key), residentId: s.anonymous ? null : viewer.userId, answers }],
        { channel: 'ONLINE', entryMethod: 'APP', enteredBy: null },
      );
      // another resident's response under the same survey and key: a reused key, refused
      if (!stored.created) throw conflict('这个幂等键已被使用 / this idempotencyKey has been used already');
      return stored.response;
    });
  },

  /** Staff type in paper responses; all or none; a retried batch records each form once. */
  async enterPaper(
    ctx: Context,
    surveyId: string,
    responses: readonly PaperResponseInput[],
  ): Promise<SurveyResponse[]> {
    const viewer = requireViewer(ctx.viewer);
    const survey = await manageableSurvey(ctx, surveyId, 'surveyId');
    const errors = new FieldErrors();
    errors.check(
      responses.length > 0 && responses.length <= PAPER_BATCH_MAX,
      'responses',
      `每次录入1–${PAPER_BATCH_MAX}份 / enter 1–${PAPER_BATCH_MAX} responses at a time`,
    );
    const why = refusalOf(survey);
    if (why) errors.add('surveyId', why);
    const questions = await ctx.loaders.surveys.questionsBySurvey.load(survey.id);
    const items: NewResponse[] = responses.map((r, i) => {
      const key = checkKey(r.idempotencyKey, `responses.${i}.idempotencyKey`, errors);
      const answers = answerErrors(questions, r.answers, `responses.${i}.answers`, errors);
      return { hash: responseHash('FORM', survey.id, key), residentId: null, answers };
    });
    errors.throwIfAny();
    return ctx.db.transaction(async (em) => {
      await lockAccepting(em, survey, 'surveyId');
      const stored = await storeResponses(em, survey, items, {
        channel: 'OFFLINE',
        entryMethod: 'FORM',
        enteredBy: viewer.userId,
      });
      return stored.map((x) => x.response);
    });
  },

  async template(ctx: Context, surveyId: string): Promise<FileDownload> {
    const survey = await manageableSurvey(ctx, surveyId, 'surveyId');
    const questions = await ctx.loaders.surveys.questionsBySurvey.load(survey.id);
    const buf = await writeResponseTemplate(survey, questions);
    // eslint-disable-next-line no-control-regex
    const safeTitle = survey.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60);
    return {
      fileName: `${safeTitle}-纸质问卷录入模板-${shanghaiDateStamp()}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: buf.toString('base64'),
    };
  },

  /** Checks (dryRun) or imports a workbook of paper responses: every row or none. Each row's key is
   * the file's SHA-256 with its row number, so importing the same file again adds nothing. */
  async importExcel(
    ctx: Context,
    surveyId: string,
    fileName: string,
    contentBase64: string,
    dryRun: boolean,
  ): Promise<SurveyResponsesImport> {
    const viewer = requireViewer(ctx.viewer);
    const survey = await manageableSurvey(ctx, surveyId, 'surveyId');
    const why = refusalOf(survey);
    if (why) throw badInput([{ field: 'surveyId', message: why }]);
    const file = await checkUpload(fileName, contentBase64, {
      mimeByExt: { '.xlsx': XLSX_MIME },
      maxBytes: SURVEY_IMPORT_MAX_BYTES,
      tooLarge: `文件不能超过${SURVEY_IMPORT_MAX_BYTES / 1024 / 1024}MB / the file must be at most ${SURVEY_IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    });
    const unreadable = (message: string): never => {
      throw badInput([{ field: 'contentBase64', message } satisfies FieldError]);
    };
    if (zipProblem(file.data, ZIP_LIMITS))
      unreadable('无法读取文件，请上传 .xlsx 格式的 Excel 文件 / unreadable file: upload an .xlsx workbook');
    const questions = await ctx.loaders.surveys.questionsBySurvey.load(survey.id);
    let parsed: Awaited<ReturnType<typeof readResponseWorkbook>>;
    try {
      parsed = await readResponseWorkbook(file.data, questions);
    } catch (e) {
      if (e instanceof SheetProblem) return unreadable(e.message);
      throw e;
    }
    const problems: ImportProblem[] = [...parsed.problems];
    const textOf = new Map(questions.map((q) => [q.id, q.text]));
    const items: NewResponse[] = parsed.rows.map(({ row, answers: raw }) => {
      const checked = checkAnswers(questions, raw);
      for (const p of checked.problems)
        problems.push({
          row,
          field: p.questionId === null ? null : (textOf.get(p.questionId) ?? null),
          message: p.message,
        });
      const rowKey = createHash('sha256').update(`${file.sha256}:${row}`).digest('hex');
      return { hash: responseHash('EXCEL', survey.id, rowKey), residentId: null, answers: checked.answers };
    });
    if (!parsed.rows.length && !problems.length)
      problems.push({ row: 2, field: null, message: '文件中没有问卷回答 / the file holds no responses' });
    const result = {
      dryRun,
      totalRows: parsed.rows.length,
      errors: problems,
      importedCount: 0,
      alreadyImportedCount: 0,
    };
    if (dryRun || problems.length) {
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM survey_response WHERE idempotency_hash = ANY($1::text[])`,
        [items.map((it) => it.hash)],
      );
      return { ...result, alreadyImportedCount: n };
    }
    const stored = await ctx.db.transaction(async (em) => {
      await lockAccepting(em, survey, 'surveyId');
      return storeResponses(em, survey, items, {
        channel: 'OFFLINE',
        entryMethod: 'EXCEL',
        enteredBy: viewer.userId,
      });
    });
    const importedCount = stored.filter((x) => x.created).length;
    return { ...result, importedCount, alreadyImportedCount: stored.length - importedCount };
  },
};
