// /people — 人员管理: the accounts the signed-in admin manages (district: street admins, center staff
// and evaluators of the district; street: center staff of the street). New accounts and resets show
// their one-time password once (or send it by SMS).
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, rolesGrantableBy, type Role } from '@lc/domain';
import {
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { StaffRole } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter, initialPager, pagerReducer } from '../../ui/cursorPager';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { AccountsExcel } from './AccountsExcel';
import { CenterPicker } from './CenterPicker';

const StaffAccountsQuery = graphql(`
  query StaffAccounts($filter: StaffAccountFilter, $first: Int, $after: String) {
    staffAccounts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          username
          displayName
          role
          active
          mustChangePassword
          phoneMasked
          isDemo
          viewerCanManage
          scope {
            id
            name
          }
          center {
            id
            name
          }
        }
      }
    }
  }
`);

const StreetsQuery = graphql(`
  query PeopleStreets($parentId: ID) {
    regions(level: STREET, parentId: $parentId) {
      id
      name
    }
  }
`);

const CreateStaffAccountMutation = graphql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      oneTimePassword
      sentTo
      account {
        id
        username
        displayName
      }
    }
  }
`);

const SetActiveMutation = graphql(`
  mutation SetStaffAccountActive($id: ID!, $active: Boolean!) {
    disableStaffAccount(id: $id) @skip(if: $active) {
      id
      active
    }
    enableStaffAccount(id: $id) @include(if: $active) {
      id
      active
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetStaffPassword($id: ID!) {
    resetStaffPassword(id: $id) {
      oneTimePassword
      sentTo
      account {
        id
        username
        displayName
        mustChangePassword
      }
    }
  }
`);

interface CreateValues {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId?: string;
  centerId?: string;
  mobile?: string;
  sendBySms?: boolean;
}

interface Otp {
  username: string;
  displayName: string;
  oneTimePassword: string | null;
  sentTo: string | null;
}

function OtpModal({ otp, onClose }: { otp: Otp; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('admin:peopleOtpTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Typography.Paragraph>
        {otp.displayName}（{otp.username}）
      </Typography.Paragraph>
      {otp.oneTimePassword ? (
        <>
          <Typography.Title
            level={3}
            copyable
            data-testid="one-time-password"
            style={{ fontFamily: 'monospace' }}
          >
            {otp.oneTimePassword}
          </Typography.Title>
          <Typography.Text type="secondary">{t('admin:peopleOtpHint')}</Typography.Text>
        </>
      ) : (
        <Typography.Text data-testid="one-time-password-sent">
          {t('admin:peopleOtpSent', { phone: otp.sentTo })}
        </Typography.Text>
      )}
    </Modal>
  );
}

function CreateAccountDrawer({ onClose, onCreated }: { onClose: () => void; onCreated: (otp: Otp) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form);
  const [result, create] = useMutation(CreateStaffAccountMutation);
  const isDistrict = viewer.role === 'DISTRICT_ADMIN';
  const [streets] = useQuery({
    query: StreetsQuery,
    variables: { parentId: viewer.scope?.id },
    pause: !isDistrict,
  });
  const roles = rolesGrantableBy(viewer.role as Role);
  const submit = async () => {
    const v = await form.validateFields();
    const res = await create({
      input: {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        regionId:
          v.role === 'EVALUATOR' ? viewer.scope?.id : v.role === 'STREET_ADMIN' ? v.regionId : undefined,
        centerId: v.role === 'CENTER_STAFF' ? v.centerId : undefined,
        mobile: v.mobile?.trim() || undefined,
        sendBySms: Boolean(v.sendBySms),
      },
    });
    const done = res.data?.createStaffAccount;
    if (done) {
      onCreated({
        ...done.account,
        oneTimePassword: done.oneTimePassword ?? null,
        sentTo: done.sentTo ?? null,
      });
      return;
    }
    const mapped = toFormFieldErrors(fieldErrorsOf(res.error), [
      'username',
      'displayName',
      'regionId',
      'centerId',
      'mobile',
    ] as const);
    if (mapped.fields.length) form.setFields(mapped.fields);
  };
  return (
    <FormDrawer
      size={480}
      title={t('admin:peopleCreate')}
      saving={result.fetching}
      onClose={onClose}
      onSave={submit}
      testIdPrefix="account-form"
    >
      <ErrorAlert error={fieldErrorsOf(result.error).length ? null : result.error} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ role: roles[roles.length === 1 ? 0 : 0] }}
      >
        <Form.Item name="username" label={t('admin:peopleUsername')} rules={[{ required: true }]}>
          <Input data-testid="account-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin:peopleDisplayName')} rules={[{ required: true }]}>
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('admin:peopleRole')} rules={[{ required: true }]}>
          <Select
            data-testid="account-role"
            virtual={false}
            options={roles.map((r) => ({ value: r, label: t(`enum:role.${r}`) }))}
          />
        </Form.Item>
        {role === 'STREET_ADMIN' ? (
          <Form.Item name="regionId" label={t('admin:peopleRegionStreet')} rules={[{ required: true }]}>
            <Select
              data-testid="account-street"
              virtual={false}
              showSearch={{ optionFilterProp: 'label' }}
              options={(streets.data?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        ) : null}
        {role === 'CENTER_STAFF' ? (
          <Form.Item name="centerId" label={t('admin:peopleCenter')} rules={[{ required: true }]}>
            <CenterPicker regionId={viewer.scope?.id} testId="account-center" />
          </Form.Item>
        ) : null}
        <Form.Item name="mobile" label={t('admin:peopleMobile')}>
          <Input data-testid="account-mobile" inputMode="tel" />
        </Form.Item>
        <Form.Item name="sendBySms" valuePropName="checked">
          <Checkbox>{t('admin:peopleSendBySms')}</Checkbox>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [pager, dispatch] = useReducer(pagerReducer, undefined, () => initialPager());
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<StaffRole | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const [creating, setCreating] = useState(false);
  const [otp, setOtp] = useState<Otp | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StaffAccountsQuery,
    variables: {
      filter: { search: search || undefined, role, active },
      first: pager.pageSize,
      after: currentAfter(pager),
    },
    requestPolicy: 'cache-and-network',
  });
  const [, setActiveMutation] = useMutation(SetActiveMutation);
  const [, reset] = useMutation(ResetPasswordMutation);
  const canCreate = rolesGrantableBy(viewer.role as Role).length > 0;
  if (error && !data)
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const rows = data?.staffAccounts.edges.map((e) => e.node) ?? [];
  return (
    <Page
      title={t('admin:peopleTitle')}
      extra={
        canCreate ? (
          <>
            <AccountsExcel onImported={() => refetch({ requestPolicy: 'network-only' })} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="people-create"
            >
              {t('admin:peopleCreate')}
            </Button>
          </>
        ) : null
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin:peopleSearch')}
          onSearch={(v) => {
            setSearch(v.trim());
            dispatch({ type: 'first' });
          }}
          style={{ width: 260 }}
          data-testid="people-search"
        />
        <Select
          allowClear
          placeholder={t('admin:peopleAllRoles')}
          value={role}
          onChange={(v) => {
            setRole(v);
            dispatch({ type: 'first' });
          }}
          style={{ width: 160 }}
          virtual={false}
          options={rolesGrantableBy(viewer.role as Role).map((r) => ({
            value: r,
            label: t(`enum:role.${r}`),
          }))}
        />
        <Select
          allowClear
          placeholder={t('admin:peopleAllStatus')}
          value={active === undefined ? undefined : String(active)}
          onChange={(v) => {
            setActive(v === undefined ? undefined : v === 'true');
            dispatch({ type: 'first' });
          }}
          style={{ width: 140 }}
          virtual={false}
          options={[
            { value: 'true', label: t('admin:peopleActive') },
            { value: 'false', label: t('admin:peopleDisabled') },
          ]}
        />
      </Flex>
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        onRow={() => ({ 'data-testid': 'account-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('admin:peopleUsername'), dataIndex: 'username' },
          { title: t('admin:peopleDisplayName'), dataIndex: 'displayName' },
          {
            title: t('admin:peopleRole'),
            dataIndex: 'role',
            render: (r: Role) => ROLE_LABELS[r] && t(`enum:role.${r}`),
          },
          {
            title: t('admin:peopleScope'),
            render: (_, a) => a.center?.name ?? a.scope?.name ?? '—',
          },
          {
            title: t('admin:peopleMobile'),
            dataIndex: 'phoneMasked',
            render: (p: string | null) => p ?? '—',
          },
          {
            title: t('admin:peopleStatus'),
            render: (_, a) => (
              <Space size={4}>
                <Tag color={a.active ? 'green' : 'default'}>
                  {a.active ? t('admin:peopleActive') : t('admin:peopleDisabled')}
                </Tag>
                {a.mustChangePassword ? <Tag color="orange">{t('admin:peopleMustChange')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('admin:peopleActions'),
            render: (_, a) =>
              a.viewerCanManage ? (
                <Space>
                  <Popconfirm
                    title={a.active ? t('admin:peopleDisableConfirm') : t('admin:peopleEnable')}
                    onConfirm={async () => {
                      const r = await setActiveMutation({ id: a.id, active: !a.active });
                      if (r.error) message.error(r.error.graphQLErrors[0]?.message ?? t('common:error'));
                    }}
                  >
                    <Button size="small" danger={a.active} data-testid="account-toggle">
                      {a.active ? t('admin:peopleDisable') : t('admin:peopleEnable')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('admin:peopleResetConfirm')}
                    onConfirm={async () => {
                      const r = await reset({ id: a.id });
                      const done = r.data?.resetStaffPassword;
                      if (done)
                        setOtp({
                          ...done.account,
                          oneTimePassword: done.oneTimePassword ?? null,
                          sentTo: done.sentTo ?? null,
                        });
                      else message.error(r.error?.graphQLErrors[0]?.message ?? t('common:error'));
                    }}
                  >
                    <Button size="small" data-testid="account-reset">
                      {t('admin:peopleReset')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      <CursorPagination
        pager={pager}
        dispatch={dispatch}
        connection={data?.staffAccounts}
        rowCount={rows.length}
        testIdPrefix="people-pager"
      />
      {creating ? (
        <CreateAccountDrawer
          onClose={() => setCreating(false)}
          onCreated={(o) => {
            setCreating(false);
            setOtp(o);
            message.success(t('admin:peopleCreated'));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
      {otp ? <OtpModal otp={otp} onClose={() => setOtp(null)} /> : null}
    </Page>
  );
}
