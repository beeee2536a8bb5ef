// A survey in the list: its title, the center it is about, until when it is open, and "已参与"
// once the resident has answered it. The whole card is one big link.
import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { Tag } from '../../ui/Tag';
import { formatOrderTime } from '../orders/order-format';

export const SurveyCard_SurveyFragment = graphql(`
  fragment SurveyCard_SurveyFragment on Survey {
    id
    title
    anonymous
    closesAt
    viewerHasAnswered
    center {
      id
      name
    }
  }
`);

export function SurveyCard(props: { survey: FragmentType<typeof SurveyCard_SurveyFragment> }) {
  const survey = useFragment(SurveyCard_SurveyFragment, props.survey);
  const { t, i18n } = useTranslation(NAMESPACES);
  const closes = formatOrderTime(survey.closesAt, i18n.language);
  const answered = survey.viewerHasAnswered;
  return (
    <li
      className={`card survey-card${answered ? ' is-answered' : ''}`}
      data-testid="survey-card"
      data-survey-id={survey.id}
      data-title={survey.title}
      data-answered={answered ? 'true' : 'false'}
    >
      <Link className="survey-card-link" to={`/surveys/${survey.id}`}>
        <span className="survey-card-title">{survey.title}</span>
        {survey.center && <span className="survey-card-center">{survey.center.name}</span>}
        {closes && <span className="muted">{t('surveyClosesAt', { time: closes })}</span>}
        <span className="tag-row">
          {answered && (
            <Tag tone="success">
              <span data-testid="survey-answered-tag">{t('surveyAnsweredTag')}</span>
            </Tag>
          )}
          {survey.anonymous && <Tag>{t('surveyAnonymousTag')}</Tag>}
        </span>
        <span className="survey-card-action">
          {answered ? t('surveyView') : t('surveyStart')}
          <RightOutline aria-hidden="true" />
        </span>
      </Link>
    </li>
  );
}
