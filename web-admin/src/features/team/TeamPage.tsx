// /team — 运营专班: a center's 3+X team (accounts or named people, their role and masked phone), its
// AB duties (A on duty, B stands in when A is absent), the weekly rota by day and shift (a person on
// another center's rota in the same shift is refused) and the center's phone.
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { DUTY_SHIFTS, TEAM_ROLES } from '@lc/domain';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popover,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DutyShift, TeamRole } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { CenterPicker } from '../people/CenterPicker';

const MyCenterQuery = graphql(`
  query TeamMyCenter {
    me {
      id
      center {
        id
        name
      }
    }
  }
`);

const TeamPageQuery = graphql(`
  query TeamPage($id: ID!, $weekStart: String!) {
    center(id: $id) {
      id
      name
      phone
      viewerCanEdit
      team {
        id
        name
        teamRole
        phoneMasked
        active
        hasAccount
      }
      dutyPairs {
        id
        duty
        a {
          id
          name
        }
        b {
          id
          name
        }
      }
      rota(weekStart: $weekStart) {
        id
        day
        shift
        duty
        aAbsent
        a {
          id
          name
        }
        b {
          id
          name
        }
        onDuty {
          id
          name
        }
      }
    }
  }
`);

const AddMemberMutation = graphql(`
  mutation AddTeamMember($centerId: ID!, $input: TeamMemberInput!) {
    addTeamMember(centerId: $centerId, input: $input) {
      id
    }
  }
`);
const UpdateMemberMutation = graphql(`
  mutation UpdateTeamMember($id: ID!, $input: TeamMemberInput!) {
    updateTeamMember(id: $id, input: $input) {
      id
      active
    }
  }
`);
const SetPairMutation = graphql(`
  mutation SetDutyPair($centerId: ID!, $duty: String!, $a: ID!, $b: ID!) {
    setDutyPair(centerId: $centerId, duty: $duty, aMemberId: $a, bMemberId: $b) {
      id
    }
  }
`);
const SetEntryMutation = graphql(`
  mutation SetRotaEntry($input: RotaEntryInput!) {
    setRotaEntry(input: $input) {
      id
    }
  }
`);
const RemoveEntryMutation = graphql(`
  mutation RemoveRotaEntry($id: ID!) {
    removeRotaEntry(id: $id)
  }
`);
const AbsenceMutation = graphql(`
  mutation SetRotaAbsence($id: ID!, $aAbsent: Boolean!) {
    setRotaAbsence(id: $id, aAbsent: $aAbsent) {
      id
      aAbsent
    }
  }
`);
const CenterPhoneMutation = graphql(`
  mutation UpdateCenterPhone($id: ID!, $phone: String) {
    updateCenter(id: $id, input: { phone: $phone }) {
      id
      phone
    }
  }
`);

const monday = (d: dayjs.Dayjs) => d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');

function TeamEditor({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [weekStart, setWeekStart] = useState(() => monday(dayjs()));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TeamPageQuery,
    variables: { id: centerId, weekStart },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [, addMember] = useMutation(AddMemberMutation);
  const [, updateMember] = useMutation(UpdateMemberMutation);
  const [, setPair] = useMutation(SetPairMutation);
  const [, setEntry] = useMutation(SetEntryMutation);
  const [, removeEntry] = useMutation(RemoveEntryMutation);
  const [, setAbsence] = useMutation(AbsenceMutation);
  const [, savePhone] = useMutation(CenterPhoneMutation);
  const [memberForm] = Form.useForm<{ name: string; teamRole: TeamRole; phone?: string }>();
  const [pairForm] = Form.useForm<{ duty: string; a: string; b: string }>();
  const [phone, setPhone] = useState<string | null>(null);
  const result = async (r: { error?: { graphQLErrors: { message: string }[] } }, ok?: string) => {
    if (r.error) {
      message.error(r.error.graphQLErrors[0]?.message ?? t('common:error'));
      return false;
    }
    if (ok) message.success(ok);
    reload();
    return true;
  };
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data?.center) return <LoadingState />;
  const c = data.center;
  const members = (c.team ?? []).filter((m) => m.active);
  const days = Array.from({ length: 7 }, (_, i) => dayjs(weekStart).add(i, 'day').format('YYYY-MM-DD'));
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t('admin:teamCenterPhone')}</Typography.Text>
          <Input
            value={phone ?? c.phone ?? ''}
            onChange={(e) => setPhone(e.target.value)}
            style={{ width: 200 }}
            data-testid="team-center-phone"
          />
          <Button
            disabled={!c.viewerCanEdit || phone === null}
            onClick={async () => (await result(await savePhone({ id: c.id, phone }))) && setPhone(null)}
          >
            {t('admin:teamSavePhone')}
          </Button>
        </Space>
      </Card>
      <Flex gap={16} wrap align="start">
        <Card title={t('admin:teamMembers')} style={{ flex: '1 1 480px' }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.team ?? []}
            loading={fetching}
            onRow={() => ({ 'data-testid': 'team-member-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('admin:teamMemberName'), dataIndex: 'name' },
              {
                title: t('admin:teamMemberRole'),
                dataIndex: 'teamRole',
                render: (r: TeamRole) => t(`enum:teamRole.${r}`),
              },
              {
                title: t('admin:teamMemberPhone'),
                dataIndex: 'phoneMasked',
                render: (p: string | null) => p ?? '—',
              },
              {
                title: t('admin:teamMemberAccount'),
                dataIndex: 'hasAccount',
                render: (h: boolean) =>
                  h ? t('admin:teamMemberHasAccount') : t('admin:teamMemberNoAccount'),
              },
              {
                title: t('admin:peopleStatus'),
                render: (_, m) => (
                  <Switch
                    size="small"
                    checked={m.active}
                    checkedChildren={t('admin:peopleActive')}
                    unCheckedChildren={t('admin:teamMemberInactive')}
                    onChange={async (v) => result(await updateMember({ id: m.id, input: { active: v } }))}
                  />
                ),
              },
            ]}
          />
          <Form
            form={memberForm}
            layout="inline"
            style={{ marginTop: 12 }}
            initialValues={{ teamRole: 'VOLUNTEER' }}
            onFinish={async (v) => {
              if (
                await result(
                  await addMember({
                    centerId: c.id,
                    input: { name: v.name, teamRole: v.teamRole, phone: v.phone || undefined },
                  }),
                )
              )
                memberForm.resetFields();
            }}
          >
            <Form.Item name="name" rules={[{ required: true }]}>
              <Input
                placeholder={t('admin:teamMemberName')}
                style={{ width: 120 }}
                data-testid="team-member-name"
              />
            </Form.Item>
            <Form.Item name="teamRole">
              <Select
                style={{ width: 120 }}
                virtual={false}
                options={TEAM_ROLES.map((r) => ({ value: r, label: t(`enum:teamRole.${r}`) }))}
              />
            </Form.Item>
            <Form.Item name="phone">
              <Input placeholder={t('admin:teamMemberPhone')} style={{ width: 140 }} />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} data-testid="team-member-add">
              {t('admin:teamAddMember')}
            </Button>
          </Form>
        </Card>
        <Card title={t('admin:teamPairs')} style={{ flex: '1 1 380px' }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.dutyPairs ?? []}
            columns={[
              { title: t('admin:teamPairDuty'), dataIndex: 'duty' },
              { title: t('admin:teamPairA'), render: (_, p) => p.a.name },
              { title: t('admin:teamPairB'), render: (_, p) => p.b.name },
            ]}
          />
          <Form
            form={pairForm}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={async (v) => {
              if (await result(await setPair({ centerId: c.id, duty: v.duty, a: v.a, b: v.b })))
                pairForm.resetFields();
            }}
          >
            <Form.Item name="duty" rules={[{ required: true }]}>
              <Input placeholder={t('admin:teamPairDuty')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="a" rules={[{ required: true }]}>
              <Select
                placeholder={t('admin:teamPairA')}
                style={{ width: 110 }}
                virtual={false}
                options={members.map((m) => ({ value: m.id, label: m.name }))}
              />
            </Form.Item>
            <Form.Item name="b" rules={[{ required: true }]}>
              <Select
                placeholder={t('admin:teamPairB')}
                style={{ width: 110 }}
                virtual={false}
                options={members.map((m) => ({ value: m.id, label: m.name }))}
              />
            </Form.Item>
            <Button htmlType="submit">{t('admin:teamSetPair')}</Button>
          </Form>
        </Card>
      </Flex>
      <Card
        title={t('admin:teamRota')}
        style={{ marginTop: 16 }}
        extra={
          <Space>
            <Button
              icon={<LeftOutlined />}
              onClick={() => setWeekStart(dayjs(weekStart).subtract(7, 'day').format('YYYY-MM-DD'))}
            >
              {t('admin:teamPrevWeek')}
            </Button>
            <Button onClick={() => setWeekStart(monday(dayjs()))}>{t('admin:teamWeek')}</Button>
            <Button onClick={() => setWeekStart(dayjs(weekStart).add(7, 'day').format('YYYY-MM-DD'))}>
              {t('admin:teamNextWeek')} <RightOutlined />
            </Button>
          </Space>
        }
      >
        <Table
          rowKey="shift"
          size="small"
          pagination={false}
          bordered
          dataSource={DUTY_SHIFTS.map((shift) => ({ shift }))}
          columns={[
            { title: '', dataIndex: 'shift', width: 70, render: (s: DutyShift) => t(`enum:dutyShift.${s}`) },
            ...days.map((day) => ({
              title: `${t(`enum:weekday.${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][dayjs(day).day()]}`)} ${day.slice(5)}`,
              key: day,
              render: (_: unknown, row: { shift: DutyShift }) => {
                const entries = (c.rota ?? []).filter((e) => e.day === day && e.shift === row.shift);
                return (
                  <Flex vertical gap={4} data-testid={`rota-cell-${day}-${row.shift}`}>
                    {entries.map((e) => (
                      <div key={e.id} style={{ fontSize: 12 }} data-testid="rota-entry">
                        <Typography.Text strong>{e.duty}</Typography.Text>{' '}
                        <Tag color={e.aAbsent ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
                          {e.onDuty.name}
                        </Tag>
                        <div>
                          <Typography.Text type="secondary">
                            A {e.a.name} / B {e.b.name}
                          </Typography.Text>
                        </div>
                        <Space size={4}>
                          <Button
                            size="small"
                            type="link"
                            style={{ padding: 0 }}
                            onClick={async () => result(await setAbsence({ id: e.id, aAbsent: !e.aAbsent }))}
                          >
                            {e.aAbsent ? t('admin:teamPresent') : t('admin:teamAbsent')}
                          </Button>
                          <Button
                            size="small"
                            type="link"
                            danger
                            icon={<DeleteOutlined />}
                            style={{ padding: 0 }}
                            onClick={async () => result(await removeEntry({ id: e.id }))}
                          />
                        </Space>
                      </div>
                    ))}
                    <Popover
                      trigger="click"
                      content={
                        (c.dutyPairs ?? []).length ? (
                          <Flex vertical gap={4}>
                            {(c.dutyPairs ?? []).map((p) => (
                              <Button
                                key={p.id}
                                size="small"
                                onClick={async () =>
                                  result(
                                    await setEntry({
                                      input: { centerId: c.id, day, shift: row.shift, pairId: p.id },
                                    }),
                                  )
                                }
                              >
                                {p.duty}（A {p.a.name} / B {p.b.name}）
                              </Button>
                            ))}
                          </Flex>
                        ) : (
                          t('admin:teamNoPairs')
                        )
                      }
                    >
                      <Button size="small" type="dashed" icon={<PlusOutlined />}>
                        {t('admin:teamAddEntry')}
                      </Button>
                    </Popover>
                  </Flex>
                );
              },
            })),
          ]}
        />
      </Card>
    </>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [mine] = useQuery({ query: MyCenterQuery, pause: viewer.role !== 'CENTER_STAFF' });
  const [picked, setPicked] = useState<string | undefined>();
  const centerId = viewer.role === 'CENTER_STAFF' ? mine.data?.me?.center?.id : picked;
  return (
    <Page
      title={t('admin:teamTitle')}
      extra={
        viewer.role === 'CENTER_STAFF' ? (
          <Typography.Text>{mine.data?.me?.center?.name}</Typography.Text>
        ) : (
          <CenterPicker
            regionId={viewer.scope?.id}
            value={picked}
            onChange={setPicked}
            testId="team-center"
          />
        )
      }
    >
      {centerId ? (
        <TeamEditor key={centerId} centerId={centerId} />
      ) : (
        <Typography.Text type="secondary">{t('admin:teamPickCenter')}</Typography.Text>
      )}
    </Page>
  );
}
