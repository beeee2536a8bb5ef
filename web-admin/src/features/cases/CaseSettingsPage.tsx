// /cases/settings — the district's case settings (district admin): categories with the level a case
// starts at and the working hours allowed to accept it and to resolve it at each level; and the
// working calendar — national holidays and make-up working days (2027 estimated until the State
// Council's notice), which the district corrects or adds to.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_LEVELS, type CalendarDayKind } from '@lc/domain';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CaseSettingsQuery, SaveCaseCategoryInput } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState, useErrorMessage } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';

const CaseSettingsQueryDoc = graphql(`
  query CaseSettings($districtId: ID!, $year: Int!) {
    caseCategories(districtId: $districtId, includeInactive: true) {
      code
      name
      nameEn
      startLevel
      acceptHours
      communityHours
      jointHours
      streetHours
      active
      sortOrder
      districtSetting
    }
    workingCalendar(districtId: $districtId, year: $year) {
      date
      kind
      name
      estimated
      districtSetting
    }
  }
`);

const SaveCategoryMutation = graphql(`
  mutation SaveCaseCategory($input: SaveCaseCategoryInput!) {
    saveCaseCategory(input: $input) {
      code
    }
  }
`);

const SetDayMutation = graphql(`
  mutation SetCalendarDay($districtId: ID!, $date: String!, $kind: CalendarDayKind, $name: String) {
    setCalendarDay(districtId: $districtId, date: $date, kind: $kind, name: $name) {
      date
    }
  }
`);

type Category = CaseSettingsQuery['caseCategories'][number];

export default function CaseSettingsPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const districtId = viewer.scope?.level === 'DISTRICT' ? viewer.scope.id : '';
  const [year, setYear] = useState(new Date().getFullYear());
  const [{ data, error }, reexecute] = useQuery({
    query: CaseSettingsQueryDoc,
    variables: { districtId, year },
    pause: !districtId,
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [saving, save] = useMutation(SaveCategoryMutation);
  const [, setDay] = useMutation(SetDayMutation);
  const [editing, setEditing] = useState<Partial<Category> | null>(null);
  const [form] = Form.useForm<SaveCaseCategoryInput>();
  const [newDay, setNewDay] = useState<{ date: Dayjs | null; kind: CalendarDayKind; name: string }>({
    date: null,
    kind: 'HOLIDAY',
    name: '',
  });

  if (viewer.role !== 'DISTRICT_ADMIN')
    return <ErrorState error={{ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] }} />;
  if (error && !data) return <ErrorState error={error} onRetry={refresh} />;
  if (!data) return <LoadingState />;

  const saveCategory = async (v: SaveCaseCategoryInput) => {
    const r = await save({ input: { ...v, districtId } });
    if (r.error) return void message.error(errorMessage(r.error));
    void message.success(t('admin:caseSettingsSaved'));
    setEditing(null);
    refresh();
  };
  const changeDay = async (date: string, kind: CalendarDayKind | null, name?: string) => {
    const r = await setDay({ districtId, date, kind, name: name || null });
    if (r.error) return void message.error(errorMessage(r.error));
    refresh();
  };
  const hours = (h: number) => t('admin:caseSettingsHours', { n: h });

  return (
    <Page title={t('admin:caseSettingsTitle')}>
      <Card
        size="small"
        title={t('admin:caseSettingsCategories')}
        extra={
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ startLevel: 'COMMUNITY', active: true })}
          >
            {t('admin:caseSettingsAddCategory')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <Table<Category>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={data.caseCategories}
          data-testid="case-categories"
          columns={[
            {
              title: t('admin:casesCategory'),
              render: (_, c) => (
                <Flex gap={6} align="center">
                  {i18n.language === 'en' ? c.nameEn : c.name}
                  <Typography.Text type="secondary">{c.code}</Typography.Text>
                  {c.districtSetting ? <Tag color="blue">{t('admin:caseSettingsOwn')}</Tag> : null}
                  {!c.active ? <Tag>{t('admin:caseSettingsInactive')}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: t('admin:caseSettingsStartLevel'),
              render: (_, c) => t(`enum:caseLevel.${c.startLevel}`),
            },
            { title: t('admin:caseSettingsAccept'), render: (_, c) => hours(c.acceptHours) },
            { title: t('enum:caseLevel.COMMUNITY'), render: (_, c) => hours(c.communityHours) },
            { title: t('enum:caseLevel.JOINT_ENFORCEMENT'), render: (_, c) => hours(c.jointHours) },
            { title: t('enum:caseLevel.STREET_OPERATIONS_CENTER'), render: (_, c) => hours(c.streetHours) },
            {
              title: '',
              render: (_, c) => (
                <Button size="small" onClick={() => setEditing(c)}>
                  {t('admin:edit')}
                </Button>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('admin:caseSettingsHoursHint')}
        </Typography.Paragraph>
      </Card>

      <Card
        size="small"
        title={t('admin:caseSettingsCalendar')}
        extra={
          <Select
            value={year}
            onChange={setYear}
            options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))}
          />
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <DatePicker value={newDay.date} onChange={(d) => setNewDay({ ...newDay, date: d })} />
          <Select
            style={{ width: 160 }}
            value={newDay.kind}
            onChange={(kind) => setNewDay({ ...newDay, kind })}
            options={(['HOLIDAY', 'WORKDAY'] as const).map((k) => ({
              value: k,
              label: t(`admin:caseDay_${k}`),
            }))}
          />
          <Input
            style={{ width: 200 }}
            placeholder={t('admin:caseSettingsDayName')}
            value={newDay.name}
            onChange={(e) => setNewDay({ ...newDay, name: e.target.value })}
          />
          <Button
            type="primary"
            disabled={!newDay.date}
            onClick={() =>
              newDay.date &&
              void changeDay(newDay.date.format('YYYY-MM-DD'), newDay.kind, newDay.name).then(() =>
                setNewDay({ date: null, kind: 'HOLIDAY', name: '' }),
              )
            }
          >
            {t('admin:caseSettingsSetDay')}
          </Button>
        </Flex>
        <Table
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={data.workingCalendar}
          columns={[
            {
              title: t('admin:caseSettingsDate'),
              dataIndex: 'date',
              render: (d: string) => `${d} ${dayjs(d).format('ddd')}`,
            },
            {
              title: t('admin:caseSettingsKind'),
              dataIndex: 'kind',
              render: (k: CalendarDayKind) => (
                <Tag color={k === 'HOLIDAY' ? 'red' : 'blue'}>{t(`admin:caseDay_${k}`)}</Tag>
              ),
            },
            { title: t('admin:caseSettingsDayName'), dataIndex: 'name' },
            {
              title: '',
              render: (_, d) => (
                <Flex gap={6}>
                  {d.estimated ? <Tag color="orange">{t('admin:caseSettingsEstimated')}</Tag> : null}
                  {d.districtSetting ? (
                    <>
                      <Tag color="blue">{t('admin:caseSettingsOwn')}</Tag>
                      <Popconfirm
                        title={t('admin:caseSettingsRevert')}
                        onConfirm={() => void changeDay(d.date, null)}
                      >
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('admin:caseSettingsRevert')}
                        />
                      </Popconfirm>
                    </>
                  ) : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        void changeDay(d.date, d.kind === 'HOLIDAY' ? 'WORKDAY' : 'HOLIDAY', d.name)
                      }
                    >
                      {t('admin:caseSettingsFlip')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      {editing ? (
        <Modal
          open
          title={editing.code ? t('admin:caseSettingsEditCategory') : t('admin:caseSettingsAddCategory')}
          okText={t('common:save')}
          cancelText={t('common:cancel')}
          confirmLoading={saving.fetching}
          onOk={() => form.submit()}
          onCancel={() => setEditing(null)}
          destroyOnHidden
        >
          <Form<SaveCaseCategoryInput>
            form={form}
            layout="vertical"
            initialValues={{
              code: editing.code,
              name: editing.name,
              nameEn: editing.nameEn,
              startLevel: editing.startLevel,
              acceptHours: editing.acceptHours ?? 8,
              communityHours: editing.communityHours ?? 40,
              jointHours: editing.jointHours ?? 40,
              streetHours: editing.streetHours ?? 80,
              active: editing.active ?? true,
            }}
            onFinish={(v) => void saveCategory(v)}
          >
            <Form.Item name="code" label={t('admin:caseSettingsCode')} rules={[{ required: true }]}>
              <Input disabled={!!editing.code} />
            </Form.Item>
            <Form.Item name="name" label={t('admin:caseSettingsName')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="nameEn" label={t('admin:caseSettingsNameEn')}>
              <Input />
            </Form.Item>
            <Form.Item name="startLevel" label={t('admin:caseSettingsStartLevel')}>
              <Select options={CASE_LEVELS.map((l) => ({ value: l, label: t(`enum:caseLevel.${l}`) }))} />
            </Form.Item>
            <Flex gap={8} wrap>
              {(['acceptHours', 'communityHours', 'jointHours', 'streetHours'] as const).map((f) => (
                <Form.Item key={f} name={f} label={t(`admin:caseSettings_${f}`)} rules={[{ required: true }]}>
                  <InputNumber min={1} max={2000} addonAfter={t('admin:caseSettingsHourUnit')} />
                </Form.Item>
              ))}
            </Flex>
            <Form.Item name="active" label={t('admin:caseSettingsActive')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Page>
  );
}
