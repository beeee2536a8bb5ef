// The change log of a service item (with its offerings) or of one offering, in a drawer:
// who, when, what, which field, old → new; Excel imports tagged with the import id. Paged.
import { Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { ChangeHistory_ConnectionFragmentFragment } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter, initialPager, pagerReducer } from '../../ui/cursorPager';
import { EmptyState, ErrorState } from '../../ui/states';
import { formatChangeValue, isFieldChange, type ChangeAction } from './changeFormat';
import { formatDateTime, useChangeLabels } from './useChangeLabels';

export const ChangeHistory_ConnectionFragment = graphql(`
  fragment ChangeHistory_ConnectionFragment on ChangeLogConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        entity
        entityId
        actorName
        at
        action
        field
        oldValue
        newValue
        importId
      }
    }
  }
`);

const ServiceItemHistoryQuery = graphql(`
  query ServiceItemHistory($id: ID!, $first: Int!, $after: String) {
    serviceItem(id: $id) {
      id
      changes(first: $first, after: $after) {
        ...ChangeHistory_ConnectionFragment
      }
    }
  }
`);

const OfferingHistoryQuery = graphql(`
  query OfferingHistory($id: ID!, $first: Int!, $after: String) {
    serviceOffering(id: $id) {
      id
      changes(first: $first, after: $after) {
        ...ChangeHistory_ConnectionFragment
      }
    }
  }
`);

export type HistorySubject =
  { kind: 'item'; serviceId: string } | { kind: 'offering'; centerId: string; offeringId: string };

type Entry = ChangeHistory_ConnectionFragmentFragment['edges'][number]['node'];

const ACTION_COLORS: Record<ChangeAction, string> = {
  CREATE: 'green',
  UPDATE: 'blue',
  RETIRE: 'orange',
  REINSTATE: 'cyan',
  PROMOTE: 'purple',
  DELETE: 'red',
  IMPORT: 'geekblue',
};

const ACTION_KEYS: Record<ChangeAction, string> = {
  CREATE: 'admin:historyActionCreate',
  UPDATE: 'admin:historyActionUpdate',
  RETIRE: 'admin:historyActionRetire',
  REINSTATE: 'admin:historyActionReinstate',
  PROMOTE: 'admin:historyActionPromote',
  DELETE: 'admin:historyActionDelete',
  IMPORT: 'admin:historyActionImport',
};

function useHistoryPage(subject: HistorySubject, first: number, after: string | null) {
  const itemQuery = useQuery({
    query: ServiceItemHistoryQuery,
    variables: { id: subject.kind === 'item' ? subject.serviceId : '', first, after },
    pause: subject.kind !== 'item',
    requestPolicy: 'cache-and-network',
  });
  const offeringQuery = useQuery({
    query: OfferingHistoryQuery,
    variables: { id: subject.kind === 'offering' ? subject.offeringId : '', first, after },
    pause: subject.kind !== 'offering',
    requestPolicy: 'cache-and-network',
  });
  const [result, reexecute] = subject.kind === 'item' ? itemQuery : offeringQuery;
  const connection =
    subject.kind === 'item'
      ? itemQuery[0].data?.serviceItem?.changes
      : offeringQuery[0].data?.serviceOffering?.changes;
  return { connection, fetching: result.fetching, error: result.error, reexecute };
}

export function ChangeHistory({
  subject,
  title,
  onClose,
}: {
  subject: HistorySubject;
  title: string;
  /** the parent mounts the drawer to open it and unmounts it on close */
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useChangeLabels();
  const [pager, dispatch] = useReducer(pagerReducer, undefined, () => initialPager());
  const page = useHistoryPage(subject, pager.pageSize, currentAfter(pager));
  const connection = useFragment(
    ChangeHistory_ConnectionFragment,
    page.connection as FragmentType<typeof ChangeHistory_ConnectionFragment> | undefined,
  );
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);

  const value = (field: string | null | undefined, v: unknown) => formatChangeValue(field, v, labels);

  const columns: TableColumnsType<Entry> = [
    {
      title: t('admin:historyAt'),
      key: 'at',
      width: 150,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
    },
    { title: t('admin:historyActor'), dataIndex: 'actorName', key: 'actor', width: 120 },
    {
      title: t('admin:historyAction'),
      key: 'action',
      width: 130,
      render: (_, e) => (
        <Flex gap={4} wrap>
          <Tag color={ACTION_COLORS[e.action as ChangeAction]}>
            {ACTION_KEYS[e.action as ChangeAction] ? t(ACTION_KEYS[e.action as ChangeAction]) : e.action}
          </Tag>
          {e.importId ? (
            <Tag color="geekblue" data-testid="history-import-tag">
              {t('admin:historyImportTag', { id: e.importId })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    ...(subject.kind === 'item'
      ? [
          {
            title: t('admin:historyEntity'),
            key: 'entity',
            width: 110,
            render: (_: unknown, e: Entry) => (
              <Tag color={e.entity === 'SERVICE_OFFERING' ? 'gold' : undefined}>
                {t(`enum:auditedEntity.${e.entity}`, { defaultValue: e.entity })}
              </Tag>
            ),
          },
        ]
      : []),
    {
      title: t('admin:historyField'),
      key: 'field',
      width: 110,
      render: (_, e) => (e.field ? labels.field(e.field) : t('admin:historyWholeRecord')),
    },
    {
      title: t('admin:historyChange'),
      key: 'change',
      render: (_, e) =>
        isFieldChange(e) ? (
          e.action === 'CREATE' ? (
            <span data-testid="history-new">{value(e.field, e.newValue)}</span>
          ) : (
            <span>
              <Typography.Text type="secondary" delete data-testid="history-old">
                {value(e.field, e.oldValue)}
              </Typography.Text>
              {' → '}
              <span data-testid="history-new">{value(e.field, e.newValue)}</span>
            </span>
          )
        ) : (
          <Typography.Text type={e.action === 'DELETE' ? 'secondary' : undefined}>
            {value(null, e.newValue ?? e.oldValue)}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Drawer open onClose={onClose} title={title} size={subject.kind === 'item' ? 960 : 860}>
      <div data-testid="history-drawer">
        {page.error && !connection ? (
          <ErrorState error={page.error} onRetry={() => page.reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <>
            <Table<Entry>
              rowKey="id"
              size="small"
              tableLayout="fixed"
              columns={columns}
              dataSource={rows}
              loading={page.fetching}
              pagination={false}
              locale={{
                emptyText: page.fetching ? ' ' : <EmptyState description={t('admin:historyNone')} />,
              }}
              onRow={(e) =>
                ({
                  'data-testid': 'history-row',
                  'data-action': e.action,
                  'data-field': e.field ?? '',
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
            <CursorPagination
              testIdPrefix="history-pager"
              pager={pager}
              dispatch={dispatch}
              connection={connection}
              rowCount={rows.length}
              disabled={page.fetching}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}
