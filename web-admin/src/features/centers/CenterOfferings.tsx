// What the center offers, grouped by service category, each with its schedule, fee and audience.
import { SERVICE_CATEGORIES } from '@lc/domain';
import { Card, Collapse, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { CenterOfferings_CenterFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';
import { formatRule, type ScheduleLabels } from './schedule';

export const CenterOfferings_CenterFragment = graphql(`
  fragment CenterOfferings_CenterFragment on Center {
    offerings {
      id
      fee
      schedule {
        byDay
        opens
        closes
      }
      service {
        id
        name
        description
        category
        menu
        audience
        provider
        department
        fee
      }
    }
  }
`);

type Offering = CenterOfferings_CenterFragmentFragment['offerings'][number];

const MENU_COLORS: Record<string, string> = { DISTRICT: 'blue', MOBILE: 'purple', STREET_FEATURE: 'green' };

export function CenterOfferings({ center }: { center: FragmentType<typeof CenterOfferings_CenterFragment> }) {
  const { t } = useTranslation();
  const { offerings } = useFragment(CenterOfferings_CenterFragment, center);

  const labels: ScheduleLabels = {
    day: (c) => t(`enum:weekday.${c}`, { defaultValue: c }),
    range: (from, to) => t('admin:dayRange', { from, to }),
    separator: t('admin:listSeparator'),
  };

  const groups = useMemo(() => {
    const byCategory = new Map<string, Offering[]>();
    for (const o of offerings) {
      const list = byCategory.get(o.service.category) ?? [];
      list.push(o);
      byCategory.set(o.service.category, list);
    }
    const order = [
      ...SERVICE_CATEGORIES,
      ...[...byCategory.keys()].filter((k) => !(SERVICE_CATEGORIES as readonly string[]).includes(k)),
    ];
    return order
      .filter((c) => byCategory.has(c))
      .map((c) => ({ category: c, offerings: byCategory.get(c) ?? [] }));
  }, [offerings]);

  return (
    <Card
      size="small"
      title={t('admin:centerOfferingsTitle', { n: offerings.length })}
      style={{ marginBottom: 16 }}
    >
      {groups.length === 0 ? (
        <EmptyState description={t('admin:centerNoOfferings')} />
      ) : (
        <Collapse
          data-testid="center-offerings"
          defaultActiveKey={groups.map((g) => g.category)}
          items={groups.map((g) => ({
            key: g.category,
            label: (
              <Flex gap={8} align="center">
                <strong>{t(`enum:category.${g.category}`, { defaultValue: g.category })}</strong>
                <Tag>{g.offerings.length}</Tag>
              </Flex>
            ),
            children: (
              <Table<Offering>
                tableLayout="fixed"
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={g.offerings}
                columns={[
                  {
                    title: t('admin:serviceName'),
                    key: 'name',
                    render: (_, o) => (
                      <div>
                        <div>{o.service.name}</div>
                        {o.service.description ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {o.service.description}
                          </Typography.Text>
                        ) : null}
                      </div>
                    ),
                  },
                  {
                    title: t('admin:serviceMenu'),
                    key: 'menu',
                    width: 130,
                    render: (_, o) => (
                      <Tag color={MENU_COLORS[o.service.menu]}>{t(`enum:menu.${o.service.menu}`)}</Tag>
                    ),
                  },
                  {
                    title: t('admin:serviceSchedule'),
                    key: 'schedule',
                    width: 220,
                    render: (_, o) =>
                      o.schedule.length > 0 ? (
                        <Flex vertical>
                          {o.schedule.map((r, i) => (
                            <span key={i}>{formatRule(r, labels)}</span>
                          ))}
                        </Flex>
                      ) : (
                        <Typography.Text type="secondary">{t('admin:scheduleOnRequest')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('admin:serviceAudience'),
                    key: 'audience',
                    width: 150,
                    render: (_, o) =>
                      o.service.audience.length > 0 ? (
                        <Flex gap={4} wrap>
                          {o.service.audience.map((a) => (
                            <Tag key={a}>{t(`enum:audience.${a}`, { defaultValue: a })}</Tag>
                          ))}
                        </Flex>
                      ) : (
                        t('admin:audienceAll')
                      ),
                  },
                  {
                    title: t('admin:serviceFee'),
                    key: 'fee',
                    width: 110,
                    render: (_, o) => o.fee ?? o.service.fee ?? '—',
                  },
                  {
                    title: t('admin:serviceProvider'),
                    key: 'provider',
                    width: 200,
                    render: (_, o) =>
                      [o.service.provider, o.service.department].filter(Boolean).join(' / ') || '—',
                  },
                ]}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}
