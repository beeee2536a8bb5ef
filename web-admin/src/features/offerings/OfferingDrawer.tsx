// Add a service to a center, or change an offering: weekly rules (weekdays, opening times,
// optional validity dates), places per session and a fee override. Checked in the browser
// with the shared schedule rules; the API's field errors land on the rule they name.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OFFERING_CAPACITY_MAX, SERVICE_SHORT_TEXT_MAX_LENGTH, WEEKDAYS } from '@lc/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { fieldErrorsOf, type FieldError } from '../../ui/graphqlErrors';
import { FormDrawer } from '../../ui/FormDrawer';
import { ErrorAlert } from '../../ui/states';
import { localizeMessage } from '../menus/menuItemForm';
import { MENU_COLORS } from '../menus/menuRules';
import {
  EMPTY_RULE,
  changedFieldPaths,
  clientOfferingErrors,
  offeringToValues,
  toOfferingFieldErrors,
  toSetOfferingInput,
  type OfferingFormPath,
  type OfferingValues,
} from './offeringForm';

export const OfferingDrawer_OfferingFragment = graphql(`
  fragment OfferingDrawer_OfferingFragment on ServiceOffering {
    id
    fee
    capacity
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
      fee
      menu
    }
  }
`);

const OfferableServicesQuery = graphql(`
  query OfferableServices($filter: ServiceFilter!, $first: Int!) {
    services(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          category
          menu
          fee
        }
      }
    }
  }
`);

const SetOfferingMutation = graphql(`
  mutation SetOffering($input: SetOfferingInput!) {
    setOffering(input: $input) {
      id
      ...OfferingDrawer_OfferingFragment
      center {
        id
      }
    }
  }
`);

const PICKER_PAGE = 50;
/** A nested path as antd's typed field name (the paths come from the form's own shape). */
const asName = (path: OfferingFormPath) => path as never;

/** 'HH:MM' as a picker value (24:00 shows as 23:59: the picker has no 24:00). */
function timeValue(v: string | undefined): Dayjs | null {
  if (!v) return null;
  const d = dayjs(`2000-01-01T${v === '24:00' ? '23:59' : v}`);
  return d.isValid() ? d : null;
}
function dateValue(v: string | null | undefined): Dayjs | null {
  if (!v) return null;
  const d = dayjs(v);
  return d.isValid() ? d : null;
}

/** An opening or closing time of a weekly rule, kept in the form as 'HH:MM'. */
function RuleTimeItem({ name, label, testId }: { name: [number, string]; label: string; testId: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      required
      getValueProps={(v: string) => ({ value: timeValue(v) })}
      normalize={(d: Dayjs | null) => (d ? d.format('HH:mm') : '')}
    >
      <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid={testId} />
    </Form.Item>
  );
}

/** Searchable list of the items the center may offer and does not offer yet. */
function ServicePicker({
  streetId,
  exclude,
  value,
  onChange,
}: {
  streetId: string;
  exclude: ReadonlySet<string>;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const [{ data, fetching, error }] = useQuery({
    query: OfferableServicesQuery,
    variables: { filter: { regionId: streetId, search: search || undefined }, first: PICKER_PAGE },
  });
  const nodes = useMemo(
    () => (data?.services.edges ?? []).map((e) => e.node).filter((n) => !exclude.has(n.id)),
    [data, exclude],
  );
  const groups = ['DISTRICT', 'MOBILE', 'STREET_FEATURE']
    .map((m) => ({
      label: t(`enum:menu.${m}`),
      title: t(`enum:menu.${m}`),
      options: nodes
        .filter((n) => n.menu === m)
        .map((n) => ({ value: n.id, label: n.name, category: n.category })),
    }))
    .filter((g) => g.options.length > 0);
  const more = (data?.services.totalCount ?? 0) > PICKER_PAGE;

  return (
    <Select
      data-testid="offering-service"
      showSearch={{ filterOption: false, onSearch: setText }}
      virtual={false}
      value={value}
      onChange={(id: string) => onChange?.(id)}
      loading={fetching}
      placeholder={t('admin:offeringsPickService')}
      options={groups}
      optionRender={(o) => {
        const category = (o.data as { category?: string }).category;
        return (
          <Flex justify="space-between" gap={8}>
            <span>{o.label}</span>
            {category ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`enum:category.${category}`)}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      }}
      notFoundContent={
        error ? t('common:error') : fetching ? t('common:loading') : t('admin:offeringsNoneToAdd')
      }
      popupRender={(menu) => (
        <>
          {menu}
          {more ? (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('admin:offeringsPickerMore', { n: PICKER_PAGE })}
            </Typography.Text>
          ) : null}
        </>
      )}
    />
  );
}

export type OfferingDrawerProps =
  | {
      mode: 'create';
      centerId: string;
      centerName: string;
      streetId: string;
      offeredIds: ReadonlySet<string>;
    }
  | {
      mode: 'edit';
      centerId: string;
      centerName: string;
      offering: FragmentType<typeof OfferingDrawer_OfferingFragment>;
    };

export function OfferingDrawer(
  props: OfferingDrawerProps & {
    /** the parent mounts the drawer to open it and unmounts it on close */
    onClose: () => void;
  },
) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const offering = useFragment(
    OfferingDrawer_OfferingFragment,
    props.mode === 'edit' ? props.offering : null,
  );
  const [form] = Form.useForm<OfferingValues>();
  const [result, setOffering] = useMutation(SetOfferingMutation);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [shownError, setShownError] = useState<CombinedError | undefined>(undefined);
  const localize = (m: string) => localizeMessage(m, i18n.language);

  // Captured once: a refetch while the drawer is open must not overwrite the user's edits.
  const [initialValues] = useState<OfferingValues>(() =>
    offering ? offeringToValues(offering) : { serviceId: undefined, schedule: [], capacity: null, fee: '' },
  );

  const showFieldErrors = (errors: FieldError[]) => {
    const mapped = toOfferingFieldErrors(errors);
    form.setFields(mapped.fields.map((f) => ({ name: asName(f.name), errors: f.errors.map(localize) })));
    return mapped.unmatched.map(localize);
  };

  const onFinish = async (values: OfferingValues) => {
    setShownError(undefined);
    setUnmatched([]);
    const serviceId = offering ? offering.service.id : values.serviceId;
    if (!serviceId) {
      form.setFields([{ name: 'serviceId', errors: [t('admin:offeringsPickService')] }]);
      return;
    }
    const problems = clientOfferingErrors(values);
    if (problems.length > 0) {
      setUnmatched(showFieldErrors(problems));
      return;
    }
    const res = await setOffering({ input: toSetOfferingInput(props.centerId, serviceId, values) });
    if (res.error) {
      setUnmatched(showFieldErrors(fieldErrorsOf(res.error)));
      setShownError(res.error);
      return;
    }
    message.success(t(props.mode === 'create' ? 'admin:offeringsAdded' : 'admin:offeringsSaved'));
    props.onClose();
  };

  const itemFee = offering?.service.fee;
  const fetching = result.fetching;

  return (
    <FormDrawer
      title={
        offering
          ? t('admin:offeringsEditTitle', { name: offering.service.name, center: props.centerName })
          : t('admin:offeringsAddTitle', { center: props.centerName })
      }
      size={640}
      saving={fetching}
      onClose={props.onClose}
      onSave={() => form.submit()}
      testIdPrefix="offering"
    >
      {shownError || unmatched.length > 0 ? (
        <ErrorAlert
          error={shownError ?? { graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }}
          extra={unmatched}
        />
      ) : null}
      <Form<OfferingValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="offering-form"
        onValuesChange={(changed) => {
          // A changed field's error no longer applies (all are checked again on save).
          form.setFields(changedFieldPaths(changed).map((name) => ({ name: asName(name), errors: [] })));
        }}
      >
        {props.mode === 'create' ? (
          <Form.Item
            name="serviceId"
            label={t('admin:serviceName')}
            required
            extra={t('admin:offeringsPickHint')}
          >
            <ServicePicker streetId={props.streetId} exclude={props.offeredIds} />
          </Form.Item>
        ) : offering ? (
          <Form.Item label={t('admin:serviceName')}>
            <Flex gap={8} align="center">
              <strong>{offering.service.name}</strong>
              <Tag color={MENU_COLORS[offering.service.menu]}>{t(`enum:menu.${offering.service.menu}`)}</Tag>
            </Flex>
          </Form.Item>
        ) : null}

        <Typography.Text strong>{t('admin:serviceSchedule')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('admin:offeringsScheduleHint')}
        </Typography.Paragraph>
        <Form.List name="schedule">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid="offering-rule"
                  title={t('admin:offeringsRuleTitle', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      data-testid="offering-rule-remove"
                    >
                      {t('admin:offeringsRemoveRule')}
                    </Button>
                  }
                >
                  <Form.Item name={[field.name, 'byDay']} label={t('admin:offeringsWeekdays')} required>
                    <Checkbox.Group data-testid="offering-rule-days">
                      {WEEKDAYS.map((d) => (
                        <Checkbox key={d} value={d} data-testid={`weekday-${d}`}>
                          {t(`enum:weekday.${d}`)}
                        </Checkbox>
                      ))}
                    </Checkbox.Group>
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <RuleTimeItem
                      name={[field.name, 'opens']}
                      label={t('admin:offeringsOpens')}
                      testId="offering-rule-opens"
                    />
                    <RuleTimeItem
                      name={[field.name, 'closes']}
                      label={t('admin:offeringsCloses')}
                      testId="offering-rule-closes"
                    />
                    <Form.Item
                      name={[field.name, 'valid']}
                      label={t('admin:offeringsValidity')}
                      tooltip={t('admin:offeringsValidityHint')}
                      getValueProps={(v: [string | null, string | null] | null) => ({
                        value: v ? [dateValue(v[0]), dateValue(v[1])] : null,
                      })}
                      normalize={(r: [Dayjs | null, Dayjs | null] | null) =>
                        r && (r[0] || r[1])
                          ? [r[0]?.format('YYYY-MM-DD') ?? null, r[1]?.format('YYYY-MM-DD') ?? null]
                          : null
                      }
                    >
                      <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="offering-rule-valid" />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ ...EMPTY_RULE })}
                data-testid="offering-add-rule"
                style={{ marginBottom: 16 }}
              >
                {t('admin:offeringsAddRule')}
              </Button>
            </>
          )}
        </Form.List>

        <Flex gap={16} wrap>
          <Form.Item
            name="capacity"
            label={t('admin:offeringsCapacity')}
            extra={t('admin:offeringsCapacityHint')}
          >
            <InputNumber
              data-testid="offering-capacity"
              min={1}
              max={OFFERING_CAPACITY_MAX}
              precision={0}
              style={{ width: 160 }}
              placeholder={t('admin:offeringsUnlimited')}
            />
          </Form.Item>
          <Form.Item
            name="fee"
            label={t('admin:offeringsFee')}
            extra={
              itemFee ? t('admin:offeringsFeeHintWithItem', { fee: itemFee }) : t('admin:offeringsFeeHint')
            }
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input data-testid="offering-fee" maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH} allowClear />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
