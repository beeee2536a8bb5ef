// 接单并排期 / 排期 / 改期: pick a delivery time (typed as YYYY-MM-DD HH:mm or picked), then make
// the moves the order's status needs (ACCEPTED then SCHEDULED, or just SCHEDULED). When the
// accept goes through but scheduling fails, the modal stays open and the retry only schedules.
import type { DeliveryStatus } from '@lc/domain';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import type { ButtonProps, DatePickerProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { fieldErrorsOf, formFieldName } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from './bilingual';
import {
  SCHEDULE_FORMAT,
  checkScheduleDate,
  formatDateTime,
  isBeforeToday,
  runSchedulePlan,
  type ScheduleDateProblem,
} from './ordersModel';
import { isStale, useOrderTransition } from './useOrderTransition';

/** antd's date value (a Dayjs), named without importing dayjs itself. */
type PickerValue = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface Values {
  scheduledFor: PickerValue | null;
}

const PROBLEM_KEYS: Record<ScheduleDateProblem, string> = {
  required: 'admin:ordersScheduleRequired',
  past: 'admin:ordersSchedulePast',
  invalid: 'admin:ordersScheduleInvalid',
};

export interface ScheduleTarget {
  id: string;
  status: DeliveryStatus;
  serviceName: string;
  scheduledFor: string | null;
}

export function ScheduleOrderModal({
  order,
  onClose,
  onChanged,
}: {
  order: ScheduleTarget;
  onClose: () => void;
  /** the order moved (fully or partly): refresh the lists */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { move } = useOrderTransition();
  // The status as far as this modal knows: REQUESTED becomes ACCEPTED after a partial success.
  const [status, setStatus] = useState<DeliveryStatus>(order.status);
  const [partly, setPartly] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);

  const titleKey =
    status === 'SCHEDULED'
      ? 'admin:ordersRescheduleTitle'
      : status === 'ACCEPTED'
        ? 'admin:ordersScheduleOnlyTitle'
        : 'admin:ordersScheduleTitle';

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const when = values.scheduledFor?.toDate() ?? null;
    if (!when) return;
    setBusy(true);
    setError(null);
    const outcome = await runSchedulePlan(status, (to) =>
      move(order.id, to, to === 'SCHEDULED' ? { scheduledFor: when.toISOString() } : {}),
    );
    setBusy(false);
    if (!outcome.failed) {
      message.success(t('admin:ordersDoneSCHEDULED'));
      onChanged();
      onClose();
      return;
    }
    const failure = outcome.failed.error;
    if (isStale(failure)) {
      message.warning(t('admin:ordersConflict'));
      onChanged();
      onClose();
      return;
    }
    if (outcome.done.length > 0) {
      setStatus(outcome.status);
      setPartly(true);
      onChanged();
    }
    const fieldErrors = fieldErrorsOf(failure).filter((f) => formFieldName(f.field) === 'scheduledFor');
    if (fieldErrors.length > 0) {
      form.setFields([
        {
          name: 'scheduledFor',
          errors: fieldErrors.map((f) => localizeBilingual(f.message, i18n.language)),
        },
      ]);
    } else {
      setError(failure);
    }
  };

  return (
    <Modal
      open
      title={t(titleKey, { name: order.serviceName })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      mask={{ closable: !busy }}
      okText={t('common:confirm')}
      cancelText={t('common:cancel')}
      okButtonProps={{ 'data-testid': 'order-schedule-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'order-schedule-cancel' } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="order-schedule-modal">
        {partly ? (
          <Alert
            type="info"
            showIcon
            title={t('admin:ordersAcceptedOnlySoFar')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <ErrorAlert error={error} />
        {order.scheduledFor ? (
          <Typography.Paragraph type="secondary">
            {t('admin:ordersScheduledFor')}：{formatDateTime(order.scheduledFor)}
          </Typography.Paragraph>
        ) : null}
        {/* No onFinish: Enter in the picker confirms the typed time; the OK button submits. */}
        <Form<Values>
          form={form}
          layout="vertical"
          onValuesChange={() => form.setFields([{ name: 'scheduledFor', errors: [] }])}
        >
          <Form.Item
            name="scheduledFor"
            label={t('admin:ordersScheduleDate')}
            extra={t('admin:ordersScheduleDateHint')}
            rules={[
              {
                validator: async (_, value: PickerValue | null | undefined) => {
                  const problem = checkScheduleDate(value ? value.toDate() : null, new Date());
                  if (problem) throw new Error(t(PROBLEM_KEYS[problem]));
                },
              },
            ]}
          >
            <DatePicker
              data-testid="order-schedule-date"
              showTime={{ format: 'HH:mm' }}
              format={SCHEDULE_FORMAT}
              placeholder={SCHEDULE_FORMAT}
              disabledDate={(current) => isBeforeToday(current.toDate(), new Date())}
              style={{ width: '100%' }}
              autoFocus
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
