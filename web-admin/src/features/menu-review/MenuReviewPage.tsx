// /review — 年度评估 · 功能迭代: a district's year of mobile-service orders. Figures, the most
// ordered items with their ratings, every item ranked, and the items proposed for the district
// menu, which the district office may promote. District and year live in the URL.
import { App, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState, useErrorMessage } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { localizeBilingual } from '../orders/bilingual';
import { ReviewKpis } from './ReviewKpis';
import { ReviewProposals } from './ReviewProposals';
import { ReviewTable } from './ReviewTable';
import { REVIEW_CHART_TOP, canPromote, districtOf, parseYear, reviewYears } from './reviewModel';

const ReviewChart = lazy(() => import('./ReviewChart'));

const ReviewScopeQuery = graphql(`
  query ReviewScope($regionId: ID!) {
    region(id: $regionId) {
      id
      name
      level
      parent {
        id
        name
        level
        parent {
          id
          name
          level
        }
      }
    }
  }
`);

const MenuReviewPageQuery = graphql(`
  query MenuReviewPage($districtId: ID!, $year: Int!) {
    menuReview(districtId: $districtId, year: $year) {
      year
      district {
        id
        name
      }
      ...ReviewKpis_MenuReviewFragment
      items {
        rank
        orders
        averageRating
        service {
          id
          name
        }
        ...ReviewTable_MenuReviewItemFragment
      }
      proposals {
        service {
          id
        }
        ...ReviewProposals_MenuReviewItemFragment
      }
    }
  }
`);

const PromoteServiceItemMutation = graphql(`
  mutation PromoteServiceItem($id: ID!) {
    promoteServiceItem(id: $id) {
      id
      menu
      promotedFrom
      updatedAt
    }
  }
`);

/** The viewer's district: their scope when it is one, else the district above it. */
function useViewerDistrict() {
  const viewer = useViewer();
  const scope = viewer.scope;
  const isDistrict = scope?.level === 'DISTRICT';
  const [result] = useQuery({
    query: ReviewScopeQuery,
    variables: { regionId: scope?.id ?? '' },
    pause: !scope || isDistrict,
  });
  const district = isDistrict ? districtOf(scope) : districtOf(result.data?.region);
  return {
    district,
    fetching: Boolean(scope) && !isDistrict && result.fetching && !result.data,
    error: result.error,
  };
}

export default function MenuReviewPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const years = useMemo(() => reviewYears(new Date()), []);
  const year = parseYear(params.get('year'), years);
  const viewerDistrict = useViewerDistrict();
  const district = viewerDistrict.district;

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MenuReviewPageQuery,
    variables: { districtId: district?.id ?? '', year },
    pause: !district,
  });
  const [, promote] = useMutation(PromoteServiceItemMutation);
  const [promotingId, setPromotingId] = useState<string | null>(null);

  const setYear = (y: number) => {
    const p = new URLSearchParams(window.location.search);
    p.set('year', String(y));
    setParams(p, { replace: true });
  };

  const onPromote = async (id: string, name: string) => {
    setPromotingId(id);
    const res = await promote({ id });
    setPromotingId(null);
    if (res.error) {
      message.error(promoteErrorText(res.error, errorMessage, i18n.language));
    } else {
      message.success(t('admin:reviewPromoted', { name }));
    }
    reexecute({ requestPolicy: 'network-only' });
  };

  const chartLabels = useMemo(
    () => ({ orders: t('admin:reviewChartOrders'), rating: t('admin:reviewChartRating') }),
    [t],
  );
  const review = data?.menuReview;

  let body;
  if (viewerDistrict.fetching) body = <LoadingState />;
  else if (viewerDistrict.error) body = <ErrorState error={viewerDistrict.error} />;
  else if (!district) body = <EmptyState description={t('admin:reviewNoDistrict')} />;
  else if (error && !review)
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!review) body = <LoadingState />;
  else
    body = (
      <>
        <ReviewKpis review={review} />
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={t('admin:reviewChartTitle', { n: REVIEW_CHART_TOP })}
              style={{ height: '100%' }}
            >
              <div data-testid="review-chart">
                {review.items.length === 0 ? (
                  <EmptyState description={t('admin:reviewEmpty', { year })} />
                ) : (
                  <Suspense fallback={<LoadingState />}>
                    <ReviewChart items={review.items} labels={chartLabels} />
                  </Suspense>
                )}
              </div>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <ReviewProposals
              proposals={review.proposals}
              canPromote={canPromote(viewer.role)}
              promotingId={promotingId}
              onPromote={onPromote}
            />
          </Col>
        </Row>
        <Card size="small" title={t('admin:reviewTableTitle')}>
          <ReviewTable items={review.items} year={review.year} />
        </Card>
      </>
    );

  return (
    <Page
      title={t('admin:reviewTitle')}
      extra={
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('admin:reviewDistrict')}</Typography.Text>
          <Select
            data-testid="review-district-select"
            style={{ width: 160 }}
            virtual={false}
            loading={viewerDistrict.fetching}
            disabled={!district}
            value={district?.id}
            options={district ? [{ value: district.id, label: district.name }] : []}
          />
          <Typography.Text>{t('admin:reviewYear')}</Typography.Text>
          <Select
            data-testid="review-year-select"
            style={{ width: 120 }}
            virtual={false}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('admin:reviewYearOption', { year: y }) }))}
          />
        </Flex>
      }
    >
      <div data-testid="review-page" aria-busy={fetching}>
        {body}
      </div>
    </Page>
  );
}

/** The server's reason when it gave one (e.g. a same-named district item), else the code's label. */
function promoteErrorText(
  error: CombinedError,
  fallback: (e: CombinedError) => string,
  language: string,
): string {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (first?.message && (code === 'CONFLICT' || code === 'BAD_USER_INPUT')) {
    const fields = first.extensions?.fields;
    const detail =
      Array.isArray(fields) && typeof fields[0]?.message === 'string' ? fields[0].message : first.message;
    return localizeBilingual(detail, language);
  }
  return fallback(error);
}
