// /surveys/:id — one survey: what it is about, until when, whether it is anonymous, then its
// questions; afterwards "感谢您的评价". A survey already answered, or not taking answers (closed,
// or outside its dates), says so instead.
import { CheckCircleFill } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { isNotFound } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { formatOrderTime } from '../orders/order-format';
import { type SubmittedResponse, SurveyForm } from './SurveyForm';
import '../account/account.css';
import './surveys.css';

const SurveyPageQuery = graphql(`
  query SurveyPage($id: ID!) {
    survey(id: $id) {
      id
      title
      description
      status
      acceptingResponses
      anonymous
      closesAt
      viewerHasAnswered
      center {
        id
        name
      }
      questions {
        id
        kind
        text
        required
        options
        position
      }
    }
  }
`);

export default function SurveyPage() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const { id = '' } = useParams();
  const [submitted, setSubmitted] = useState<SubmittedResponse | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SurveyPageQuery,
    variables: { id },
    pause: !id,
  });
  const survey = data?.survey ?? null;

  // the thanks replace a long form: show them from the top
  useEffect(() => {
    if (submitted && typeof window.scrollTo === 'function' && !navigator.userAgent.includes('jsdom'))
      window.scrollTo(0, 0);
  }, [submitted]);

  const notFound = (
    <EmptyView title={t('surveyNotFound')} testId="survey-not-found">
      <Link className="big-button" to="/surveys">
        {t('surveyBackToList')}
      </Link>
    </EmptyView>
  );

  let body;
  if (submitted) body = <SurveyThanks />;
  else if (!id) body = notFound;
  else if (fetching && !data) body = <LoadingView lines={6} testId="survey-loading" />;
  else if (error && !survey)
    body = isNotFound(error) ? (
      notFound
    ) : (
      <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!survey) body = notFound;
  else {
    const closes = formatOrderTime(survey.closesAt, i18n.language);
    body = (
      <div className="survey-detail" data-testid="survey-detail" data-survey-id={survey.id}>
        <div className="survey-intro">
          {survey.center && (
            <p className="survey-center" data-testid="survey-center">
              {t('surveyCenter', { name: survey.center.name })}
            </p>
          )}
          {survey.description && <p className="survey-description">{survey.description}</p>}
          {closes && survey.acceptingResponses && (
            <p className="muted">{t('surveyClosesAt', { time: closes })}</p>
          )}
          {survey.anonymous && (
            <p className="notice notice-info" data-testid="survey-anonymous">
              {t('surveyAnonymous')}
            </p>
          )}
        </div>
        {survey.viewerHasAnswered ? (
          <EmptyView title={t('surveyAlreadyAnswered')} hint={t('surveyThanks')} testId="survey-answered">
            <Link className="big-button" to="/surveys">
              {t('surveyBackToList')}
            </Link>
          </EmptyView>
        ) : !survey.acceptingResponses ? (
          <EmptyView title={t('surveyClosed')} testId="survey-closed">
            <Link className="big-button" to="/surveys">
              {t('surveyBackToList')}
            </Link>
          </EmptyView>
        ) : (
          <SurveyForm surveyId={survey.id} questions={survey.questions} onSubmitted={setSubmitted} />
        )}
      </div>
    );
  }

  return (
    <div className="page survey-page" data-testid="survey-page">
      <PageHeader title={survey?.title ?? t('surveyPageTitle')} back titleTestId="survey-title" />
      {body}
    </div>
  );
}

function SurveyThanks() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="survey-thanks" data-testid="survey-thanks" role="status">
      <CheckCircleFill className="survey-thanks-icon" aria-hidden="true" />
      <p className="survey-thanks-title">{t('surveyThanks')}</p>
      <p className="muted">{t('surveyThanksHint')}</p>
      <div className="survey-thanks-actions">
        <Link className="big-button big-button-primary" to="/surveys" data-testid="survey-back-to-list">
          {t('surveyBackToList')}
        </Link>
        <Link className="big-button" to="/">
          {t('goHome')}
        </Link>
      </div>
    </div>
  );
}
