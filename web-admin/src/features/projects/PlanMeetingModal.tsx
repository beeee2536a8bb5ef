// 预告下次会议: announce the next meeting of a project (kind, time, place); residents of its
// communities see it in web-resident.
import { TITLE_MAX_LENGTH, type MeetingKind, type ProjectStatus } from '@lc/domain';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps, DatePickerProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { SCHEDULE_FORMAT, isBeforeToday } from '../orders/ordersModel';
import { defaultMeetingKind, plannableKindsFor } from './projectModel';

const PlanMeetingMutation = graphql(`
  mutation PlanMeeting($input: PlanMeetingInput!) {
    planMeeting(input: $input) {
      id
      nextMeeting
      nextMeetingAt
      nextMeetingPlace
    }
  }
`);

type PickerValue = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface Values {
  kind?: MeetingKind;
  at?: PickerValue | null;
  place?: string;
}

const FIELDS = ['kind', 'at', 'place'] as const;
const testIdProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;

export function PlanMeetingModal({
  projectId,
  status,
  onClose,
  onPlanned,
}: {
  projectId: string;
  status: ProjectStatus;
  onClose: () => void;
  onPlanned: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, plan] = useMutation(PlanMeetingMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const kinds = plannableKindsFor(status);
  const initialKind = defaultMeetingKind(status) ?? kinds[0];

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setShownError(null);
    const at = values.at?.toDate();
    if (!values.kind || !at) return;
    const res = await plan(
      { input: { projectId, kind: values.kind, at: at.toISOString(), place: values.place?.trim() || null } },
      { additionalTypenames: ['Project'] },
    );
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), FIELDS);
      form.setFields(
        mapped.fields.map((f) => ({
          name: f.name,
          errors: f.errors.map((m) => localizeBilingual(m, i18n.language)),
        })),
      );
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:meetingPlanned'));
    onPlanned();
    onClose();
  };

  return (
    <Modal
      open
      title={t('admin:meetingPlanTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={fetching}
      okText={t('common:confirm')}
      cancelText={t('common:cancel')}
      okButtonProps={testIdProps('meeting-plan-submit')}
      cancelButtonProps={testIdProps('meeting-plan-cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={shownError} />
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="meeting-plan-form"
        initialValues={{ kind: initialKind }}
      >
        <Form.Item
          name="kind"
          label={t('admin:meetingKind')}
          rules={[{ required: true, message: t('admin:validationRequired') }]}
        >
          <Select
            data-testid="meeting-plan-kind"
            virtual={false}
            options={kinds.map((k) => ({ value: k, label: t(`enum:meetingKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="at"
          label={t('admin:meetingPlanAt')}
          extra={t('admin:meetingHeldAtHint')}
          rules={[{ required: true, message: t('admin:validationRequired') }]}
        >
          <DatePicker
            data-testid="meeting-plan-at"
            showTime={{ format: 'HH:mm' }}
            format={SCHEDULE_FORMAT}
            placeholder={SCHEDULE_FORMAT}
            disabledDate={(d) => isBeforeToday(d.toDate(), new Date())}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="place" label={t('admin:meetingPlace')}>
          <Input data-testid="meeting-plan-place" maxLength={TITLE_MAX_LENGTH} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
