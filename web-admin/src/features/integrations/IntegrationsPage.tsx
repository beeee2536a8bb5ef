// /integrations — 开放接口: the district's API keys (issue with region, permissions, expiry and limits;
// the secret shown once; revoke at once) and webhook subscriptions (signed deliveries, their log with
// every attempt, replay, and a "send a test event" button). District admins only.
import { PlusOutlined } from '@ant-design/icons';
import { API_PERMISSIONS, WEBHOOK_EVENT_TYPES } from '@lc/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ApiPermission, WebhookEventType } from '../../gql/graphql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';

const IntegrationsQuery = graphql(`
  query Integrations($parentId: ID) {
    apiKeys(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          prefix
          permissions
          rateLimitPerMinute
          costBudgetPerMinute
          expiresAt
          revokedAt
          lastUsedAt
          active
          region {
            id
            name
          }
        }
      }
    }
    webhookSubscriptions(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          url
          eventTypes
          active
          apiKeyId
          region {
            id
            name
          }
        }
      }
    }
    streets: regions(level: STREET, parentId: $parentId) {
      id
      name
    }
  }
`);

const IssueApiKeyMutation = graphql(`
  mutation IssueApiKey($input: IssueApiKeyInput!) {
    issueApiKey(input: $input) {
      secret
      key {
        id
        prefix
        name
      }
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      active
      revokedAt
    }
  }
`);

const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        id
        name
      }
    }
  }
`);

const UpdateWebhookMutation = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhookSubscription(id: $id, input: $input) {
      id
      active
    }
  }
`);

const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhookSubscription(id: $id)
  }
`);

const SendTestEventMutation = graphql(`
  mutation SendTestWebhookEvent($id: ID!) {
    sendTestWebhookEvent(id: $id) {
      id
      status
    }
  }
`);

const DeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!) {
    webhookSubscription(id: $id) {
      id
      name
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            id
            eventType
            recordType
            recordId
            status
            attempts
            lastStatusCode
            lastError
            nextAttemptAt
            deliveredAt
            createdAt
            replayOf
            attemptLog {
              attempt
              at
              statusCode
              error
              durationMs
            }
          }
        }
      }
    }
  }
`);

const ReplayMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

const when = (v: string | null | undefined) => (v ? new Date(v).toLocaleString() : '—');

function SecretModal({
  title,
  hint,
  secret,
  onClose,
  testId,
}: {
  title: string;
  hint: string;
  secret: string;
  onClose: () => void;
  testId: string;
}) {
  return (
    <Modal
      open
      title={title}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={620}
    >
      <Typography.Paragraph
        copyable={{ text: secret }}
        code
        data-testid={testId}
        style={{ wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={hint} />
    </Modal>
  );
}

interface KeyValues {
  name: string;
  regionId: string;
  permissions: ApiPermission[];
  expiresAt?: Dayjs | null;
  rateLimitPerMinute?: number | null;
  costBudgetPerMinute?: number | null;
}

function IssueKeyDrawer({
  regions,
  onClose,
  onIssued,
}: {
  regions: { id: string; name: string }[];
  onClose: () => void;
  onIssued: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<KeyValues>();
  const [result, issue] = useMutation(IssueApiKeyMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const res = await issue({
      input: {
        name: v.name,
        regionId: v.regionId,
        permissions: v.permissions,
        expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : undefined,
        rateLimitPerMinute: v.rateLimitPerMinute ?? undefined,
        costBudgetPerMinute: v.costBudgetPerMinute ?? undefined,
      },
    });
    if (res.data) return onIssued(res.data.issueApiKey.secret);
    const mapped = toFormFieldErrors(fieldErrorsOf(res.error), [
      'name',
      'regionId',
      'permissions',
      'expiresAt',
      'rateLimitPerMinute',
      'costBudgetPerMinute',
    ] as const);
    if (mapped.fields.length) form.setFields(mapped.fields);
  };
  return (
    <FormDrawer
      size={480}
      title={t('admin:keysIssue')}
      saving={result.fetching}
      onClose={onClose}
      onSave={submit}
      testIdPrefix="key-form"
    >
      <ErrorAlert error={fieldErrorsOf(result.error).length ? null : result.error} />
      <Form<KeyValues>
        form={form}
        layout="vertical"
        initialValues={{ regionId: regions[0]?.id, permissions: ['READ_DIRECTORY'], rateLimitPerMinute: 120 }}
      >
        <Form.Item name="name" label={t('admin:keysName')} rules={[{ required: true }]}>
          <Input data-testid="key-name" />
        </Form.Item>
        <Form.Item name="regionId" label={t('admin:keysRegion')} rules={[{ required: true }]}>
          <Select
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
            data-testid="key-region"
          />
        </Form.Item>
        <Form.Item name="permissions" label={t('admin:keysPermissions')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            virtual={false}
            options={API_PERMISSIONS.map((p) => ({ value: p, label: t(`enum:apiPermission.${p}`) }))}
            data-testid="key-permissions"
          />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('admin:keysExpires')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rateLimitPerMinute" label={t('admin:keysRate')}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="costBudgetPerMinute" label={t('admin:keysBudget')}>
          <InputNumber min={1} max={100000000} style={{ width: '100%' }} placeholder="2000000" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface HookValues {
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  regionId: string;
  apiKeyId?: string;
}

function CreateWebhookDrawer({
  regions,
  keys,
  onClose,
  onCreated,
}: {
  regions: { id: string; name: string }[];
  keys: { id: string; name: string; prefix: string }[];
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HookValues>();
  const [result, create] = useMutation(CreateWebhookMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const res = await create({
      input: {
        name: v.name,
        url: v.url.trim(),
        eventTypes: v.eventTypes,
        regionId: v.regionId,
        apiKeyId: v.apiKeyId,
      },
    });
    if (res.data) return onCreated(res.data.createWebhookSubscription.secret);
    const mapped = toFormFieldErrors(fieldErrorsOf(res.error), [
      'name',
      'url',
      'eventTypes',
      'regionId',
      'apiKeyId',
    ] as const);
    if (mapped.fields.length) form.setFields(mapped.fields);
  };
  return (
    <FormDrawer
      size={480}
      title={t('admin:hooksCreate')}
      saving={result.fetching}
      onClose={onClose}
      onSave={submit}
      testIdPrefix="hook-form"
    >
      <ErrorAlert error={fieldErrorsOf(result.error).length ? null : result.error} />
      <Form<HookValues>
        form={form}
        layout="vertical"
        initialValues={{ regionId: regions[0]?.id, eventTypes: ['DELIVERY_ORDER_STATUS_CHANGED'] }}
      >
        <Form.Item name="name" label={t('admin:hooksName')} rules={[{ required: true }]}>
          <Input data-testid="hook-name" />
        </Form.Item>
        <Form.Item name="url" label={t('admin:hooksUrl')} rules={[{ required: true }]}>
          <Input placeholder="https://" data-testid="hook-url" />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('admin:hooksEvents')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            virtual={false}
            options={WEBHOOK_EVENT_TYPES.filter((e) => e !== 'TEST').map((e) => ({
              value: e,
              label: t(`enum:webhookEvent.${e}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('admin:keysRegion')} rules={[{ required: true }]}>
          <Select
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="apiKeyId" label={t('admin:hooksKey')}>
          <Select
            allowClear
            virtual={false}
            placeholder={t('admin:hooksNoKey')}
            options={keys.map((k) => ({ value: k.id, label: `${k.name} (${k.prefix})` }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function DeliveriesDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DeliveriesQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, replay] = useMutation(ReplayMutation);
  const rows = data?.webhookSubscription?.deliveries.edges.map((e) => e.node) ?? [];
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={`${t('admin:hooksDeliveries')} · ${data?.webhookSubscription?.name ?? ''}`}
      extra={<Button onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('common:retry')}</Button>}
    >
      {error ? <ErrorAlert error={error} /> : null}
      {fetching && !data ? <LoadingState /> : null}
      <Table
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="small"
        onRow={() => ({ 'data-testid': 'delivery-row' }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (d) => (
            <Table
              rowKey="attempt"
              size="small"
              pagination={false}
              dataSource={d.attemptLog}
              columns={[
                { title: '#', dataIndex: 'attempt' },
                { title: t('admin:auditAt'), dataIndex: 'at', render: when },
                {
                  title: t('admin:hooksStatusCode'),
                  dataIndex: 'statusCode',
                  render: (c: number | null) => c ?? '—',
                },
                { title: t('admin:hooksError'), dataIndex: 'error', render: (e: string | null) => e ?? '' },
                { title: 'ms', dataIndex: 'durationMs' },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t('admin:hooksEvent'),
            dataIndex: 'eventType',
            render: (e: WebhookEventType) => t(`enum:webhookEvent.${e}`),
          },
          { title: t('admin:hooksRecord'), render: (_, d) => `${d.recordType} #${d.recordId}` },
          {
            title: t('admin:peopleStatus'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag
                color={s === 'DELIVERED' ? 'green' : s === 'FAILED' ? 'red' : 'blue'}
                data-testid="delivery-status"
              >
                {t(`enum:webhookDeliveryStatus.${s}`)}
              </Tag>
            ),
          },
          { title: t('admin:hooksAttempts'), dataIndex: 'attempts' },
          {
            title: t('admin:hooksStatusCode'),
            dataIndex: 'lastStatusCode',
            render: (c: number | null) => c ?? '—',
          },
          { title: t('admin:hooksNextAttempt'), dataIndex: 'nextAttemptAt', render: when },
          {
            title: '',
            render: (_, d) => (
              <Button
                size="small"
                onClick={async () => {
                  const r = await replay({ id: d.id });
                  if (r.data) {
                    message.success(t('admin:hooksReplayed'));
                    refetch({ requestPolicy: 'network-only' });
                  } else message.error(r.error?.graphQLErrors[0]?.message ?? t('common:error'));
                }}
              >
                {t('admin:hooksReplay')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

export default function IntegrationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: IntegrationsQuery,
    variables: { parentId: viewer.scope?.id },
    requestPolicy: 'cache-and-network',
  });
  const [issuing, setIssuing] = useState(false);
  const [creatingHook, setCreatingHook] = useState(false);
  const [secret, setSecret] = useState<{ kind: 'key' | 'hook'; value: string } | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState<string | null>(null);
  const [, revoke] = useMutation(RevokeApiKeyMutation);
  const [, updateHook] = useMutation(UpdateWebhookMutation);
  const [, deleteHook] = useMutation(DeleteWebhookMutation);
  const [, sendTest] = useMutation(SendTestEventMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <LoadingState />;
  const regions = [
    ...(viewer.scope ? [{ id: viewer.scope.id, name: viewer.scope.name }] : []),
    ...data.streets,
  ];
  const keys = data.apiKeys.edges.map((e) => e.node);
  const hooks = data.webhookSubscriptions.edges.map((e) => e.node);
  const fail = (e: { graphQLErrors: { message: string }[] } | undefined) =>
    message.error(e?.graphQLErrors[0]?.message ?? t('common:error'));
  return (
    <Page title={t('admin:integrationsTitle')}>
      <Card
        title={t('admin:keysTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="keys-issue"
          >
            {t('admin:keysIssue')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          loading={fetching}
          dataSource={keys}
          pagination={false}
          size="small"
          onRow={() => ({ 'data-testid': 'key-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('admin:keysName'), dataIndex: 'name' },
            {
              title: t('admin:keysPrefix'),
              dataIndex: 'prefix',
              render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
            },
            { title: t('admin:keysRegion'), render: (_, k) => k.region.name },
            {
              title: t('admin:keysPermissions'),
              dataIndex: 'permissions',
              render: (ps: ApiPermission[]) =>
                ps.map((p) => <Tag key={p}>{t(`enum:apiPermission.${p}`)}</Tag>),
            },
            { title: t('admin:keysRate'), dataIndex: 'rateLimitPerMinute' },
            { title: t('admin:keysExpires'), dataIndex: 'expiresAt', render: when },
            {
              title: t('admin:keysLastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? when(v) : t('admin:keysNever')),
            },
            {
              title: t('admin:peopleStatus'),
              render: (_, k) => (
                <Tag color={k.active ? 'green' : 'default'} data-testid="key-status">
                  {k.revokedAt
                    ? t('admin:keysRevoked')
                    : k.active
                      ? t('admin:keysActive')
                      : t('admin:keysExpires')}
                </Tag>
              ),
            },
            {
              title: '',
              render: (_, k) =>
                k.revokedAt ? null : (
                  <Popconfirm
                    title={t('admin:keysRevokeConfirm')}
                    onConfirm={async () => {
                      const r = await revoke({ id: k.id });
                      if (r.error) fail(r.error);
                      else reload();
                    }}
                    okButtonProps={{ 'data-testid': 'key-revoke-confirm' } as Record<string, string>}
                  >
                    <Button size="small" danger data-testid="key-revoke">
                      {t('admin:keysRevoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('admin:hooksTitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreatingHook(true)}
            data-testid="hooks-create"
          >
            {t('admin:hooksCreate')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          dataSource={hooks}
          pagination={false}
          size="small"
          onRow={() => ({ 'data-testid': 'hook-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('admin:hooksName'), dataIndex: 'name' },
            {
              title: t('admin:hooksUrl'),
              dataIndex: 'url',
              render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
            },
            {
              title: t('admin:hooksEvents'),
              dataIndex: 'eventTypes',
              render: (es: WebhookEventType[]) =>
                es.map((e) => <Tag key={e}>{t(`enum:webhookEvent.${e}`)}</Tag>),
            },
            { title: t('admin:keysRegion'), render: (_, h) => h.region.name },
            {
              title: t('admin:hooksKey'),
              render: (_, h) => keys.find((k) => k.id === h.apiKeyId)?.name ?? t('admin:hooksNoKey'),
            },
            {
              title: t('admin:peopleStatus'),
              render: (_, h) => (
                <Tag
                  color={h.active ? 'green' : 'default'}
                  style={{ cursor: 'pointer' }}
                  onClick={async () => {
                    const r = await updateHook({ id: h.id, input: { active: !h.active } });
                    if (r.error) fail(r.error);
                  }}
                >
                  {h.active ? t('admin:hooksActive') : t('admin:hooksPaused')}
                </Tag>
              ),
            },
            {
              title: '',
              render: (_, h) => (
                <Space>
                  <Button
                    size="small"
                    data-testid="hook-test"
                    onClick={async () => {
                      const r = await sendTest({ id: h.id });
                      if (r.error) fail(r.error);
                      else message.success(t('admin:hooksTestSent'));
                    }}
                  >
                    {t('admin:hooksTest')}
                  </Button>
                  <Button size="small" onClick={() => setDeliveriesOf(h.id)} data-testid="hook-deliveries">
                    {t('admin:hooksDeliveries')}
                  </Button>
                  <Popconfirm
                    title={t('admin:hooksDeleteConfirm')}
                    onConfirm={async () => {
                      const r = await deleteHook({ id: h.id });
                      if (r.error) fail(r.error);
                      else reload();
                    }}
                  >
                    <Button size="small" danger>
                      {t('admin:hooksDelete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {issuing ? (
        <IssueKeyDrawer
          regions={regions}
          onClose={() => setIssuing(false)}
          onIssued={(value) => {
            setIssuing(false);
            setSecret({ kind: 'key', value });
            reload();
          }}
        />
      ) : null}
      {creatingHook ? (
        <CreateWebhookDrawer
          regions={regions}
          keys={keys.filter((k) => k.active)}
          onClose={() => setCreatingHook(false)}
          onCreated={(value) => {
            setCreatingHook(false);
            setSecret({ kind: 'hook', value });
            reload();
          }}
        />
      ) : null}
      {secret ? (
        <SecretModal
          title={secret.kind === 'key' ? t('admin:keysSecretTitle') : t('admin:hooksSecretTitle')}
          hint={secret.kind === 'key' ? t('admin:keysSecretHint') : t('admin:hooksSecretHint')}
          secret={secret.value}
          testId={secret.kind === 'key' ? 'key-secret' : 'hook-secret'}
          onClose={() => setSecret(null)}
        />
      ) : null}
      {deliveriesOf ? <DeliveriesDrawer id={deliveriesOf} onClose={() => setDeliveriesOf(null)} /> : null}
    </Page>
  );
}
