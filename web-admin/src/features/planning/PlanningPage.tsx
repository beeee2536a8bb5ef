// /planning — 三张清单: the demand, resource and project lists of one street side by side (the
// way officials think of them: what residents need, what can serve, what is being done). Street,
// community, category, statuses and search live in the address; each list pages on its own and
// exports to Excel. Staff of the street enter demands and resources; a demand opens its drawer
// with the matching panel, where a project is made.
import { PlusOutlined } from '@ant-design/icons';
import { DEMAND_STATUSES, PROJECT_STATUSES, SERVICE_CATEGORIES } from '@lc/domain';
import { Button, Col, Flex, Row, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../ui/FilterSelect';
import { Page } from '../../ui/Page';
import { SearchBox } from '../../ui/SearchBox';
import { ErrorAlert } from '../../ui/states';
import { useUrlListState } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { useMenuRegions } from '../menus/useMenuRegions';
import { DemandDrawer } from './DemandDrawer';
import { DemandFormDrawer } from './DemandFormDrawer';
import { DemandList } from './DemandList';
import { ExportListButton } from './ExportListButton';
import {
  PLANNING_STATE_IN_URL,
  canWorkInStreet,
  demandFilter,
  filterKey,
  isStreetBound,
  pickStreet,
  projectFilter,
  resourceFilter,
  type PlanningState,
} from './planningModel';
import { PlanningColumn } from './PlanningColumn';
import { ProjectList } from './ProjectList';
import { ResourceFormDrawer } from './ResourceFormDrawer';
import { ResourceList } from './ResourceList';
import { useStreetPlaces } from './useStreetPlaces';

export default function PlanningPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { state, setState } = useUrlListState(PLANNING_STATE_IN_URL);
  const { regions, fetching: regionsLoading, error: regionsError } = useMenuRegions(viewer);
  const [creating, setCreating] = useState<'demand' | 'resource' | null>(null);

  const bound = isStreetBound(viewer);
  const streetId = pickStreet(viewer, regions.streets, state.street);
  const places = useStreetPlaces(streetId);
  const canWork = canWorkInStreet(viewer, streetId);
  // A community of another street (left in the address) is no filter; until the street's
  // communities arrive, the address is trusted (the API scopes the lists anyway).
  const community =
    state.community && (!places.street || places.communities.some((c) => c.id === state.community))
      ? state.community
      : undefined;
  const effective: PlanningState = { ...state, community };

  const change = useCallback(
    (next: Partial<PlanningState>) => setState({ ...state, ...next }),
    [setState, state],
  );
  const onSearch = useCallback((search: string | undefined) => change({ search }), [change]);

  const streetOptions = useMemo(() => {
    if (bound) {
      const scope = viewer.scope;
      return scope && scope.level === 'STREET' ? [{ value: scope.id, label: scope.name }] : [];
    }
    return regions.streets.map((s) => ({ value: s.id, label: s.name }));
  }, [bound, viewer.scope, regions.streets]);

  const filters = streetId
    ? {
        demands: demandFilter(effective, streetId),
        resources: resourceFilter(effective, streetId),
        projects: projectFilter(effective, streetId),
      }
    : null;
  const streetName = places.street?.name ?? streetOptions.find((o) => o.value === streetId)?.label ?? '';

  return (
    <div data-testid="planning-page">
      <Page title={t('admin:planningNav')}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            data-testid="planning-street-select"
            style={{ width: 200 }}
            virtual={false}
            loading={regionsLoading}
            disabled={bound}
            value={streetId}
            placeholder={t('admin:planningPickStreet')}
            showSearch={bound ? false : { optionFilterProp: 'label' }}
            onChange={(street: string) => change({ street, community: undefined, demand: undefined })}
            options={streetOptions}
            notFoundContent={t('common:empty')}
          />
          <FilterSelect
            testId="planning-community-filter"
            width={180}
            placeholder={t('admin:planningAllCommunities')}
            value={community}
            loading={places.fetching}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(c) => change({ community: c })}
            options={places.communities.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
          <FilterSelect
            testId="planning-category-filter"
            width={140}
            placeholder={t('admin:planningAllCategories')}
            value={state.category}
            onChange={(c) => change({ category: c as PlanningState['category'] })}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
          />
          <FilterSelect
            testId="planning-demand-status-filter"
            width={150}
            placeholder={t('admin:planningAllDemandStatuses')}
            value={state.demandStatus}
            onChange={(s) => change({ demandStatus: s as PlanningState['demandStatus'] })}
            options={DEMAND_STATUSES.map((s) => ({ value: s, label: t(`enum:demandStatus.${s}`) }))}
          />
          <FilterSelect
            testId="planning-project-status-filter"
            width={150}
            placeholder={t('admin:planningAllProjectStatuses')}
            value={state.projectStatus}
            onChange={(s) => change({ projectStatus: s as PlanningState['projectStatus'] })}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`enum:projectStatus.${s}`) }))}
          />
          <SearchBox
            testId="planning-search"
            width={220}
            placeholder={t('admin:planningSearchPlaceholder')}
            value={state.search}
            onSearch={onSearch}
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="planning-hint">
          {t('admin:planningAbout')} {canWork ? '' : t('admin:planningReadOnly')}
        </Typography.Paragraph>
        {regionsError ? <ErrorAlert error={regionsError} /> : null}
        {places.error ? <ErrorAlert error={places.error} /> : null}

        {streetId && filters ? (
          <Row gutter={[16, 16]} align="stretch">
            <Col xs={24} xl={8}>
              <PlanningColumn
                testId="demand-list"
                title={t('admin:planningDemands')}
                subtitle={t('admin:planningDemandsAbout')}
                extra={
                  <>
                    <ExportListButton list="DEMANDS" regionId={streetId} testId="export-demands" />
                    {canWork ? (
                      <Button
                        size="small"
                        type="primary"
                        icon={<PlusOutlined />}
                        onClick={() => setCreating('demand')}
                        data-testid="demand-create"
                      >
                        {t('admin:planningDemandCreate')}
                      </Button>
                    ) : null}
                  </>
                }
              >
                <DemandList
                  key={filterKey(filters.demands)}
                  filter={filters.demands}
                  onOpen={(id) => change({ demand: id })}
                />
              </PlanningColumn>
            </Col>
            <Col xs={24} xl={8}>
              <PlanningColumn
                testId="resource-list"
                title={t('admin:planningResources')}
                subtitle={t('admin:planningResourcesAbout')}
                extra={
                  <>
                    <ExportListButton list="RESOURCES" regionId={streetId} testId="export-resources" />
                    {canWork ? (
                      <Button
                        size="small"
                        type="primary"
                        icon={<PlusOutlined />}
                        onClick={() => setCreating('resource')}
                        data-testid="resource-create"
                      >
                        {t('admin:planningResourceCreate')}
                      </Button>
                    ) : null}
                  </>
                }
              >
                <ResourceList key={filterKey(filters.resources)} filter={filters.resources} />
              </PlanningColumn>
            </Col>
            <Col xs={24} xl={8}>
              <PlanningColumn
                testId="project-list"
                title={t('admin:planningProjects')}
                subtitle={t('admin:planningProjectsAbout')}
                extra={<ExportListButton list="PROJECTS" regionId={streetId} testId="export-projects" />}
              >
                <ProjectList key={filterKey(filters.projects)} filter={filters.projects} />
              </PlanningColumn>
            </Col>
          </Row>
        ) : regionsLoading ? null : (
          <Typography.Text type="secondary">{t('admin:planningNoStreet')}</Typography.Text>
        )}

        {creating === 'demand' && streetId ? (
          <DemandFormDrawer
            streetName={streetName}
            communities={places.communities}
            communityId={community}
            onClose={() => setCreating(null)}
          />
        ) : null}
        {creating === 'resource' && streetId ? (
          <ResourceFormDrawer
            street={{ id: streetId, name: streetName }}
            district={viewer.role === 'DISTRICT_ADMIN' ? places.district : null}
            communities={places.communities}
            onClose={() => setCreating(null)}
          />
        ) : null}
        {state.demand ? (
          <DemandDrawer
            demandId={state.demand}
            canWork={(id) => canWorkInStreet(viewer, id)}
            onClose={() => change({ demand: undefined })}
          />
        ) : null}
      </Page>
    </div>
  );
}
