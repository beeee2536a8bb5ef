// A case's deadline with its colour: red when overdue, orange within 4 hours, gold within a day.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../orders/ordersModel';
import { TONE_COLORS, deadlineTone, timeLeft } from './casesModel';

export function DeadlineTag({
  deadlineAt,
  overdue,
}: {
  deadlineAt: string | null | undefined;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  const now = new Date();
  const tone = deadlineTone(deadlineAt, overdue, now);
  if (!deadlineAt)
    return <Typography.Text type="secondary">{overdue ? t('admin:casesOverdue') : '—'}</Typography.Text>;
  const left = timeLeft(deadlineAt, now);
  const text = t(left.past ? 'admin:casesDeadlinePast' : 'admin:casesDeadlineLeft', {
    amount: t(`admin:casesUnit_${left.unit}`, { n: left.count }),
  });
  return (
    <Flex vertical gap={2} data-testid="case-deadline" data-tone={tone}>
      <Tag
        color={TONE_COLORS[tone]}
        icon={<ClockCircleOutlined />}
        style={{ marginInlineEnd: 0, width: 'fit-content' }}
      >
        {text}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(deadlineAt)}
      </Typography.Text>
    </Flex>
  );
}
