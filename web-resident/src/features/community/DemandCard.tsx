// One residents' demand: title, category, status, how many neighbours seconded it (+N), and the
// "附议 +1" button — or "已附议" once seconded; my own demand says so instead. Projects made from
// it link to their page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { DemandStatus } from '../../gql/graphql';
import { NAMESPACES } from '../../i18n';
import { InlineLoading } from '../../ui/StateViews';
import { Tag } from '../../ui/Tag';
import { formatOrderTime } from '../orders/order-format';
import { demandTone } from './community-format';
import { projectPath } from './ProjectCard';
import '../account/account.css';
import '../orders/orders.css';
import './community.css';

export const DemandCard_DemandFragment = graphql(`
  fragment DemandCard_DemandFragment on Demand {
    id
    title
    description
    category
    status
    seconds
    createdAt
    raisedByMe
    viewerSeconded
    viewerCanSecond
    community {
      id
      name
    }
    projects {
      id
      title
      status
    }
  }
`);

/** Resolves to an error message to show, or null when the +1 went through. */
export type SecondAction = (id: string) => Promise<string | null>;

export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <span
      className={`status-tag tone-${demandTone(status)}`}
      data-testid="demand-status"
      data-status={status}
    >
      {t(`enum:demandStatus.${status}`)}
    </span>
  );
}

/**
 * The +1 control shared by the list and the similar-demand suggestions: a button while the resident
 * may second, "已附议" (disabled) once they have, "我提的" on their own demand, nothing otherwise.
 */
export function SecondButton({
  demand,
  onSecond,
}: {
  demand: {
    id: string;
    raisedByMe?: boolean;
    viewerSeconded: boolean;
    viewerCanSecond?: boolean;
    status: string;
  };
  onSecond: SecondAction;
}) {
  const { t } = useTranslation(NAMESPACES);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (demand.raisedByMe)
    return (
      <span className="demand-mine" data-testid="demand-mine">
        {t('demandMine')}
      </span>
    );
  if (demand.viewerSeconded)
    return (
      <button
        type="button"
        className="second-button is-done"
        disabled
        data-testid="demand-second"
        data-seconded="true"
      >
        {t('demandSeconded')}
      </button>
    );
  const canSecond = demand.viewerCanSecond ?? (demand.status === 'OPEN' || demand.status === 'MATCHED');
  if (!canSecond) return null;

  const second = async () => {
    if (sending) return;
    setSending(true);
    setError(null);
    const failure = await onSecond(demand.id);
    setSending(false);
    setError(failure);
  };
  return (
    <span className="second-box">
      <button
        type="button"
        className="second-button"
        disabled={sending}
        data-testid="demand-second"
        data-seconded="false"
        onClick={() => void second()}
      >
        {sending ? <InlineLoading /> : t('demandSecond')}
      </button>
      {error && (
        <span className="form-error second-error" role="alert" data-testid="demand-second-error">
          {error}
        </span>
      )}
    </span>
  );
}

/** "+3": the neighbours who seconded it. */
export function SecondsCount({ count }: { count: number }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <span className="demand-seconds-box" title={t('demandSecondsLabel', { count })}>
      <span className="demand-seconds" data-testid="demand-seconds" data-count={count}>
        +{count}
      </span>
      <span className="demand-seconds-label">{t('demandSecondsUnit')}</span>
    </span>
  );
}

export function DemandCard({
  demand: ref,
  onSecond,
  highlight,
}: {
  demand: FragmentType<typeof DemandCard_DemandFragment>;
  onSecond: SecondAction;
  /** the demand just raised */
  highlight?: boolean;
}) {
  const demand = useFragment(DemandCard_DemandFragment, ref);
  const { t, i18n } = useTranslation(NAMESPACES);

  return (
    <li
      className={`card demand-card tone-border-${demandTone(demand.status)}${highlight ? ' is-new' : ''}`}
      data-testid="demand-card"
      data-title={demand.title}
      data-status={demand.status}
      data-demand-id={demand.id}
    >
      <div className="order-card-head">
        <h3 className="card-title order-card-title">{demand.title}</h3>
        <DemandStatusTag status={demand.status} />
      </div>
      <div className="tag-row">
        <Tag tone="primary">{t(`enum:category.${demand.category}`)}</Tag>
        {demand.raisedByMe && <Tag tone="success">{t('demandMine')}</Tag>}
      </div>
      {demand.description && <p className="card-text demand-description">{demand.description}</p>}
      {demand.projects.length > 0 && (
        <ul className="plain-list demand-projects">
          {demand.projects.map((p) => (
            <li key={p.id}>
              <Link to={projectPath(p.id)} data-testid="demand-project-link">
                {t('demandInProject', { title: p.title, status: t(`enum:projectStatus.${p.status}`) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted demand-meta">
        {t('demandRaisedAt', { time: formatOrderTime(demand.createdAt, i18n.language) })}
      </p>
      <div className="demand-actions">
        <SecondsCount count={demand.seconds} />
        {!demand.raisedByMe && <SecondButton demand={demand} onSecond={onSecond} />}
      </div>
    </li>
  );
}
