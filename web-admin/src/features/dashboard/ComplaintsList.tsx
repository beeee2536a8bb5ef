// The newest free-text answers of responses scoring below the satisfied threshold: what residents
// complain about, with the score, the survey, the center and the channel.
import { Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { EmptyState } from '../../ui/states';
import { scoreColor } from './dashboardModel';

export const ComplaintsList_ComplaintFragment = graphql(`
  fragment ComplaintsList_ComplaintFragment on Complaint {
    id
    text
    score
    submittedAt
    channel
    surveyTitle
    question
    center {
      id
      name
    }
  }
`);

const ROW_STYLE: CSSProperties = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

export function ComplaintsList({
  complaints,
}: {
  complaints: readonly FragmentType<typeof ComplaintsList_ComplaintFragment>[];
}) {
  const { t } = useTranslation();
  const rows = useFragment(ComplaintsList_ComplaintFragment, complaints);
  return (
    <div data-testid="complaints-list">
      {rows.length === 0 ? (
        <EmptyState description={t('admin:dashboardNoComplaints')} />
      ) : (
        <div>
          {rows.map((c) => (
            <div key={c.id} data-testid="complaint-row" style={ROW_STYLE}>
              <div>
                <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>
                  {c.text}
                </Typography.Paragraph>
                <Space size={[8, 4]} wrap style={{ fontSize: 12 }}>
                  {/* the score is 0–10: the colour scale is 0–100 */}
                  <Tag color={scoreColor(c.score * 10)}>{c.score.toFixed(1)}</Tag>
                  {c.center ? <Typography.Text type="secondary">{c.center.name}</Typography.Text> : null}
                  <Typography.Text type="secondary">{c.surveyTitle}</Typography.Text>
                  <Typography.Text type="secondary">{t(`enum:responseChannel.${c.channel}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {dayjs(c.submittedAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
