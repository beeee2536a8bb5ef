// One page of a menu's items. Where the viewer keeps the item: edit, retire / reinstate, delete
// (an item someone offers or ordered cannot be deleted: the API says CONFLICT and we offer to
// retire it instead). Officials see each item's change log.
import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography, App } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { MenuItemsTable_ItemFragmentFragment } from '../../gql/graphql';
import { errorCodeOf, hasCjk } from '../../ui/graphqlErrors';
import { EmptyState, useErrorMessage } from '../../ui/states';
import type { MenuItemDrawer_ItemFragment } from './MenuItemDrawer';
import { localizeMessage } from './menuItemForm';

export const MenuItemsTable_ItemFragment = graphql(`
  fragment MenuItemsTable_ItemFragment on ServiceItem {
    id
    code
    name
    description
    category
    menu
    audience
    fee
    provider
    department
    retiredAt
    promotedFrom
    updatedAt
    viewerCanEdit
    offerings {
      id
    }
    ...MenuItemDrawer_ItemFragment
  }
`);

const RetireServiceItemMutation = graphql(`
  mutation RetireServiceItem($id: ID!) {
    retireServiceItem(id: $id) {
      id
      retiredAt
      updatedAt
    }
  }
`);

const ReinstateServiceItemMutation = graphql(`
  mutation ReinstateServiceItem($id: ID!) {
    reinstateServiceItem(id: $id) {
      id
      retiredAt
      updatedAt
    }
  }
`);

const DeleteServiceItemMutation = graphql(`
  mutation DeleteServiceItem($id: ID!) {
    deleteServiceItem(id: $id)
  }
`);

export type MenuItemRow = MenuItemsTable_ItemFragmentFragment;
export type MenuItemRef = FragmentType<typeof MenuItemsTable_ItemFragment>;

const CATEGORY_COLORS: Record<string, string> = {
  PARTY_MASS: 'red',
  GOVERNMENT_AFFAIRS: 'blue',
  DAILY_LIFE: 'green',
  LEGAL: 'purple',
  HEALTH: 'cyan',
  CULTURE: 'magenta',
  COMMUNITY_MANAGEMENT: 'gold',
};

/** The text of a failed mutation: the server's own words for a CONFLICT (they say why), else the code's label. */
export function useMutationErrorText() {
  const { i18n } = useTranslation();
  const byCode = useErrorMessage();
  return (error: CombinedError | undefined): string => {
    const own = error?.graphQLErrors.find((e) => e.extensions?.code === 'CONFLICT')?.message;
    if (errorCodeOf(error) === 'CONFLICT' && own && hasCjk(own)) return localizeMessage(own, i18n.language);
    return byCode(error);
  };
}

export function MenuItemsTable({
  items,
  loading,
  showHistory,
  onEdit,
  onHistory,
  onChanged,
}: {
  items: readonly MenuItemRef[];
  loading: boolean;
  showHistory: boolean;
  onEdit: (item: FragmentType<typeof MenuItemDrawer_ItemFragment>) => void;
  onHistory: (item: { id: string; name: string }) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rows = useFragment(MenuItemsTable_ItemFragment, items);
  const [, retire] = useMutation(RetireServiceItemMutation);
  const [, reinstate] = useMutation(ReinstateServiceItemMutation);
  const [, remove] = useMutation(DeleteServiceItemMutation);
  const errorText = useMutationErrorText();
  const showActions = rows.some((r) => r.viewerCanEdit);

  const doRetire = async (r: MenuItemRow, retired: boolean) => {
    const res = retired ? await retire({ id: r.id }) : await reinstate({ id: r.id });
    if (res.error) {
      message.error(errorText(res.error));
      return;
    }
    message.success(t(retired ? 'admin:menusRetired' : 'admin:menusReinstated', { name: r.name }));
    onChanged();
  };

  const doDelete = async (r: MenuItemRow) => {
    const res = await remove({ id: r.id }, { additionalTypenames: ['ServiceItem'] });
    if (!res.error) {
      message.success(t('admin:menusDeleted', { name: r.name }));
      onChanged();
      return;
    }
    if (errorCodeOf(res.error) === 'CONFLICT' && !r.retiredAt) {
      modal.confirm({
        title: t('admin:menusCannotDeleteTitle'),
        content: <div data-testid="menu-item-delete-conflict">{errorText(res.error)}</div>,
        okText: t('admin:menusRetire'),
        cancelText: t('common:cancel'),
        okButtonProps: { 'data-testid': 'conflict-retire' } as never,
        onOk: () => doRetire(r, true),
      });
      return;
    }
    modal.error({
      title: t('admin:menusCannotDeleteTitle'),
      content: <div data-testid="menu-item-delete-conflict">{errorText(res.error)}</div>,
    });
  };

  const columns: TableColumnsType<MenuItemRow> = [
    {
      title: t('admin:menusItemName'),
      key: 'name',
      render: (_, r) => (
        <div>
          <div>
            {r.name}
            {r.promotedFrom ? (
              <Tag color="purple" style={{ marginInlineStart: 6 }}>
                {t('admin:menusPromotedFrom', { menu: t(`enum:menu.${r.promotedFrom}`) })}
              </Tag>
            ) : null}
          </div>
          {r.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.description }}>
              {r.description}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('admin:menusItemCategory'),
      key: 'category',
      width: 90,
      render: (_, r) => (
        <Tag color={CATEGORY_COLORS[r.category]}>
          {t(`enum:category.${r.category}`, { defaultValue: r.category })}
        </Tag>
      ),
    },
    {
      title: t('admin:serviceAudience'),
      key: 'audience',
      width: 140,
      render: (_, r) =>
        r.audience.length > 0 ? (
          <Flex gap={4} wrap>
            {r.audience.map((a) => (
              <Tag key={a}>{t(`enum:audience.${a}`, { defaultValue: a })}</Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('admin:audienceAll')}</Typography.Text>
        ),
    },
    { title: t('admin:serviceFee'), key: 'fee', width: 90, render: (_, r) => r.fee ?? '—' },
    {
      title: t('admin:menusProviderDepartment'),
      key: 'provider',
      width: 170,
      render: (_, r) => (
        <div>
          <div>{r.provider ?? '—'}</div>
          {r.department ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.department}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('admin:menusOfferedBy'),
      key: 'offerings',
      width: 80,
      align: 'right',
      render: (_, r) => <span data-testid="menu-item-offering-count">{r.offerings.length}</span>,
    },
    {
      title: t('admin:menusStatus'),
      key: 'status',
      width: 80,
      render: (_, r) =>
        r.retiredAt ? (
          <Tooltip title={t('admin:menusRetiredAt', { at: dayjs(r.retiredAt).format('YYYY-MM-DD') })}>
            <Tag color="default" data-testid="menu-item-retired-tag">
              {t('admin:menusStatusRetired')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color="success">{t('admin:menusStatusActive')}</Tag>
        ),
    },
    {
      title: t('admin:menusUpdatedAt'),
      key: 'updated',
      width: 105,
      render: (_, r) => dayjs(r.updatedAt).format('YYYY-MM-DD'),
    },
  ];

  if (showActions || showHistory) {
    columns.push({
      title: t('admin:menusActions'),
      key: 'actions',
      width: showActions ? 200 : 70,
      render: (_, r) => (
        <Flex gap={0} wrap onClick={(e) => e.stopPropagation()}>
          {r.viewerCanEdit ? (
            <>
              <Button type="link" size="small" data-testid="menu-item-edit" onClick={() => onEdit(r)}>
                {t('admin:edit')}
              </Button>
              <Popconfirm
                destroyOnHidden
                title={
                  r.retiredAt
                    ? t('admin:menusConfirmReinstate', { name: r.name })
                    : t('admin:menusConfirmRetire', { name: r.name })
                }
                description={r.retiredAt ? undefined : t('admin:menusRetireHint')}
                okText={t('common:confirm')}
                cancelText={t('common:cancel')}
                okButtonProps={{ 'data-testid': 'confirm-ok' } as never}
                onConfirm={() => doRetire(r, !r.retiredAt)}
              >
                <Button
                  type="link"
                  size="small"
                  data-testid="menu-item-retire"
                  data-retired={r.retiredAt ? 'true' : 'false'}
                >
                  {r.retiredAt ? t('admin:menusReinstate') : t('admin:menusRetire')}
                </Button>
              </Popconfirm>
              <Popconfirm
                destroyOnHidden
                title={t('admin:menusConfirmDelete', { name: r.name })}
                description={t('admin:menusDeleteHint')}
                okText={t('admin:menusDelete')}
                cancelText={t('common:cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' } as never}
                onConfirm={() => doDelete(r)}
              >
                <Button type="link" size="small" danger data-testid="menu-item-delete">
                  {t('admin:menusDelete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {showHistory ? (
            <Button
              type="link"
              size="small"
              data-testid="menu-item-history"
              onClick={() => onHistory({ id: r.id, name: r.name })}
            >
              {t('admin:historyButton')}
            </Button>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <div data-testid="menus-table">
      <Table<MenuItemRow>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={rows as MenuItemRow[]}
        loading={loading}
        pagination={false}
        scroll={{ x: 1140 }}
        locale={{ emptyText: loading ? ' ' : <EmptyState description={t('admin:menusEmpty')} /> }}
        onRow={(r) =>
          ({
            'data-testid': 'menu-item-row',
            'data-name': r.name,
            'data-item-id': r.id,
            style: r.retiredAt ? { opacity: 0.65 } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
