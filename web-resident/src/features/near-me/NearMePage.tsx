// 附近: the resident's point (browser location or a chosen community) and the centers within
// a 15-minute walk, as a list (nearest first) and a map.
import { LIFE_CIRCLE_MINUTES, NEAR_MAX } from '@lc/domain';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { CommunityPicker, type CommunitySelection } from '../places/CommunityPicker';
import type { RegionChoice } from '../places/RegionSelect';
import { LocateButton } from './LocateButton';
import { NearItem } from './NearItem';
import { type NearState, parseNearParams, toNearParams, WIDENED_MINUTES } from './near-params';
import { NAMESPACES } from '../../i18n';

const NearMap = lazy(() => import('./NearMap'));

/** How many nearby centers to list at most (the API refuses more than NEAR_MAX). */
const NEAR_LIMIT = Math.min(50, NEAR_MAX);

const NearMePageQuery = graphql(`
  query NearMePage($point: GeoPointInput!, $withinMinutes: Int!, $first: Int!) {
    centersNear(point: $point, withinMinutes: $withinMinutes, first: $first) {
      distanceMeters
      center {
        id
      }
      ...NearItem_CenterDistanceFragment
      ...NearMap_CenterDistanceFragment
    }
  }
`);

export default function NearMePage() {
  const { t } = useTranslation(NAMESPACES);
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseNearParams(params), [params]);

  const update = useCallback(
    (next: NearState) => setParams(toNearParams(next), { replace: true }),
    [setParams],
  );

  const onPick = useCallback(
    (selection: CommunitySelection, community?: RegionChoice) => {
      if (selection.communityId) {
        const point = community?.location ?? null;
        update({ selection, point, source: point ? 'community' : null, within: LIFE_CIRCLE_MINUTES });
      } else if (state.source === 'geo') {
        // browsing districts/streets keeps the device location until a community is chosen
        update({ ...state, selection });
      } else {
        update({ selection, point: null, source: null, within: LIFE_CIRCLE_MINUTES });
      }
    },
    [update, state],
  );

  const onLocated = useCallback(
    (point: { lat: number; lng: number }) =>
      update({
        selection: { districtId: state.selection.districtId, streetId: '', communityId: '' },
        point,
        source: 'geo',
        within: LIFE_CIRCLE_MINUTES,
      }),
    [update, state.selection.districtId],
  );

  const communityWithoutPoint = !!state.selection.communityId && !state.point;

  return (
    <div className="page" data-testid="near-me-page">
      <PageHeader title={t('nearTitle')} />
      <p className="page-intro">{t('nearIntro')}</p>

      <LocateButton onLocated={onLocated} />

      <Section title={t('orPickCommunity')}>
        <CommunityPicker value={state.selection} onChange={onPick} />
        {communityWithoutPoint && (
          <p className="notice notice-warning" role="alert">
            {t('communityNoLocation')}
          </p>
        )}
      </Section>

      {state.point ? (
        <NearResults
          point={state.point}
          source={state.source}
          within={state.within}
          onWithin={(within) => update({ ...state, within })}
        />
      ) : (
        !communityWithoutPoint && <EmptyView title={t('pickFirst')} testId="near-placeholder" />
      )}
    </div>
  );
}

function NearResults({
  point,
  source,
  within,
  onWithin,
}: {
  point: { lat: number; lng: number };
  source: NearState['source'];
  within: number;
  onWithin: (minutes: number) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NearMePageQuery,
    variables: { point: { lat: point.lat, lng: point.lng }, withinMinutes: within, first: NEAR_LIMIT },
  });
  // the API sorts by distance; sort again so "first is nearest" never depends on it
  const items = useMemo(
    () => (data ? [...data.centersNear].sort((a, b) => a.distanceMeters - b.distanceMeters) : []),
    [data],
  );
  const widened = within !== LIFE_CIRCLE_MINUTES;

  let body;
  if (fetching && !data) body = <LoadingView lines={4} testId="near-loading" />;
  else if (error && !data)
    body = <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (items.length === 0)
    body = (
      <EmptyView
        title={t('emptyNear', { minutes: within })}
        hint={widened ? undefined : t('emptyNearHint')}
        testId="near-empty"
      >
        {!widened && (
          <button
            type="button"
            className="big-button big-button-primary"
            onClick={() => onWithin(WIDENED_MINUTES)}
          >
            {t('widenTo30')}
          </button>
        )}
      </EmptyView>
    );
  else
    body = (
      <>
        <Suspense fallback={<div className="near-map near-map-loading" aria-hidden="true" />}>
          <NearMap point={point} withinMinutes={within} items={items} />
        </Suspense>
        <ul className="near-list" data-testid="near-list" aria-busy={fetching || undefined}>
          {items.map((item, index) => (
            <NearItem key={item.center.id} item={item} rank={index + 1} />
          ))}
        </ul>
      </>
    );

  return (
    <Section
      testId="near-results"
      title={
        <>
          {source === 'geo' ? t('nearPlace', { place: t('myLocation') }) : null}
          {source === 'geo' ? ' · ' : null}
          {t('withinMinutes', { minutes: within })}
          {data && items.length > 0 ? ` · ${t('resultCount', { count: items.length })}` : null}
        </>
      }
      extra={
        widened ? (
          <button type="button" className="link-button" onClick={() => onWithin(LIFE_CIRCLE_MINUTES)}>
            {t('backTo15')}
          </button>
        ) : null
      }
    >
      {body}
    </Section>
  );
}
