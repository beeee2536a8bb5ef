// Region tree rooted at the viewer's scope (or every district), with the selected region beside it.
import { Card, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, useFragment } from '../../gql';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { RegionDetail } from './RegionDetail';
import { RegionTree, RegionTree_RegionFragment } from './RegionTree';

const RegionsPageQuery = graphql(`
  query RegionsPage($scopeId: ID!, $hasScope: Boolean!) {
    scope: region(id: $scopeId) @include(if: $hasScope) {
      id
      ...RegionTree_RegionFragment
    }
    districts: regions(level: DISTRICT) @skip(if: $hasScope) {
      id
      ...RegionTree_RegionFragment
    }
  }
`);

export default function RegionsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RegionsPageQuery,
    variables: { scopeId: viewer.scope?.id ?? '', hasScope: Boolean(viewer.scope) },
  });
  const roots = useMemo(() => (data?.scope ? [data.scope] : (data?.districts ?? [])), [data]);
  const rootInfo = useFragment(RegionTree_RegionFragment, roots);
  const [selected, setSelected] = useState<string | null>(null);
  const selectedId = selected ?? rootInfo[0]?.id ?? null;
  const [selectedLevel, setSelectedLevel] = useState<string | null>(null);
  const level = selectedLevel ?? rootInfo.find((r) => r.id === selectedId)?.level ?? 'DISTRICT';

  let body;
  if (fetching && !data) body = <LoadingState />;
  else if (error)
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (roots.length === 0) body = <EmptyState />;
  else
    body = (
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card title={t('admin:regionTreeTitle')} size="small">
            <RegionTree
              roots={roots}
              selectedId={selectedId}
              onSelect={(id, lvl) => {
                setSelected(id);
                setSelectedLevel(lvl);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={t('admin:regionDetailTitle')}>
            {selectedId ? <RegionDetail key={selectedId} id={selectedId} level={level} /> : <EmptyState />}
          </Card>
        </Col>
      </Row>
    );

  return <Page title={t('admin:navRegions')}>{body}</Page>;
}
