// 今日值班 on the center page: who is on duty today by shift (name and role) and the center's phone.
import { PhoneOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';

export const DutyToday_CenterFragment = graphql(`
  fragment DutyToday_CenterFragment on Center {
    phone
    dutyToday {
      name
      teamRole
      duty
      shift
      isBackup
    }
  }
`);

export function DutyToday({ center }: { center: FragmentType<typeof DutyToday_CenterFragment> }) {
  const { t } = useTranslation();
  const c = useFragment(DutyToday_CenterFragment, center);
  return (
    <Card
      size="small"
      title={t('admin:dutyTodayTitle')}
      style={{ marginBottom: 16 }}
      data-testid="duty-today"
      extra={
        c.phone ? (
          <Space>
            <PhoneOutlined />
            <a href={`tel:${c.phone}`}>{c.phone}</a>
          </Space>
        ) : null
      }
    >
      {c.dutyToday.length ? (
        <List
          size="small"
          dataSource={c.dutyToday}
          renderItem={(d) => (
            <List.Item>
              <Space>
                <Tag>{t(`enum:dutyShift.${d.shift}`)}</Tag>
                <Typography.Text>{d.duty}</Typography.Text>
                <Typography.Text strong>{d.name}</Typography.Text>
                <Typography.Text type="secondary">{t(`enum:teamRole.${d.teamRole}`)}</Typography.Text>
                {d.isBackup ? <Tag color="orange">{t('admin:dutyBackup')}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin:dutyTodayEmpty')} />
      )}
    </Card>
  );
}
