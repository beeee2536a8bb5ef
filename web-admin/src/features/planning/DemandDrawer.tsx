// One demand: what residents asked for, where, from which source, how many seconded it, the
// projects answering it, and the matching panel.
import { LikeOutlined } from '@ant-design/icons';
import { Descriptions, Divider, Drawer, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorState } from '../../ui/states';
import { formatDateTime } from '../orders/ordersModel';
import { STATUS_COLORS } from '../projects/projectModel';
import { MatchPanel } from './MatchPanel';
import { CATEGORY_COLORS, DEMAND_STATUS_COLORS } from './planningModel';

const DemandDetailQuery = graphql(`
  query DemandDetail($id: ID!) {
    demand(id: $id) {
      id
      title
      description
      category
      source
      status
      seconds
      createdAt
      community {
        id
        name
      }
      street {
        id
        name
      }
      projects {
        id
        title
        status
      }
    }
  }
`);

// Refetch when a project is made from the demand (its status and projects change).
const CONTEXT = { additionalTypenames: ['Project'] };

export function DemandDrawer({
  demandId,
  canWork,
  onClose,
}: {
  demandId: string;
  /** the viewer keeps the street's lists (may make projects) */
  canWork: (streetId: string) => boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DemandDetailQuery,
    variables: { id: demandId },
    requestPolicy: 'cache-and-network',
    context: CONTEXT,
  });
  const d = data?.demand;

  return (
    <Drawer open onClose={onClose} size={640} title={d?.title ?? t('admin:planningDemandDetail')}>
      <div data-testid="demand-drawer" data-demand-id={demandId}>
        {!data && fetching ? <Skeleton active /> : null}
        {!data && error ? (
          <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : null}
        {data && !d ? (
          <ErrorState error={{ graphQLErrors: [{ extensions: { code: 'NOT_FOUND' } }] }} />
        ) : null}
        {d ? (
          <>
            <Flex gap={6} wrap style={{ marginBottom: 12 }}>
              <Tag color={DEMAND_STATUS_COLORS[d.status]} data-testid="demand-status" data-status={d.status}>
                {t(`enum:demandStatus.${d.status}`)}
              </Tag>
              <Tag color={CATEGORY_COLORS[d.category]}>{t(`enum:category.${d.category}`)}</Tag>
              {d.seconds > 0 ? (
                <Tag color="orange" icon={<LikeOutlined />}>
                  {t('admin:planningSeconds', { count: d.seconds })}
                </Tag>
              ) : null}
            </Flex>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('admin:planningCommunity')}>
                {d.street.name} · {d.community.name}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:planningDemandSource')}>
                {t(`enum:demandSource.${d.source}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:planningRaisedAt')}>
                {formatDateTime(d.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:planningDemandDescription')}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {d.description || t('admin:notSet')}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:planningDemandProjects')}>
                {d.projects.length ? (
                  <Flex vertical gap={4}>
                    {d.projects.map((p) => (
                      <span key={p.id}>
                        <Link to={`/projects/${p.id}`} data-testid="demand-project-link">
                          {p.title}
                        </Link>{' '}
                        <Tag color={STATUS_COLORS[p.status]}>{t(`enum:projectStatus.${p.status}`)}</Tag>
                      </span>
                    ))}
                  </Flex>
                ) : (
                  t('admin:planningNoProjectYet')
                )}
              </Descriptions.Item>
            </Descriptions>
            <Divider />
            <MatchPanel demand={d} streetId={d.street.id} canCreate={canWork(d.street.id)} />
          </>
        ) : null}
      </div>
    </Drawer>
  );
}
