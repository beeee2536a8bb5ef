// One project of the community: title, status, funding, and — large — the next meeting (or, once
// the project is over, how its last meeting ended). The whole card opens the project.
import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { ProjectStatus } from '../../gql/graphql';
import { NAMESPACES } from '../../i18n';
import { Tag } from '../../ui/Tag';
import { formatOrderTime } from '../orders/order-format';
import { formatBudget, isFinished, nextMeetingText, outcomeTone, projectTone } from './community-format';
import '../orders/orders.css';
import './community.css';

export const ProjectCard_ProjectFragment = graphql(`
  fragment ProjectCard_ProjectFragment on Project {
    id
    title
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
      outcome
    }
  }
`);

export function projectPath(id: string): string {
  return `/community/projects/${encodeURIComponent(id)}`;
}

export function ProjectStatusTag({ status, testId }: { status: ProjectStatus; testId?: string }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <span className={`status-tag tone-${projectTone(status)}`} data-testid={testId} data-status={status}>
      {t(`enum:projectStatus.${status}`)}
    </span>
  );
}

export function FundingTag({ publiclyFunded }: { publiclyFunded: boolean }) {
  const { t } = useTranslation(NAMESPACES);
  return publiclyFunded ? (
    <Tag tone="primary">{t('projectPubliclyFunded')}</Tag>
  ) : (
    <Tag>{t('projectNotPubliclyFunded')}</Tag>
  );
}

export function ProjectCard({ project: ref }: { project: FragmentType<typeof ProjectCard_ProjectFragment> }) {
  const project = useFragment(ProjectCard_ProjectFragment, ref);
  const { t, i18n } = useTranslation(NAMESPACES);
  const locale = i18n.language;
  const finished = isFinished(project.status);
  const next = nextMeetingText(project, t, locale);
  const last = project.meetings.length > 0 ? project.meetings[project.meetings.length - 1] : null;

  return (
    <li
      className={`card project-card tone-border-${projectTone(project.status)}`}
      data-testid="project-card"
      data-title={project.title}
      data-status={project.status}
      data-project-id={project.id}
    >
      <Link className="project-card-link" to={projectPath(project.id)}>
        <div className="order-card-head">
          <h3 className="card-title order-card-title">{project.title}</h3>
          <ProjectStatusTag status={project.status} />
        </div>
        <div className="tag-row">
          <FundingTag publiclyFunded={project.publiclyFunded} />
          {project.budgetYuan != null && (
            <Tag>{t('projectBudget', { amount: formatBudget(project.budgetYuan, locale) })}</Tag>
          )}
        </div>

        {next && (
          <p className="project-next" data-testid="project-next-meeting">
            {next}
          </p>
        )}

        {finished && last && (
          <div className="project-last" data-testid="project-last-meeting" data-outcome={last.outcome}>
            <span>
              {t('projectLastMeeting', {
                kind: t(`enum:meetingKind.${last.kind}`),
                time: formatOrderTime(last.heldAt, locale),
              })}
            </span>
            <span className={`status-tag tone-${outcomeTone(last.outcome)}`}>
              {t(`enum:meetingOutcome.${last.outcome}`)}
            </span>
          </div>
        )}

        {project.demands.length > 0 && (
          <p className="project-demands muted">
            {t('projectFromDemands', {
              titles: project.demands.map((d) => d.title).join(t('listSeparator')),
            })}
          </p>
        )}
        <div className="project-open">
          {t('projectOpen')}
          <RightOutline aria-hidden="true" />
        </div>
      </Link>
    </li>
  );
}
