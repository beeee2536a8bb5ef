// 找服务: search the service menus by name, category and area, with cursor paging.
// Paging renders one <ServiceResultsPage> per loaded cursor (urql's recommended pattern with
// the document cache): every page runs the same query with its own `after`.
import { SEARCH_MAX_LENGTH, SERVICE_CATEGORIES } from '@lc/domain';
import { SearchOutline } from 'antd-mobile-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ServiceCategory } from '../../gql/graphql';
import { Chip } from '../../ui/Chip';
import { PageHeader } from '../../ui/PageHeader';
import { CursorPageItems } from '../../ui/CursorPageItems';
import { EmptyView } from '../../ui/StateViews';
import { type CursorPage, useCursorPages } from '../../ui/use-cursor-pages';
import { useEnumLabel } from '../../ui/use-labels';
import { RegionSelect } from '../places/RegionSelect';
import { ServiceCard } from './ServiceCard';
import { NAMESPACES } from '../../i18n';

/** Items per page: small pages keep an old phone quick. */
export const SERVICE_PAGE_SIZE = 10;
/** Wait this long after the last keystroke before searching. */
const SEARCH_DEBOUNCE_MS = 350;

const ServiceSearchPageQuery = graphql(`
  query ServiceSearchPage($filter: ServiceFilter, $first: Int!, $after: String) {
    services(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ServiceCard_ServiceItemFragment
        }
      }
    }
  }
`);

interface Filter {
  search: string;
  category: string;
  regionId: string;
}

function isCategory(value: string): value is ServiceCategory {
  return (SERVICE_CATEGORIES as readonly string[]).includes(value);
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export default function ServiceSearchPage() {
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const category = params.get('category') ?? '';
  const regionId = params.get('region') ?? '';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  // keep the typed search in the URL so "back" from a center restores it
  useEffect(() => {
    if ((params.get('q') ?? '') === search) return;
    const next = new URLSearchParams(params);
    if (search) next.set('q', search);
    else next.delete('q');
    setParams(next, { replace: true });
  }, [search, params, setParams]);

  const filter = useMemo<Filter>(() => ({ search, category, regionId }), [search, category, regionId]);
  const filterKey = JSON.stringify(filter);

  return (
    <div className="page" data-testid="service-search-page">
      <PageHeader title={t('servicesTitle')} />
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setText((v) => v.trim());
        }}
      >
        <label className="visually-hidden" htmlFor="service-search">
          {t('searchLabel')}
        </label>
        <div className="search-box">
          <SearchOutline aria-hidden="true" className="search-icon" />
          <input
            id="service-search"
            type="search"
            className="search-input"
            value={text}
            placeholder={t('searchPlaceholder')}
            enterKeyHint="search"
            maxLength={SEARCH_MAX_LENGTH}
            autoComplete="off"
            data-testid="service-search-input"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </form>

      <div className="chip-row" role="tablist" aria-label={t('categoryFilter')}>
        <Chip active={!category} onClick={() => setParam('category', '')} testId="service-category" value="">
          {t('allCategories')}
        </Chip>
        {SERVICE_CATEGORIES.map((c) => (
          <Chip
            key={c}
            active={category === c}
            onClick={() => setParam('category', c)}
            testId="service-category"
            value={c}
          >
            {label('category', c)}
          </Chip>
        ))}
      </div>

      <RegionSelect
        level="DISTRICT"
        value={regionId}
        onChange={(id) => setParam('region', id)}
        label={t('regionFilter')}
        placeholder={t('allRegions')}
        testId="service-region-select"
      />

      <ServiceResults key={filterKey} filter={filter} />
    </div>
  );
}

/** All loaded pages for one filter; a new filter remounts it and starts from the first page. */
function ServiceResults({ filter }: { filter: Filter }) {
  const { pages } = useCursorPages();
  return (
    <div className="service-results" data-testid="service-results">
      <ul className="card-list" data-testid="service-list">
        {pages.map((page) => (
          <ServiceResultsPage key={page.after ?? 'first'} page={page} filter={filter} />
        ))}
      </ul>
    </div>
  );
}

function ServiceResultsPage({ page, filter }: { page: CursorPage; filter: Filter }) {
  const { t } = useTranslation(NAMESPACES);
  const query = useQuery({
    query: ServiceSearchPageQuery,
    variables: {
      filter: {
        search: filter.search || null,
        category: isCategory(filter.category) ? filter.category : null,
        regionId: filter.regionId || null,
      },
      first: SERVICE_PAGE_SIZE,
      after: page.after,
    },
  });

  return (
    <CursorPageItems
      page={page}
      query={query}
      connection={query[0].data?.services}
      loadingTestId="service-loading"
      totalTestId="service-total"
      totalText={(count) => t('totalServices', { count })}
      empty={<EmptyView title={t('noServicesFound')} hint={t('noServicesHint')} testId="service-empty" />}
      renderItem={(service) => <ServiceCard service={service} />}
    />
  );
}
