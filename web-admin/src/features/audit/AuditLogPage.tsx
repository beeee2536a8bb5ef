// /audit — 审计日志: the district's administrative acts, newest first, filtered by act, text and
// period, and exported to Excel (the export is itself recorded). District admins only.
import { DownloadOutlined } from '@ant-design/icons';
import { AUDIT_ACTIONS } from '@lc/domain';
import { App, Button, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AuditAction } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter, initialPager, pagerReducer } from '../../ui/cursorPager';
import { Page } from '../../ui/Page';
import { ErrorState } from '../../ui/states';
import { downloadBase64 } from '../menu-import/menuImportFiles';

const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actorName
          actorRole
          apiKeyId
          ip
          action
          targetType
          targetId
          targetLabel
          before
          after
          detail
        }
      }
    }
  }
`);

const ExportAuditEventsQuery = graphql(`
  query ExportAuditEvents($filter: AuditEventFilter) {
    exportAuditEvents(filter: $filter) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

const brief = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export default function AuditLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [pager, dispatch] = useReducer(pagerReducer, undefined, () => initialPager());
  const [action, setAction] = useState<AuditAction | undefined>();
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = {
    action,
    search: search || undefined,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditEventsQuery,
    variables: { filter, first: pager.pageSize, after: currentAfter(pager) },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const rows = data?.auditEvents.edges.map((e) => e.node) ?? [];
  const doExport = async () => {
    setExporting(true);
    const r = await client
      .query(ExportAuditEventsQuery, { filter }, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    if (r.data) downloadBase64(r.data.exportAuditEvents);
    else message.error(r.error?.graphQLErrors[0]?.message ?? t('common:error'));
  };
  return (
    <Page
      title={t('admin:auditTitle')}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="audit-export">
          {t('admin:auditExport')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('admin:auditAllActions')}
          value={action}
          onChange={(v) => {
            setAction(v);
            dispatch({ type: 'first' });
          }}
          style={{ width: 200 }}
          virtual={false}
          data-testid="audit-action"
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`enum:auditAction.${a}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('admin:auditSearch')}
          onSearch={(v) => {
            setSearch(v.trim());
            dispatch({ type: 'first' });
          }}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v as [Dayjs | null, Dayjs | null] | null);
            dispatch({ type: 'first' });
          }}
        />
      </Flex>
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        size="small"
        tableLayout="fixed"
        onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('admin:auditAt'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            title: t('admin:auditActor'),
            width: 220,
            render: (_, e) => (
              <>
                {e.actorName}
                {e.apiKeyId ? (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('admin:auditViaKey', { id: e.apiKeyId })}
                  </Typography.Text>
                ) : e.actorRole ? (
                  <Typography.Text type="secondary"> · {t(`enum:role.${e.actorRole}`)}</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t('admin:auditAction'),
            dataIndex: 'action',
            render: (a: AuditAction) => t(`enum:auditAction.${a}`),
          },
          {
            title: t('admin:auditTarget'),
            render: (_, e) => e.targetLabel ?? [e.targetType, e.targetId].filter(Boolean).join(' '),
          },
          {
            title: t('admin:auditFrom'),
            dataIndex: 'ip',
            width: 120,
            render: (ip: string | null) => ip ?? '—',
          },
          {
            title: t('admin:auditChange'),
            ellipsis: true,
            render: (_, e) => (
              <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
                {e.before || e.after ? `${brief(e.before)} → ${brief(e.after)}` : brief(e.detail)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <CursorPagination
        pager={pager}
        dispatch={dispatch}
        connection={data?.auditEvents}
        rowCount={rows.length}
        testIdPrefix="audit-pager"
      />
    </Page>
  );
}
