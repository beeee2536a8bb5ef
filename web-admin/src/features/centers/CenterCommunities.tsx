// The communities a center is responsible for (服务覆盖).
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { EmptyState } from '../../ui/states';

export const CenterCommunities_CenterFragment = graphql(`
  fragment CenterCommunities_CenterFragment on Center {
    coveredCommunities {
      id
      name
      communityKind
      population
    }
  }
`);

export function CenterCommunities({
  center,
}: {
  center: FragmentType<typeof CenterCommunities_CenterFragment>;
}) {
  const { t } = useTranslation();
  const { coveredCommunities } = useFragment(CenterCommunities_CenterFragment, center);
  return (
    <Card
      size="small"
      title={t('admin:centerCoveredCommunitiesTitle', { n: coveredCommunities.length })}
      style={{ marginBottom: 16 }}
    >
      <Table
        data-testid="center-communities"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={coveredCommunities}
        locale={{ emptyText: <EmptyState description={t('admin:centerNoCoveredCommunities')} /> }}
        columns={[
          { title: t('admin:communityName'), dataIndex: 'name', key: 'name' },
          {
            title: t('admin:communityKind'),
            dataIndex: 'communityKind',
            key: 'kind',
            render: (k: string | null) => (k ? <Tag>{t(`enum:communityKind.${k}`)}</Tag> : '—'),
          },
          {
            title: t('admin:population'),
            dataIndex: 'population',
            key: 'population',
            align: 'right',
            render: (p: number | null) => (p != null ? p.toLocaleString() : t('admin:unknown')),
          },
        ]}
      />
    </Card>
  );
}
