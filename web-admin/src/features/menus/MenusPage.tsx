// /menus — the three service menus (区级服务清单 / 流动配送清单 / 街镇特色清单). A tab per menu,
// the district or street whose menu to show, filters, cursor paging; the office keeping the
// menu adds, edits, retires and deletes items and imports / exports them as Excel.
import { PlusOutlined } from '@ant-design/icons';
import type { ServiceMenu } from '@lc/domain';
import { Button, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, type FragmentType } from '../../gql';
import type { ServiceCategory } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter } from '../../ui/cursorPager';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState } from '../../ui/states';
import { useUrlListState, type SearchParamsCodec } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { canReadChangeLog } from '../history/changeFormat';
import { ChangeHistory } from '../history/ChangeHistory';
import { MenuImportExport } from '../menu-import/MenuImportExport';
import { MenuItemDrawer, type MenuItemDrawer_ItemFragment } from './MenuItemDrawer';
import { MenuItemsTable } from './MenuItemsTable';
import { MenusFilters, type MenuFilterValues } from './MenusFilters';
import { MENU_TABS, canEditMenu, defaultRegion, isMenu, menuRegionLevel } from './menuRules';
import { useMenuRegions } from './useMenuRegions';

const MenusPageQuery = graphql(`
  query MenusPage($filter: ServiceFilter!, $first: Int!, $after: String) {
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
          ...MenuItemsTable_ItemFragment
        }
      }
    }
  }
`);

interface MenusState {
  menu: ServiceMenu;
  district?: string;
  street?: string;
  filters: MenuFilterValues;
}

const STATE_IN_URL: SearchParamsCodec<MenusState> = {
  read: (params) => {
    const menu = params.get('menu');
    return {
      menu: isMenu(menu) ? menu : 'DISTRICT',
      district: params.get('district') ?? undefined,
      street: params.get('street') ?? undefined,
      filters: {
        category: params.get('category') ?? undefined,
        audience: params.get('audience') ?? undefined,
        search: params.get('q') ?? undefined,
        includeRetired: params.get('retired') === '1',
      },
    };
  },
  write: (state, out) => {
    if (state.menu !== 'DISTRICT') out.set('menu', state.menu);
    if (state.district) out.set('district', state.district);
    if (state.street) out.set('street', state.street);
    if (state.filters.category) out.set('category', state.filters.category);
    if (state.filters.audience) out.set('audience', state.filters.audience);
    if (state.filters.search) out.set('q', state.filters.search);
    if (state.filters.includeRetired) out.set('retired', '1');
  },
};

// Queries listing items refetch when any item changes (also when the list was empty).
const QUERY_CONTEXT = { additionalTypenames: ['ServiceItem'] };

export default function MenusPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { state, pager, dispatch, setState } = useUrlListState(STATE_IN_URL);
  const { regions, fetching: regionsLoading, error: regionsError } = useMenuRegions(viewer);
  const [editing, setEditing] = useState<FragmentType<typeof MenuItemDrawer_ItemFragment> | 'create' | null>(
    null,
  );
  const [history, setHistory] = useState<{ id: string; name: string } | null>(null);

  const level = menuRegionLevel(state.menu);
  const regionChoices = level === 'DISTRICT' ? regions.districts : regions.streets;
  const picked = level === 'DISTRICT' ? state.district : state.street;
  const regionId =
    picked && regionChoices.some((r) => r.id === picked)
      ? picked
      : defaultRegion(regionChoices, level === 'DISTRICT' ? regions.ownDistrictId : regions.ownStreetId);
  const region = regionChoices.find((r) => r.id === regionId);
  const canEdit = canEditMenu(viewer, state.menu, regionId);

  // Anything but paging changes: back to the first page.
  const change = useCallback(
    (next: Partial<MenusState>) => setState({ ...state, ...next }),
    [setState, state],
  );
  const onFilters = useCallback((filters: MenuFilterValues) => change({ filters }), [change]);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MenusPageQuery,
    variables: {
      filter: {
        menu: state.menu,
        regionId,
        category: state.filters.category as ServiceCategory | undefined,
        audience: state.filters.audience,
        search: state.filters.search,
        includeRetired: state.filters.includeRetired,
      },
      first: pager.pageSize,
      after: currentAfter(pager),
    },
    pause: !regionId,
    context: QUERY_CONTEXT,
  });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  const connection = regionId ? data?.services : undefined;
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);

  return (
    <div data-testid="menus-page">
      <Page
        title={t('admin:menusNav')}
        extra={
          regionId ? (
            <>
              <MenuImportExport menu={state.menu} regionId={regionId} canEdit={canEdit} onApplied={refetch} />
              {canEdit ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('create')}
                  data-testid="menu-item-create"
                >
                  {t('admin:menusCreate')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      >
        <Tabs
          activeKey={state.menu}
          onChange={(key) => change({ menu: key as ServiceMenu })}
          items={MENU_TABS.map((m) => ({
            key: m,
            label: <span data-testid={`menu-tab-${m}`}>{t(`enum:menu.${m}`)}</span>,
          }))}
        />
        <MenusFilters
          level={level}
          regions={regionChoices}
          regionId={regionId}
          regionsLoading={regionsLoading}
          groupByDistrict={level === 'STREET' && regions.districts.length > 1 ? regions.districts : null}
          onRegion={(id) => change(level === 'DISTRICT' ? { district: id } : { street: id })}
          values={state.filters}
          onChange={onFilters}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }} data-testid="menus-hint">
          {t(`admin:menusAbout${state.menu}`)}
          {canEdit ? ` ${t('admin:menusYouKeep')}` : ` ${t('admin:menusReadOnly')}`}
        </Typography.Paragraph>
        {regionsError ? <ErrorAlert error={regionsError} /> : null}
        {error && !connection ? (
          <ErrorState error={error} onRetry={refetch} />
        ) : (
          <>
            {error ? <ErrorAlert error={error} /> : null}
            <MenuItemsTable
              items={rows}
              loading={fetching || regionsLoading}
              showHistory={canReadChangeLog(viewer.role)}
              onEdit={(ref) => setEditing(ref)}
              onHistory={setHistory}
              onChanged={refetch}
            />
            <CursorPagination
              testIdPrefix="menus-pager"
              pager={pager}
              dispatch={dispatch}
              connection={connection}
              rowCount={rows.length}
              disabled={fetching}
            />
          </>
        )}
        {editing === 'create' && regionId ? (
          <MenuItemDrawer
            mode="create"
            menu={state.menu}
            regionId={regionId}
            regionName={region?.name ?? ''}
            onClose={() => setEditing(null)}
            onSaved={refetch}
          />
        ) : editing && editing !== 'create' ? (
          <MenuItemDrawer mode="edit" item={editing} onClose={() => setEditing(null)} onSaved={refetch} />
        ) : null}
        {history ? (
          <ChangeHistory
            subject={{ kind: 'item', serviceId: history.id }}
            title={t('admin:historyTitle', { name: history.name })}
            onClose={() => setHistory(null)}
          />
        ) : null}
      </Page>
    </div>
  );
}
