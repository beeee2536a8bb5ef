// /surveys “满意度评价”: the open surveys, those of my home center (我的服务中心) first, then the
// others (my street's centers first); the ones still to answer before those already answered, the
// soonest closing first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { homeCenterPath } from '../account/home-center-path';
import { useMe } from '../account/use-me';
import { SurveyCard } from './SurveyCard';
import { groupSurveys } from './survey-model';
import '../account/account.css';
import './surveys.css';

const SurveysPageQuery = graphql(`
  query SurveysPage($centerId: ID, $withCenter: Boolean!) {
    mine: surveys(centerId: $centerId, status: OPEN) @include(if: $withCenter) {
      id
      title
      closesAt
      viewerHasAnswered
      center {
        id
        street {
          id
        }
      }
      ...SurveyCard_SurveyFragment
    }
    all: surveys(status: OPEN) {
      id
      title
      closesAt
      viewerHasAnswered
      center {
        id
        street {
          id
        }
      }
      ...SurveyCard_SurveyFragment
    }
  }
`);

export default function SurveysPage() {
  const { t } = useTranslation(NAMESPACES);
  const { me, loading: meLoading, error: meError, retry: meRetry } = useMe();
  const homeCenter = me?.homeCenter ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SurveysPageQuery,
    variables: { centerId: homeCenter?.id ?? null, withCenter: !!homeCenter },
    pause: meLoading,
    requestPolicy: 'cache-and-network',
  });

  let body;
  if (meLoading || (fetching && !data)) body = <LoadingView lines={5} testId="surveys-loading" />;
  else if (meError && !me) body = <ErrorView error={meError} onRetry={meRetry} />;
  else if (error && !data)
    body = <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (data) {
    const { mine, others } = groupSurveys([data.mine, data.all], homeCenter);
    const empty = <EmptyView title={t('surveysEmpty')} hint={t('surveysEmptyHint')} testId="surveys-empty" />;
    body = (
      <>
        {homeCenter ? (
          <Section title={t('surveysMine', { name: homeCenter.name })} testId="surveys-mine">
            {mine.length > 0 ? (
              <ul className="card-list">
                {mine.map((s) => (
                  <SurveyCard key={s.id} survey={s} />
                ))}
              </ul>
            ) : (
              <p className="muted" data-testid="surveys-mine-empty">
                {t('surveysMineEmpty')}
              </p>
            )}
          </Section>
        ) : (
          <div className="notice notice-info surveys-no-center">
            <p>{t('surveysNoHomeCenter')}</p>
            <Link className="link-button" to={homeCenterPath('/surveys')} data-testid="home-center-change">
              {t('homeCenterChoose')}
            </Link>
          </div>
        )}
        <Section title={homeCenter ? t('surveysOthers') : t('surveysOpen')} testId="surveys-others">
          {others.length > 0 ? (
            <ul className="card-list">
              {others.map((s) => (
                <SurveyCard key={s.id} survey={s} />
              ))}
            </ul>
          ) : homeCenter && mine.length > 0 ? (
            <p className="muted">{t('surveysOthersEmpty')}</p>
          ) : (
            empty
          )}
        </Section>
      </>
    );
  }

  return (
    <div className="page surveys-page" data-testid="surveys-page">
      <PageHeader title={t('surveysTitle')} back />
      <p className="page-intro">{t('surveysIntro')}</p>
      {body}
    </div>
  );
}
