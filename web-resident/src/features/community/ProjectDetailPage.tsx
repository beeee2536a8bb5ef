// A project of the community: where it stands (big steps), the next meeting, how each of the
// three meetings (三会) went — kind, date, outcome, resolution, the vote — and every step taken.
import { CheckCircleFill, CloseCircleFill } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CommunityProjectQuery } from '../../gql/graphql';
import { NAMESPACES } from '../../i18n';
import { isNotFound } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { formatOrderTime } from '../orders/order-format';
import { formatBudget, nextMeetingText, outcomeTone, projectSteps, type StepState } from './community-format';
import { FundingTag, ProjectStatusTag } from './ProjectCard';
import '../orders/orders.css';
import './community.css';

const CommunityProjectQueryDocument = graphql(`
  query CommunityProject($id: ID!) {
    project(id: $id) {
      id
      title
      description
      status
      publiclyFunded
      budgetYuan
      nextMeeting
      nextMeetingAt
      nextMeetingPlace
      demands {
        id
        title
      }
      meetings {
        id
        kind
        heldAt
        place
        attendees
        outcome
        resolution
        votesFor
        votesAgainst
        votesAbstain
      }
      timeline {
        id
        kind
        fromStatus
        toStatus
        at
        note
        meeting {
          id
          kind
          outcome
        }
      }
    }
  }
`);

type Project = NonNullable<CommunityProjectQuery['project']>;
type Meeting = Project['meetings'][number];
type TimelineEvent = Project['timeline'][number];

export default function ProjectDetailPage() {
  const { t } = useTranslation(NAMESPACES);
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommunityProjectQueryDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });

  let body;
  if (fetching && !data) body = <LoadingView lines={6} testId="project-loading" />;
  else if (error && !data && !isNotFound(error))
    body = <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!data?.project)
    body = (
      <EmptyView title={t('projectNotFound')} testId="project-not-found">
        <Link className="big-button" to="/community">
          {t('communityTitle')}
        </Link>
      </EmptyView>
    );
  else body = <ProjectDetail project={data.project} />;

  return (
    <div className="page project-detail-page">
      <PageHeader title={t('projectDetailTitle')} back />
      {body}
    </div>
  );
}

function ProjectDetail({ project }: { project: Project }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const locale = i18n.language;
  const next = nextMeetingText(project, t, locale);

  return (
    <div className="project-detail" data-testid="project-detail" data-status={project.status}>
      <section className="center-summary project-summary">
        <h2 className="project-title">{project.title}</h2>
        <div className="tag-row tag-row-large">
          <ProjectStatusTag status={project.status} />
          <FundingTag publiclyFunded={project.publiclyFunded} />
          {project.budgetYuan != null && (
            <span className="tag">
              {t('projectBudget', { amount: formatBudget(project.budgetYuan, locale) })}
            </span>
          )}
        </div>
        {project.description && <p className="project-description">{project.description}</p>}
        {project.demands.length > 0 && (
          <div className="project-demand-list">
            <p className="info-label">{t('projectDemands')}</p>
            <ul className="plain-list">
              {project.demands.map((d) => (
                <li key={d.id}>{d.title}</li>
              ))}
            </ul>
          </div>
        )}
        {project.publiclyFunded && <p className="muted small-print">{t('projectThreeMeetingsHint')}</p>}
      </section>

      {next && (
        <p className="project-next project-next-large" data-testid="project-next-meeting">
          {next}
        </p>
      )}

      <Section title={t('projectProgress')}>
        <StatusSteps project={project} />
      </Section>

      <Section title={t('projectMeetings')} testId="project-meetings">
        {project.meetings.length === 0 ? (
          <p className="muted" data-testid="project-no-meetings">
            {t('projectNoMeetings')}
          </p>
        ) : (
          <ul className="card-list">
            {project.meetings.map((m) => (
              <MeetingOutcome key={m.id} meeting={m} />
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('projectTimeline')} testId="project-timeline">
        <ol className="order-events project-timeline">
          {project.timeline.map((e) => (
            <TimelineItem key={e.id} event={e} />
          ))}
        </ol>
      </Section>
    </div>
  );
}

const STEP_LABELS = {
  PROPOSED: 'projectStepProposed',
  HEARING: 'projectStepHearing',
  APPROVED: 'projectStepApproved',
  IN_PROGRESS: 'projectStepInProgress',
  REVIEW: 'projectStepReview',
  COMPLETED: 'projectStepCompleted',
} as const;

const STEP_ICONS: Partial<Record<StepState, typeof CheckCircleFill>> = {
  done: CheckCircleFill,
  rejected: CloseCircleFill,
};

/** The six steps, large, one a line; the current one stands out. */
function StatusSteps({ project }: { project: Project }) {
  const { t } = useTranslation(NAMESPACES);
  const steps = projectSteps(project);
  return (
    <ol className="project-steps" data-testid="project-status" data-status={project.status}>
      {steps.map((step, index) => {
        const Icon = STEP_ICONS[step.state];
        return (
          <li
            key={step.status}
            className={`project-step is-${step.state}`}
            data-status={step.status}
            data-state={step.state}
            aria-current={step.state === 'current' || step.state === 'rejected' ? 'step' : undefined}
          >
            <span className="project-step-mark" aria-hidden="true">
              {Icon ? <Icon /> : index + 1}
            </span>
            <span className="project-step-label">
              {t(STEP_LABELS[step.status])}
              {step.state === 'current' && <span className="project-step-note">{t('projectStepNow')}</span>}
              {step.state === 'skipped' && (
                <span className="project-step-note">{t('projectStepSkipped')}</span>
              )}
              {step.state === 'rejected' && (
                <span className="project-step-note">{t('enum:projectStatus.REJECTED')}</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function MeetingOutcome({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const locale = i18n.language;
  const hasVotes = meeting.votesFor != null || meeting.votesAgainst != null || meeting.votesAbstain != null;
  return (
    <li
      className={`card meeting-card tone-border-${outcomeTone(meeting.outcome)}`}
      data-testid="meeting-outcome"
      data-kind={meeting.kind}
      data-outcome={meeting.outcome}
    >
      <div className="order-card-head">
        <h3 className="card-title order-card-title">{t(`enum:meetingKind.${meeting.kind}`)}</h3>
        <span className={`status-tag tone-${outcomeTone(meeting.outcome)}`}>
          {t(`enum:meetingOutcome.${meeting.outcome}`)}
        </span>
      </div>
      <dl className="info-list info-list-compact">
        <div className="info-row">
          <dt className="info-label">{t('meetingHeldAt')}</dt>
          <dd className="info-value">{formatOrderTime(meeting.heldAt, locale)}</dd>
        </div>
        {meeting.place && (
          <div className="info-row">
            <dt className="info-label">{t('meetingPlace')}</dt>
            <dd className="info-value">{meeting.place}</dd>
          </div>
        )}
        <div className="info-row">
          <dt className="info-label">{t('meetingAttendees')}</dt>
          <dd className="info-value">{t('meetingAttendeesCount', { count: meeting.attendees })}</dd>
        </div>
      </dl>
      {meeting.resolution && (
        <p className="meeting-resolution" data-testid="meeting-resolution">
          {t('meetingResolution', { text: meeting.resolution })}
        </p>
      )}
      {hasVotes && (
        <p className="meeting-votes" data-testid="meeting-votes">
          <span className="vote vote-for">{t('meetingVotesFor', { count: meeting.votesFor ?? 0 })}</span>
          <span className="vote vote-against">
            {t('meetingVotesAgainst', { count: meeting.votesAgainst ?? 0 })}
          </span>
          <span className="vote vote-abstain">
            {t('meetingVotesAbstain', { count: meeting.votesAbstain ?? 0 })}
          </span>
        </p>
      )}
    </li>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  let text: string;
  if (event.kind === 'MEETING' && event.meeting)
    text = t('timelineMeeting', {
      kind: t(`enum:meetingKind.${event.meeting.kind}`),
      outcome: t(`enum:meetingOutcome.${event.meeting.outcome}`),
    });
  else if (event.kind === 'CREATED') text = t('timelineCreated');
  else if (event.fromStatus && event.toStatus)
    text = t('timelineMoved', {
      from: t(`enum:projectStatus.${event.fromStatus}`),
      to: t(`enum:projectStatus.${event.toStatus}`),
    });
  else if (event.toStatus) text = t(`enum:projectStatus.${event.toStatus}`);
  else text = t('timelineUpdated');
  return (
    <li
      className="order-event project-timeline-item"
      data-testid="project-timeline-item"
      data-kind={event.kind}
      data-status={event.toStatus ?? undefined}
    >
      <span className="order-event-time">{formatOrderTime(event.at, i18n.language)}</span>
      <span className="order-event-status">{text}</span>
      {event.note && <span className="order-event-detail order-event-reason">{event.note}</span>}
    </li>
  );
}
