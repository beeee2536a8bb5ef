// Every step of a project, oldest first: its creation, each move (from → to, by whom), each
// meeting recorded (with its outcome) and each meeting announced.
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectDetailQuery } from '../../gql/graphql';
import { localizeBilingual } from '../orders/bilingual';
import { formatDateTime } from '../orders/ordersModel';
import { MEETING_COLORS, OUTCOME_COLORS, STATUS_COLORS } from './projectModel';

type ProjectEvent = NonNullable<ProjectDetailQuery['project']>['timeline'][number];

function color(e: ProjectEvent): string {
  if (e.kind === 'CREATED') return 'blue';
  if (e.kind === 'TRANSITION')
    return e.toStatus === 'REJECTED' ? 'red' : e.toStatus === 'COMPLETED' ? 'green' : 'blue';
  return e.meeting ? 'gold' : 'gray';
}

export function ProjectTimeline({ events }: { events: readonly ProjectEvent[] }) {
  const { t, i18n } = useTranslation();
  const actor = (e: ProjectEvent) => e.actorName ?? t('admin:projectSystem');
  const status = (s: string | null | undefined) =>
    s ? (
      <Tag color={STATUS_COLORS[s as keyof typeof STATUS_COLORS]} style={{ marginInlineEnd: 0 }}>
        {t(`enum:projectStatus.${s}`)}
      </Tag>
    ) : null;

  const body = (e: ProjectEvent) => {
    if (e.kind === 'CREATED') return <>{t('admin:projectEventCreated', { actor: actor(e) })}</>;
    if (e.kind === 'TRANSITION')
      return (
        <>
          {t('admin:projectEventMoved', { actor: actor(e) })} {status(e.fromStatus)} → {status(e.toStatus)}
        </>
      );
    if (e.meeting)
      return (
        <>
          {t('admin:projectEventMeeting', { actor: actor(e) })}{' '}
          <Tag color={MEETING_COLORS[e.meeting.kind]} style={{ marginInlineEnd: 4 }}>
            {t(`enum:meetingKind.${e.meeting.kind}`)}
          </Tag>
          <Tag color={OUTCOME_COLORS[e.meeting.outcome]} style={{ marginInlineEnd: 0 }}>
            {t(`enum:meetingOutcome.${e.meeting.outcome}`)}
          </Tag>
        </>
      );
    return <>{t('admin:projectEventAnnounced', { actor: actor(e) })}</>;
  };

  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: color(e),
        title: <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>,
        content: (
          <div data-testid="timeline-item" data-kind={e.kind} data-to-status={e.toStatus ?? ''}>
            <div>{body(e)}</div>
            {/* An announcement's note is the API's raw record (kind code, ISO time): not shown. */}
            {e.note && !(e.kind === 'MEETING' && !e.meeting) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {localizeBilingual(e.note, i18n.language)}
              </Typography.Text>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
