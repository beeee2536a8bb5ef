// CENTER_SATISFACTION_UPDATED, once a Shanghai day: for every center that had responses the day
// before, its figures of that day and of the month so far (from the rollups). The day's run is a
// unique row inserted in the same statement as the events, so of several API processes exactly one
// emits them.
import type { DataSource } from 'typeorm';
import { MATCHING_SUBSCRIPTIONS } from './outbox';

/** Today and yesterday in Shanghai as YYYY-MM-DD. */
function shanghaiDays(now = new Date()): { today: string; yesterday: string } {
  const fmt = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
  return { today: fmt(now), yesterday: fmt(new Date(now.getTime() - 24 * 3600 * 1000)) };
}

/** Emits the day's events unless a process already did; returns how many were emitted. */
export async function emitDailySatisfaction(
  db: Pick<DataSource, 'query'>,
  now = new Date(),
): Promise<number> {
  const { today, yesterday } = shanghaiDays(now);
  const rows: { events: number }[] = await db.query(
    `WITH run AS (
       INSERT INTO webhook_daily_run (day) VALUES ($1::date) ON CONFLICT DO NOTHING RETURNING day
     ), figs AS (
       SELECT d.center_id, d.district_id, d.street_id, sum(d.responses)::int AS responses,
              sum(d.score_sum) AS score_sum, sum(d.scored)::int AS scored
       FROM satisfaction_day d
       WHERE d.day = $2::date AND EXISTS (SELECT 1 FROM run)
       GROUP BY d.center_id, d.district_id, d.street_id
     ), month AS (
       SELECT m.center_id, sum(m.responses)::int AS responses, sum(m.score_sum) AS score_sum, sum(m.scored)::int AS scored
       FROM satisfaction_month m JOIN figs f ON f.center_id = m.center_id
       WHERE m.month = date_trunc('month', $2::date)::date
       GROUP BY m.center_id
     ), ev AS (
       INSERT INTO webhook_event (event_type, record_type, record_id, district_id, street_id, center_id, payload)
       SELECT 'CENTER_SATISFACTION_UPDATED', 'center', f.center_id::text, f.district_id, f.street_id, f.center_id,
              jsonb_build_object(
                'centerId', f.center_id::text, 'day', $2::text,
                'responses', f.responses,
                'averageScore', CASE WHEN f.scored > 0 THEN round(f.score_sum / f.scored, 2) END,
                'monthToDate', jsonb_build_object(
                  'responses', coalesce(m.responses, 0),
                  'averageScore', CASE WHEN m.scored > 0 THEN round(m.score_sum / m.scored, 2) END))
       FROM figs f LEFT JOIN month m ON m.center_id = f.center_id
       RETURNING id, event_type, record_id, district_id, street_id
     ), deliveries AS (
       INSERT INTO webhook_delivery (subscription_id, event_id, record_key)
       SELECT s.id, ev.id, 'center:' || ev.record_id FROM ev, ${MATCHING_SUBSCRIPTIONS}
       RETURNING id
     )
     SELECT (SELECT count(*)::int FROM ev) AS events, (SELECT count(*) FROM deliveries) AS deliveries`,
    [today, yesterday],
  );
  return rows[0]?.events ?? 0;
}
