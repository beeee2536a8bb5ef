// The selected region: its facts, and links to its centers and its coverage.
import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

const RegionDetailQuery = graphql(`
  query RegionDetail($id: ID!, $withCenters: Boolean!) {
    region(id: $id) {
      id
      code
      name
      level
      communityKind
      population
      location {
        lat
        lng
      }
      parent {
        id
        name
      }
      children {
        id
      }
      centers @include(if: $withCenters) {
        id
        name
        kind
      }
    }
  }
`);

export function RegionDetail({ id, level }: { id: string; level: string }) {
  const { t } = useTranslation();
  // A district can hold hundreds of centers: list them only for streets and communities.
  const withCenters = level !== 'DISTRICT';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RegionDetailQuery,
    variables: { id, withCenters },
  });

  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const region = data?.region;
  if (!region) return <EmptyState description={t('enum:error.NOT_FOUND')} />;

  return (
    <div data-testid="region-detail">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {region.name}{' '}
        <Tag>
          {region.communityKind
            ? t(`enum:communityKind.${region.communityKind}`)
            : t(`enum:regionLevel.${region.level}`)}
        </Tag>
      </Typography.Title>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('admin:regionCode')}>{region.code}</Descriptions.Item>
        <Descriptions.Item label={t('admin:regionLevel')}>
          {t(`enum:regionLevel.${region.level}`)}
        </Descriptions.Item>
        {region.parent ? (
          <Descriptions.Item label={t('admin:regionParent')}>{region.parent.name}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('admin:population')}>
          {region.population != null ? region.population.toLocaleString() : t('admin:unknown')}
        </Descriptions.Item>
        {region.level !== 'COMMUNITY' ? (
          <Descriptions.Item label={t('admin:regionChildren')}>{region.children.length}</Descriptions.Item>
        ) : null}
        {region.location ? (
          <Descriptions.Item label={t('admin:location')}>
            {region.location.lat.toFixed(6)}, {region.location.lng.toFixed(6)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Space style={{ marginTop: 16 }} wrap>
        {region.level === 'STREET' ? (
          <Link to={`/centers?street=${encodeURIComponent(region.id)}`}>
            <Button>{t('admin:regionViewCenters')}</Button>
          </Link>
        ) : null}
        {region.level !== 'COMMUNITY' ? (
          <Link to={`/coverage?region=${encodeURIComponent(region.id)}`}>
            <Button>{t('admin:regionViewCoverage')}</Button>
          </Link>
        ) : null}
      </Space>
      {withCenters ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('admin:regionCenters')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="region-centers"
            dataSource={region.centers ?? []}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              {
                title: t('admin:centerName'),
                key: 'name',
                render: (_: unknown, c: { id: string; name: string }) => (
                  <Link to={`/centers/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                ),
              },
              {
                title: t('admin:centerKind'),
                dataIndex: 'kind',
                key: 'kind',
                render: (kind: string) => <Tag>{t(`enum:centerKind.${kind}`)}</Tag>,
              },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
