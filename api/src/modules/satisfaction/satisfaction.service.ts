// Satisfaction figures of centers, streets and districts, always from the rollups (figures.ts):
// the public summary (the contract's `satisfaction` and `Center.satisfaction`), the officials'
// report with trend, channels, dimensions, compliance and drill-down, the newest complaints, and
// the Excel report for the monthly meeting.
import {
  DEFAULT_SATISFIED_THRESHOLD,
  DIMENSIONS,
  DIMENSION_LABELS,
  RESPONSE_CHANNELS,
  type ResponseChannel,
} from '@lc/domain';
import { badInput, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { SUBMITTED_AT_SHOWN } from '../surveys/survey-privacy';
import { XLSX_MIME, addTableSheet, newWorkbook, shanghaiDateStamp, workbookBuffer } from '../../common/excel';
import type { Context } from '../../context';
import type { FileDownload } from '../menu-import/menu-import.types';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import type {
  CenterRank,
  Complaint,
  Dashboard,
  SatisfactionChild,
  SatisfactionReport,
} from './dto/satisfaction.outputs';
import {
  dimensionTallies,
  groupedTallies,
  summarize,
  type RollupWhere,
  type Summary,
  type ThresholdOf,
} from './figures';
import { monthOf, monthsOf, periodOf, shanghaiDate, startOfShanghaiDay, type Period } from './period';
import { rankingOf } from './ranking.service';
import { centerRefsOf, centersOf, districtIdOf, readableRegion, regionOrThrow, whereOf } from './scope';

/** Longest period a report covers (its trend lists every month). */
export const REPORT_MAX_MONTHS = 120;
export const COMPLAINTS_DEFAULT = 10;
export const COMPLAINTS_MAX = 50;

async function thresholdsOf(ctx: Context, districtIds: readonly number[]): Promise<ThresholdOf> {
  const list = await ctx.loaders.satisfaction.settings.loadMany(districtIds);
  const map = new Map<number, number>();
  for (const s of list) {
    if (s instanceof Error) throw s;
    map.set(s.districtId, s.satisfiedThreshold);
  }
  return (d) => map.get(d) ?? DEFAULT_SATISFIED_THRESHOLD;
}

const byKey = <T extends Summary>(s: Summary, extra: Omit<T, keyof Summary>): T => ({ ...s, ...extra }) as T;

export const satisfactionService = {
  /** The contract's `satisfaction`: public figures of a center, a region, or (neither given) all
   * districts. */
  async summary(
    ctx: Context,
    regionId: string | null | undefined,
    centerId: string | null | undefined,
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<Summary> {
    const period = periodOf(from, to);
    const region = regionId == null ? null : await regionOrThrow(ctx, regionId);
    if (centerId != null) {
      const cid = parseId(centerId);
      const center = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
      if (!center) throw notFound('center');
      if (region && !(await centersOf(ctx, region)).some((c) => c.id === center.id)) {
        throw badInput([
          { field: 'centerId', message: '该中心不在所选区域内 / the center is not in the region' },
        ]);
      }
      return satisfactionService.ofCenter(ctx, center, period);
    }
    let where: RollupWhere;
    let districts: number[];
    if (region) {
      where = await whereOf(ctx, region);
      districts = [districtIdOf(region)];
    } else {
      const rows: { id: number }[] = await ctx.db.query(`SELECT id FROM region WHERE level = 'DISTRICT'`);
      districts = rows.map((r) => r.id);
      where = { column: 'district_id', ids: districts };
    }
    if (!where.ids.length) return summarize(undefined);
    const [total] = await groupedTallies(ctx.db, where, period, [[]], await thresholdsOf(ctx, districts));
    return summarize(total.get(''));
  },

  /** Center.satisfaction, batched across a list (satisfaction.loaders.ts). */
  centerSatisfaction(
    ctx: Context,
    center: Center,
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<Summary> {
    return satisfactionService.ofCenter(ctx, center, periodOf(from, to));
  },

  ofCenter(ctx: Context, center: Center, period: Period): Promise<Summary> {
    return ctx.loaders.satisfaction.centerSummary.load({
      centerId: center.id,
      districtId: center.districtId,
      period,
    });
  },

  /** The dashboard's region and period; its parts resolve on demand. */
  async dashboard(ctx: Context, regionId: string, from: Date, to: Date): Promise<Dashboard> {
    const region = await readableRegion(ctx, regionId);
    return { region, ...periodOf(from, to) };
  },

  async report(ctx: Context, regionId: string, from: Date, to: Date): Promise<SatisfactionReport> {
    const region = await readableRegion(ctx, regionId);
    return satisfactionService.reportOf(ctx, region, periodOf(from, to));
  },

  async reportOf(ctx: Context, region: Region, period: Period): Promise<SatisfactionReport> {
    const months = monthsOf(period);
    if (months.length > REPORT_MAX_MONTHS) {
      throw badInput([
        {
          field: 'to',
          message: `报告期最长${REPORT_MAX_MONTHS / 12}年 / a report covers at most ${REPORT_MAX_MONTHS / 12} years`,
        },
      ]);
    }
    const districtId = districtIdOf(region);
    // every statement as soon as what it needs is known, so they run side by side
    const settingsP = ctx.loaders.satisfaction.settings.load(districtId);
    const whereP = whereOf(ctx, region);
    const streetsP =
      region.level === 'DISTRICT'
        ? ctx.loaders.places.regionChildren
            .load(region.id)
            .then((list) => list.filter((x) => x.level === 'STREET'))
        : Promise.resolve([] as Region[]);
    const threshold = settingsP.then((s) => () => s.satisfiedThreshold);
    const [settings, centers, streets, byCenter, [total, byMonth, byChannel], [byStreet], dims] =
      await Promise.all([
        settingsP,
        // a district's children are its streets: its centers only count toward compliance
        region.level === 'DISTRICT' ? centerRefsOf(ctx, region) : centersOf(ctx, region),
        streetsP,
        // in the same tick as a ranking of the same request: one rollup statement serves both
        ctx.loaders.satisfaction.districtCenters.load({ districtId, period }),
        Promise.all([whereP, threshold]).then(([where, t]) =>
          groupedTallies(ctx.db, where, period, [[], ['m'], ['channel']], t),
        ),
        Promise.all([streetsP, threshold]).then(([list, t]) =>
          groupedTallies(
            ctx.db,
            { column: 'street_id', ids: list.map((x) => x.id) },
            period,
            [['unit_id']],
            t,
          ),
        ),
        whereP.then((where) => dimensionTallies(ctx.db, where, period)),
      ]);

    let assessed = 0;
    let compliant = 0;
    const meets = new Map<number, boolean | null>();
    for (const c of centers) {
      const s = summarize(byCenter.get(c.id));
      if (s.satisfiedRate === null) {
        meets.set(c.id, null);
        continue;
      }
      assessed += 1;
      const ok = s.satisfiedRate >= settings.complianceTarget - 1e-9;
      if (ok) compliant += 1;
      meets.set(c.id, ok);
    }
    const children: SatisfactionChild[] =
      region.level === 'DISTRICT'
        ? streets.map((s) => ({
            region: s,
            center: null,
            summary: summarize(byStreet.get(String(s.id))),
            meetsTarget: null,
          }))
        : centers.map((c) => ({
            region: null,
            center: c,
            summary: summarize(byCenter.get(c.id)),
            meetsTarget: meets.get(c.id) ?? null,
          }));
    const thisMonth = monthOf(shanghaiDate(new Date()));
    return {
      region,
      from: period.from,
      to: period.to,
      satisfiedThreshold: settings.satisfiedThreshold,
      complianceTarget: settings.complianceTarget,
      summary: summarize(total.get('')),
      byMonth: months
        .filter((m) => m <= thisMonth)
        .map((m) => byKey(summarize(byMonth.get(m)), { month: m.slice(0, 7) })),
      byChannel: RESPONSE_CHANNELS.map((channel: ResponseChannel) =>
        byKey(summarize(byChannel.get(channel)), { channel }),
      ),
      byDimension: DIMENSIONS.map((dimension) => {
        const d = dims.find((x) => x.dimension === dimension);
        return {
          dimension,
          answers: d?.answers ?? 0,
          averageScore: d && d.answers > 0 ? d.scoreSum / d.answers : null,
        };
      }),
      complianceRate: assessed ? compliant / assessed : null,
      compliantCenters: compliant,
      assessedCenters: assessed,
      children,
    };
  },

  /** The newest free-text answers of responses scoring below the district's satisfied threshold,
   * within the period when one is given (read-only over the survey tables; no respondent is ever
   * read). */
  async latestComplaints(
    ctx: Context,
    regionId: string,
    first: number | null | undefined,
    from: Date | null | undefined,
    to: Date | null | undefined,
  ): Promise<Complaint[]> {
    const region = await readableRegion(ctx, regionId);
    return satisfactionService.complaintsOf(ctx, region, first, periodOf(from, to));
  },

  async complaintsOf(
    ctx: Context,
    region: Region,
    first: number | null | undefined,
    period: Period,
  ): Promise<Complaint[]> {
    const limit = first ?? COMPLAINTS_DEFAULT;
    if (!Number.isInteger(limit) || limit < 0 || limit > COMPLAINTS_MAX) {
      throw badInput([
        { field: 'first', message: `最多${COMPLAINTS_MAX}条 / first must be from 0 to ${COMPLAINTS_MAX}` },
      ]);
    }
    const [settings, where] = await Promise.all([
      ctx.loaders.satisfaction.settings.load(districtIdOf(region)),
      whereOf(ctx, region),
    ]);
    if (!where.ids.length || limit === 0) return [];
    const rows: {
      id: string;
      text: string;
      score: number;
      submitted_at: Date;
      channel: ResponseChannel;
      center_id: number | null;
      survey_title: string;
      question: string;
    }[] = await ctx.db.query(
      `SELECT a.id, a.text, r.score::float8 AS score, ${SUBMITTED_AT_SHOWN} AS submitted_at, r.channel, r.center_id,
              s.title AS survey_title, q.text AS question
       FROM survey_response r
       JOIN survey_answer a ON a.response_id = r.id
       JOIN survey_question q ON q.id = a.question_id
       JOIN survey s ON s.id = r.survey_id
       WHERE r.${where.column} = ANY($1::int[]) AND r.submitted_at >= $4 AND r.submitted_at < $5
         AND r.score < $2 AND q.kind = 'TEXT' AND btrim(a.text) <> ''
       ORDER BY r.submitted_at DESC, a.id DESC
       LIMIT $3`,
      [
        where.ids,
        settings.satisfiedThreshold,
        limit,
        startOfShanghaiDay(period.from),
        startOfShanghaiDay(period.to),
      ],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      text: r.text,
      score: r.score,
      submittedAt: r.submitted_at,
      channel: r.channel,
      centerId: r.center_id,
      surveyTitle: r.survey_title,
      question: r.question,
    }));
  },

  /** The report as an Excel workbook: 概览, 按月, 按维度, 排名. */
  async exportReport(ctx: Context, regionId: string, from: Date, to: Date): Promise<FileDownload> {
    const region = await readableRegion(ctx, regionId);
    const period = periodOf(from, to);
    const [report, ranking] = await Promise.all([
      satisfactionService.reportOf(ctx, region, period),
      rankingOf(ctx, region, period, true),
    ]);
    return reportWorkbook(ctx, report, ranking);
  },
};

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const num = (v: number | null, digits = 2) => (v === null ? '' : Number(v.toFixed(digits)));

async function reportWorkbook(
  ctx: Context,
  report: SatisfactionReport,
  ranking: CenterRank[],
): Promise<FileDownload> {
  const wb = newWorkbook();
  const s = report.summary;
  addTableSheet(
    wb,
    '概览',
    [
      { key: 'item', header: '项目', width: 28 },
      { key: 'value', header: '数值', width: 28 },
    ],
    [
      { item: '区域', value: report.region.name },
      { item: '期间（含起始日，不含结束日）', value: `${report.from} 至 ${report.to}` },
      { item: '答卷数', value: s.responses },
      { item: '平均分（满分10分）', value: num(s.averageScore) },
      { item: `满意率（%，≥${report.satisfiedThreshold}分）`, value: pct(s.satisfiedRate) },
      {
        item: `运营管理达标率（%，满意率≥${pct(report.complianceTarget)}%）`,
        value: pct(report.complianceRate),
      },
      {
        item: '达标中心数 / 有评分的中心数',
        value: `${report.compliantCenters} / ${report.assessedCenters}`,
      },
      ...report.byChannel.map((c) => ({
        item: `答卷数：${c.channel === 'ONLINE' ? '线上' : '线下纸质'}`,
        value: c.responses,
      })),
    ],
  );
  addTableSheet(
    wb,
    '按月',
    [
      { key: 'month', header: '月份', width: 12 },
      { key: 'responses', header: '答卷数', width: 10 },
      { key: 'average', header: '平均分', width: 10 },
      { key: 'rate', header: '满意率(%)', width: 12 },
    ],
    report.byMonth.map((m) => ({
      month: m.month,
      responses: m.responses,
      average: num(m.averageScore),
      rate: pct(m.satisfiedRate),
    })),
  );
  addTableSheet(
    wb,
    '按维度',
    [
      { key: 'dimension', header: '维度', width: 16 },
      { key: 'answers', header: '答题数', width: 10 },
      { key: 'average', header: '平均分（按月汇总）', width: 20 },
    ],
    report.byDimension.map((d) => ({
      dimension: DIMENSION_LABELS[d.dimension]['zh-CN'],
      answers: d.answers,
      average: num(d.averageScore),
    })),
  );
  const streets = new Map(
    (await ctx.loaders.places.regionById.loadMany([...new Set(ranking.map((r) => r.center.streetId))]))
      .filter((r): r is Region => !!r && !(r instanceof Error))
      .map((r) => [r.id, r.name]),
  );
  addTableSheet(
    wb,
    '排名',
    [
      { key: 'districtRank', header: '全区排名', width: 10 },
      { key: 'streetRank', header: '街镇排名', width: 10 },
      { key: 'center', header: '中心', width: 26 },
      { key: 'street', header: '街镇', width: 14 },
      { key: 'responses', header: '答卷数', width: 10 },
      { key: 'satisfaction', header: '满意度得分', width: 12 },
      { key: 'evaluations', header: '评估次数', width: 10 },
      { key: 'evaluation', header: '评估得分', width: 10 },
      { key: 'composite', header: '综合得分', width: 10 },
      { key: 'change', header: '综合得分变化', width: 14 },
      { key: 'rankChange', header: '全区名次变化', width: 14 },
    ],
    ranking.map((r) => ({
      districtRank: r.districtRank ?? '',
      streetRank: r.streetRank ?? '',
      center: r.center.name,
      street: streets.get(r.center.streetId) ?? '',
      responses: r.satisfaction.responses,
      satisfaction: num(r.satisfactionScore),
      evaluations: r.evaluations,
      evaluation: num(r.evaluationScore),
      composite: num(r.composite),
      change: num(r.compositeChange),
      rankChange: r.districtRankChange ?? '',
    })),
  );
  return {
    fileName: `满意度报告-${report.region.name}-${report.from}-${report.to}-${shanghaiDateStamp()}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: (await workbookBuffer(wb)).toString('base64'),
  };
}
