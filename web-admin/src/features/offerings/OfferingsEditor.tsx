// What a center offers, grouped by service category: schedule in words, validity dates,
// places and fee. Where the viewer keeps the center's offerings (its street admin, its staff):
// add a service, edit the schedule, capacity and fee, remove it. Officials see each offering's
// change log.
import { PlusOutlined } from '@ant-design/icons';
import { SERVICE_CATEGORIES } from '@lc/domain';
import { App, Button, Card, Collapse, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { OfferingsEditor_CenterFragmentFragment } from '../../gql/graphql';
import { EmptyState, useErrorMessage } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { formatRule } from '../centers/schedule';
import { canReadChangeLog } from '../history/changeFormat';
import { ChangeHistory } from '../history/ChangeHistory';
import { MENU_COLORS } from '../menus/menuRules';
import { OfferingDrawer } from './OfferingDrawer';
import { validityText } from './scheduleText';
import { useScheduleText } from './useScheduleText';

export const OfferingsEditor_CenterFragment = graphql(`
  fragment OfferingsEditor_CenterFragment on Center {
    id
    name
    viewerCanEditOfferings
    street {
      id
    }
    offerings {
      id
      fee
      capacity
      updatedAt
      schedule {
        byDay
        opens
        closes
        validFrom
        validUntil
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
        retiredAt
      }
      ...OfferingDrawer_OfferingFragment
    }
  }
`);

const RemoveOfferingMutation = graphql(`
  mutation RemoveOffering($id: ID!) {
    removeOffering(id: $id)
  }
`);

type Offering = OfferingsEditor_CenterFragmentFragment['offerings'][number];

export function OfferingsEditor({ center }: { center: FragmentType<typeof OfferingsEditor_CenterFragment> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const errorMessage = useErrorMessage();
  const c = useFragment(OfferingsEditor_CenterFragment, center);
  const { offerings } = c;
  const labels = useScheduleText();
  const [editing, setEditing] = useState<Offering | 'create' | null>(null);
  const [history, setHistory] = useState<Offering | null>(null);
  const [, removeOffering] = useMutation(RemoveOfferingMutation);
  const canEdit = c.viewerCanEditOfferings;
  const showHistory = canReadChangeLog(viewer.role);
  const offeredIds = useMemo(() => new Set(offerings.map((o) => o.service.id)), [offerings]);

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
      .filter((k) => byCategory.has(k))
      .map((k) => ({ category: k, offerings: byCategory.get(k) ?? [] }));
  }, [offerings]);

  const remove = async (o: Offering) => {
    const res = await removeOffering({ id: o.id }, { additionalTypenames: ['ServiceOffering', 'Center'] });
    if (res.error) message.error(errorMessage(res.error));
    else message.success(t('admin:offeringsRemoved', { name: o.service.name }));
  };

  const columns: TableColumnsType<Offering> = [
    {
      title: t('admin:serviceName'),
      key: 'name',
      render: (_, o) => (
        <div>
          <div>
            {o.service.name}
            {o.service.retiredAt ? (
              <Tag style={{ marginInlineStart: 6 }}>{t('admin:menusStatusRetired')}</Tag>
            ) : null}
          </div>
          {o.service.description ? (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              ellipsis={{ tooltip: o.service.description }}
            >
              {o.service.description}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('admin:serviceMenu'),
      key: 'menu',
      width: 110,
      render: (_, o) => <Tag color={MENU_COLORS[o.service.menu]}>{t(`enum:menu.${o.service.menu}`)}</Tag>,
    },
    {
      title: t('admin:offeringsScheduleValidity'),
      key: 'schedule',
      width: 230,
      render: (_, o) =>
        o.schedule.length > 0 ? (
          <Flex vertical gap={2} data-testid="offering-schedule">
            {o.schedule.map((r, i) => {
              const validity = validityText(r.validFrom, r.validUntil, labels.validity);
              return (
                <div key={i}>
                  <div>{formatRule(r, labels)}</div>
                  {validity ? (
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12 }}
                      data-testid="offering-validity"
                    >
                      {validity}
                    </Typography.Text>
                  ) : null}
                </div>
              );
            })}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('admin:scheduleOnRequest')}</Typography.Text>
        ),
    },
    {
      title: t('admin:serviceAudience'),
      key: 'audience',
      width: 110,
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
      title: t('admin:offeringsCapacity'),
      key: 'capacity',
      width: 80,
      align: 'right',
      render: (_, o) => (o.capacity != null ? o.capacity : t('admin:offeringsUnlimited')),
    },
    {
      title: t('admin:serviceFee'),
      key: 'fee',
      width: 110,
      render: (_, o) =>
        o.fee ? (
          <span title={t('admin:offeringsFeeOverride')}>
            {o.fee} <Tag color="orange">{t('admin:offeringsOwnFee')}</Tag>
          </span>
        ) : (
          (o.service.fee ?? '—')
        ),
    },
    {
      title: t('admin:serviceProvider'),
      key: 'provider',
      width: 130,
      ellipsis: true,
      render: (_, o) => [o.service.provider, o.service.department].filter(Boolean).join(' / ') || '—',
    },
  ];
  if (canEdit || showHistory) {
    columns.push({
      title: t('admin:menusActions'),
      key: 'actions',
      width: canEdit ? 150 : 70,
      render: (_, o) => (
        <Flex gap={0} wrap>
          {canEdit ? (
            <>
              <Button type="link" size="small" data-testid="offering-edit" onClick={() => setEditing(o)}>
                {t('admin:edit')}
              </Button>
              <Popconfirm
                destroyOnHidden
                title={t('admin:offeringsConfirmRemove', { name: o.service.name })}
                okText={t('admin:offeringsRemove')}
                cancelText={t('common:cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' } as never}
                onConfirm={() => remove(o)}
              >
                <Button type="link" size="small" danger data-testid="offering-remove">
                  {t('admin:offeringsRemove')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {showHistory ? (
            <Button type="link" size="small" data-testid="offering-history" onClick={() => setHistory(o)}>
              {t('admin:historyButton')}
            </Button>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <div data-testid="offerings-editor">
      <Card
        size="small"
        title={t('admin:centerOfferingsTitle', { n: offerings.length })}
        style={{ marginBottom: 16 }}
        extra={
          canEdit ? (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing('create')}
              data-testid="offering-add"
            >
              {t('admin:offeringsAdd')}
            </Button>
          ) : null
        }
      >
        {groups.length === 0 ? (
          <EmptyState description={t('admin:centerNoOfferings')} />
        ) : (
          <Collapse
            data-testid="center-offerings"
            defaultActiveKey={SERVICE_CATEGORIES as unknown as string[]}
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
                  columns={columns}
                  scroll={{ x: 1100 }}
                  onRow={(o) =>
                    ({
                      'data-testid': 'offering-row',
                      'data-name': o.service.name,
                      'data-offering-id': o.id,
                    }) as React.HTMLAttributes<HTMLElement>
                  }
                />
              ),
            }))}
          />
        )}
      </Card>
      {editing === 'create' ? (
        <OfferingDrawer
          mode="create"
          centerId={c.id}
          centerName={c.name}
          streetId={c.street.id}
          offeredIds={offeredIds}
          onClose={() => setEditing(null)}
        />
      ) : editing ? (
        <OfferingDrawer
          mode="edit"
          centerId={c.id}
          centerName={c.name}
          offering={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {history ? (
        <ChangeHistory
          subject={{ kind: 'offering', centerId: c.id, offeringId: history.id }}
          title={t('admin:historyOfferingTitle', { name: history.service.name, center: c.name })}
          onClose={() => setHistory(null)}
        />
      ) : null}
    </div>
  );
}
