// What officials may see of a response's time.

/** When a response was submitted, as officials see it: the Shanghai day only for anonymous surveys, so
 * the time cannot link an answer to the resident who was seen answering (r: survey_response, s: survey). */
export const SUBMITTED_AT_SHOWN = `CASE WHEN s.anonymous
  THEN date_trunc('day', r.submitted_at AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
  ELSE r.submitted_at END`;
