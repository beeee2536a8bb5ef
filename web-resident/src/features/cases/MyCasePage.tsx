// One of my reports: what I reported (with photos), where it stands and what happened, step by
// step; when it is resolved I say whether it is fixed and rate it — "not fixed" reopens it. A report
// merged into another shows where to follow it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { Tag } from '../../ui/Tag';
import { showToast } from '../account/toast';
import { RateForm } from '../orders/OrderCard';
import { localizedPart, mutationErrorText } from '../orders/mutation-errors';
import { formatOrderTime } from '../orders/order-format';
import { statusTone, stepKey } from './case-format';
import '../account/account.css';
import '../orders/orders.css';
import './cases.css';

const MyCaseQuery = graphql(`
  query ResidentMyCase($id: ID!) {
    case(id: $id) {
      id
      version
      description
      address
      status
      level
      jointForce
      resolution
      rejectReason
      followUpDueAt
      followUpFixed
      followUpRating
      mergedIntoId
      reportedAt
      viewerActions
      viewerIsReporter
      category {
        name
        nameEn
      }
      community {
        name
      }
      photos {
        id
        fileName
      }
      timeline {
        id
        kind
        toLevel
        jointForce
        note
        rating
        at
      }
    }
  }
`);

const PhotoQuery = graphql(`
  query ResidentCasePhoto($id: ID!) {
    casePhotoContent(id: $id) {
      mimeType
      contentBase64
    }
  }
`);

const FollowUpMutation = graphql(`
  mutation ResidentCaseFollowUp($id: ID!, $input: MoveCaseInput!) {
    moveCase(id: $id, input: $input) {
      id
      status
      followUpFixed
      followUpRating
    }
  }
`);

function Photo({ id, alt }: { id: string; alt: string }) {
  const [{ data }] = useQuery({ query: PhotoQuery, variables: { id } });
  const p = data?.casePhotoContent;
  return p ? (
    <img
      className="case-photo-img"
      src={`data:${p.mimeType};base64,${p.contentBase64}`}
      alt={alt}
      data-testid="my-case-photo"
    />
  ) : (
    <span className="case-photo-img case-photo-loading" />
  );
}

export default function MyCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(NAMESPACES);
  const zh = i18n.language.startsWith('zh');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyCaseQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [, followUp] = useMutation(FollowUpMutation);
  const [answer, setAnswer] = useState<'fixed' | 'notFixed' | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (error && !data) return <ErrorView error={error} onRetry={refresh} />;
  if (fetching && !data) return <LoadingView />;
  const c = data?.case;
  if (!c)
    return (
      <div className="page">
        <PageHeader title={t('myCasesTitle')} back />
        <EmptyView title={t('myCaseMissing')} />
      </div>
    );
  const canAnswer = c.viewerActions.includes('CONFIRM_FIXED');

  const send = async (stars: number, comment: string): Promise<string | null> => {
    const r = await followUp({
      id: c.id,
      input: {
        action: answer === 'fixed' ? 'CONFIRM_FIXED' : 'NOT_FIXED',
        rating: stars,
        comment: comment || null,
        version: c.version,
      },
    });
    if (r.error) return mutationErrorText(r.error, t, i18n.language);
    showToast(t(answer === 'fixed' ? 'myCaseThanksFixed' : 'myCaseThanksNotFixed'), 'success');
    setAnswer(null);
    refresh();
    return null;
  };

  return (
    <div className="page my-case-page" data-testid="my-case-page">
      <PageHeader title={t('myCaseTitle', { id: c.id })} back />
      <section className="case-summary">
        <p className="case-summary-status">
          <Tag tone={statusTone(c.status)}>
            <span data-testid="my-case-status" data-status={c.status}>
              {t(`enum:caseStatus.${c.status}`)}
            </span>
          </Tag>
          {c.category ? <span>{zh ? c.category.name : c.category.nameEn}</span> : null}
        </p>
        <p className="case-summary-text" data-testid="my-case-description">
          {c.description}
        </p>
        <p className="muted">
          {[c.community?.name, c.address].filter(Boolean).join(' · ')} ·{' '}
          {formatOrderTime(c.reportedAt, i18n.language)}
        </p>
        {c.photos.length ? (
          <div className="case-photos">
            {c.photos.map((p, i) => (
              <Photo key={p.id} id={p.id} alt={t('caseReportPhotoAlt', { n: i + 1 })} />
            ))}
          </div>
        ) : null}
        {c.mergedIntoId ? (
          <p className="notice notice-info">
            {t('myCaseMerged')}{' '}
            <Link to={`/my-cases/${c.mergedIntoId}`} data-testid="my-case-merged-link">
              {t('myCaseFollowMerged', { id: c.mergedIntoId })}
            </Link>
          </p>
        ) : null}
        {c.status === 'RESOLVED' && c.resolution ? (
          <p className="notice notice-success" data-testid="my-case-resolution">
            {t('myCaseResolved', { note: c.resolution })}
          </p>
        ) : null}
        {c.status === 'REJECTED' && c.rejectReason ? (
          <p className="notice notice-info">{t('myCaseRejected', { reason: c.rejectReason })}</p>
        ) : null}
      </section>

      {canAnswer ? (
        <section className="case-follow-up" data-testid="my-case-follow-up">
          <h2 className="section-title">{t('myCaseAsk')}</h2>
          {c.followUpDueAt ? (
            <p className="muted">
              {t('myCaseAskBy', { at: formatOrderTime(c.followUpDueAt, i18n.language) })}
            </p>
          ) : null}
          <div className="case-answer">
            <button
              type="button"
              className={`big-button${answer === 'fixed' ? ' big-button-primary' : ''}`}
              onClick={() => setAnswer('fixed')}
              data-testid="my-case-fixed"
            >
              {t('myCaseFixed')}
            </button>
            <button
              type="button"
              className={`big-button big-button-danger${answer === 'notFixed' ? ' is-active' : ''}`}
              onClick={() => setAnswer('notFixed')}
              data-testid="my-case-not-fixed"
            >
              {t('myCaseNotFixed')}
            </button>
          </div>
          {answer ? <RateForm onSubmit={send} onClose={() => setAnswer(null)} /> : null}
        </section>
      ) : null}

      <section className="case-steps">
        <h2 className="section-title">{t('myCaseSteps')}</h2>
        <ol className="case-timeline" data-testid="my-case-timeline">
          {[...c.timeline].reverse().map((e) => (
            <li key={e.id} className={`case-step case-step-${e.kind.toLowerCase()}`} data-kind={e.kind}>
              <span className="case-step-when">{formatOrderTime(e.at, i18n.language)}</span>
              <span className="case-step-what">
                {t(stepKey(e.kind) as 'caseStep_REPORT', {
                  level: e.toLevel ? t(`enum:caseLevel.${e.toLevel}`) : '',
                  force: e.jointForce ? `（${t(`enum:jointForce.${e.jointForce}`)}）` : '',
                  defaultValue: t(`enum:caseAction.${e.kind}` as 'enum:caseAction.ACCEPT', {
                    defaultValue: e.kind,
                  }),
                })}
              </span>
              {e.note && e.kind !== 'OVERDUE' ? (
                <span className="case-step-note">{localizedPart(e.note, i18n.language) ?? e.note}</span>
              ) : null}
              {e.rating ? (
                <span className="case-step-note">{t('rateValue', { count: e.rating })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
