// /centers/:id — everything a resident needs before walking over: where, when, what.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { isNotFound } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { CenterSurveyLink } from '../surveys/CenterSurveyLink';
import { CenterFacilities } from './CenterFacilities';
import { CenterServices } from './CenterServices';
import { CenterSummary } from './CenterSummary';
import { CenterDutyToday } from './CenterDutyToday';
import { NAMESPACES } from '../../i18n';

const CenterDetailPageQuery = graphql(`
  query CenterDetailPage($id: ID!) {
    center(id: $id) {
      id
      name
      ...CenterSummary_CenterFragment
      ...CenterFacilities_CenterFragment
      ...CenterServices_CenterFragment
      ...CenterDutyToday_CenterFragment
    }
  }
`);

export default function CenterDetailPage() {
  const { t } = useTranslation(NAMESPACES);
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CenterDetailPageQuery,
    variables: { id },
    pause: !id,
  });

  const notFound = (
    <EmptyView title={t('centerNotFound')} testId="center-not-found">
      <Link className="big-button" to="/">
        {t('goHome')}
      </Link>
    </EmptyView>
  );
  let body;
  if (!id) body = notFound;
  else if (fetching && !data) body = <LoadingView lines={6} testId="center-loading" />;
  else if (error && !data?.center)
    body = isNotFound(error) ? (
      notFound
    ) : (
      <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (data && !data.center) body = notFound;
  else if (data?.center)
    body = (
      <div data-testid="center-detail" data-center-id={data.center.id}>
        <CenterSummary center={data.center} />
        <CenterDutyToday center={data.center} />
        <CenterSurveyLink centerId={data.center.id} />
        <CenterServices center={data.center} />
        <CenterFacilities center={data.center} />
      </div>
    );

  return (
    <div className="page">
      <PageHeader title={data?.center?.name ?? t('centerDetailTitle')} back titleTestId="center-name" />
      {body}
    </div>
  );
}
