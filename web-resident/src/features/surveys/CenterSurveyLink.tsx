// On a center's page: “评价这个服务中心” when the center has an open survey the resident has not
// answered yet (straight to it when there is one, to the list when there are several); a quiet
// thank-you once all are answered; nothing when there is none (or the list cannot be read).
import { CheckCircleOutline, RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import '../account/account.css';
import './surveys.css';

const CenterSurveysQuery = graphql(`
  query CenterSurveys($centerId: ID!) {
    surveys(centerId: $centerId, status: OPEN) {
      id
      title
      viewerHasAnswered
    }
  }
`);

export function CenterSurveyLink({ centerId }: { centerId: string }) {
  const { t } = useTranslation(NAMESPACES);
  const [{ data }] = useQuery({ query: CenterSurveysQuery, variables: { centerId } });
  const surveys = data?.surveys ?? [];
  if (surveys.length === 0) return null;
  const toAnswer = surveys.filter((s) => !s.viewerHasAnswered);
  if (toAnswer.length === 0)
    return (
      <p className="notice notice-success center-survey-done" data-testid="center-survey-done">
        <CheckCircleOutline aria-hidden="true" /> {t('centerSurveyDone')}
      </p>
    );
  const only = toAnswer.length === 1 ? toAnswer[0] : null;
  return (
    <Link
      className="center-survey-link"
      to={only ? `/surveys/${only.id}` : '/surveys'}
      data-testid="center-survey-link"
      data-survey-id={only?.id}
    >
      <span className="center-survey-main">
        <span className="center-survey-title">{t('centerSurveyLink')}</span>
        <span className="center-survey-sub">
          {only ? only.title : t('centerSurveyMany', { count: toAnswer.length })}
        </span>
      </span>
      <RightOutline aria-hidden="true" />
    </Link>
  );
}
