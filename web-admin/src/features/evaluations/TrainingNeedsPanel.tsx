// 四维成长营: per training track, how many findings the district's evaluations filed in a quarter
// and at which centers, to plan the quarterly training.
import { Card, Col, Empty, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorState, LoadingState } from '../../ui/states';
import { recentQuarters } from './evaluationModel';

const TrainingNeedsQuery = graphql(`
  query TrainingNeeds($districtId: ID!, $from: DateTime, $to: DateTime) {
    trainingNeeds(districtId: $districtId, from: $from, to: $to) {
      track
      findings
      centers {
        id
        name
      }
    }
  }
`);

const TRACK_COLORS: Record<string, string> = {
  GOVERNANCE_INNOVATION: 'purple',
  SERVICE_PROFESSIONAL: 'blue',
  STANDARD_OPERATION: 'gold',
  BRAND_PROMOTION: 'magenta',
};

export function trackColor(track: string): string {
  return TRACK_COLORS[track] ?? 'default';
}

export function TrainingNeedsPanel({
  districtId,
  districtName,
}: {
  districtId: string;
  districtName: string;
}) {
  const { t } = useTranslation();
  const quarters = useMemo(() => recentQuarters(new Date()), []);
  const [key, setKey] = useState(quarters[0].key);
  const period = quarters.find((q) => q.key === key) ?? quarters[0];
  const [{ data, error }, reexecute] = useQuery({
    query: TrainingNeedsQuery,
    variables: { districtId, from: period.from, to: period.to },
  });
  const needs = data?.trainingNeeds;

  return (
    <Card
      size="small"
      title={t('admin:evaluationTrainingTitle', { district: districtName })}
      data-testid="training-needs"
      extra={
        <Select
          data-testid="training-needs-period"
          size="small"
          style={{ width: 150 }}
          virtual={false}
          value={key}
          onChange={setKey}
          options={quarters.map((q) => ({
            value: q.key,
            label:
              q.key === 'recent'
                ? t('admin:evaluationTrainingRecent', { n: quarters.length - 2 })
                : q.year === null
                  ? t('admin:evaluationTrainingAll')
                  : t('admin:evaluationTrainingQuarter', { year: q.year, quarter: q.quarter }),
          }))}
        />
      }
    >
      {error && !needs ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !needs ? (
        <LoadingState />
      ) : (
        <Row gutter={[12, 12]}>
          {needs.map((n) => (
            <Col key={n.track} xs={24} sm={12} xl={6}>
              <Card
                size="small"
                type="inner"
                data-testid="training-need"
                data-track={n.track}
                data-findings={n.findings}
                title={<Tag color={trackColor(n.track)}>{t(`enum:trainingTrack.${n.track}`)}</Tag>}
                style={{ height: '100%' }}
              >
                <Statistic
                  title={t('admin:evaluationTrainingFindings')}
                  value={n.findings}
                  styles={{ content: { fontSize: 22 } }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('admin:evaluationTrainingCenters', { n: n.centers.length })}
                </Typography.Text>
                {n.centers.length === 0 ? (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('admin:evaluationTrainingNone')}
                  />
                ) : (
                  <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                    {n.centers.map((c) => (
                      <Tag key={c.id}>{c.name}</Tag>
                    ))}
                  </Space>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
