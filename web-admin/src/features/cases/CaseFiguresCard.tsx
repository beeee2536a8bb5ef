// 诉求 on the 运营看板: per street (or for the street) over the dashboard's period — reported, open,
// overdue, median time to resolve, the share resolved at community level and the reporters'
// follow-up rating. The street with the most overdue cases comes first.
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CaseFiguresCardQuery } from '../../gql/graphql';
import { ErrorState, LoadingState } from '../../ui/states';

const CaseFiguresCardQueryDoc = graphql(`
  query CaseFiguresCard($regionId: ID!, $from: DateTime!, $to: DateTime!) {
    caseFigures(regionId: $regionId, from: $from, to: $to) {
      total {
        region {
          id
          name
        }
        reported
        open
        overdue
        resolved
        medianHoursToResolve
        communityShare
        followUpRating
        fixedShare
        followUps
      }
      streets {
        region {
          id
          name
        }
        reported
        open
        overdue
        resolved
        medianHoursToResolve
        communityShare
        followUpRating
        fixedShare
        followUps
      }
    }
  }
`);

type Figures = CaseFiguresCardQuery['caseFigures']['total'];

const pct = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null | undefined, digits = 1) => (x == null ? '—' : x.toFixed(digits));

export function CaseFiguresCard({ regionId, from, to }: { regionId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CaseFiguresCardQueryDoc,
    variables: { regionId, from, to },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data) return null;
  const f = data?.caseFigures;
  const rows = f
    ? f.streets.length
      ? [...f.streets].sort((a, b) => b.overdue - a.overdue || b.open - a.open)
      : [f.total]
    : [];
  return (
    <Card
      size="small"
      title={t('admin:caseFiguresTitle')}
      style={{ marginTop: 16 }}
      data-testid="case-figures"
    >
      {!f ? (
        fetching ? (
          <LoadingState />
        ) : (
          <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('admin:caseFiguresSummary', {
              open: f.total.open,
              overdue: f.total.overdue,
              median: num(f.total.medianHoursToResolve),
              community: pct(f.total.communityShare),
              rating: num(f.total.followUpRating),
            })}
          </Typography.Paragraph>
          <Table<Figures>
            size="small"
            rowKey={(r) => r.region.id}
            pagination={false}
            dataSource={rows}
            onRow={(r) => ({
              onClick: () => navigate(`/cases?street=${r.region.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: t('admin:casesStreet'), render: (_, r) => r.region.name },
              { title: t('admin:caseFigReported'), dataIndex: 'reported', align: 'right' },
              { title: t('admin:caseFigOpen'), dataIndex: 'open', align: 'right' },
              {
                title: t('admin:casesOverdue'),
                dataIndex: 'overdue',
                align: 'right',
                render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
              },
              {
                title: t('admin:caseFigMedian'),
                align: 'right',
                render: (_, r) => num(r.medianHoursToResolve),
              },
              { title: t('admin:caseFigCommunity'), align: 'right', render: (_, r) => pct(r.communityShare) },
              {
                title: t('admin:caseFigRating'),
                align: 'right',
                render: (_, r) => (r.followUps ? `${num(r.followUpRating)} · ${pct(r.fixedShare)}` : '—'),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
