// 拒绝: a required reason the resident will see, then REQUESTED/ACCEPTED → REJECTED.
import { ORDER_NOTE_MAX_LENGTH } from '@lc/domain';
import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { fieldErrorsOf, formFieldName } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from './bilingual';
import { isStale, useOrderTransition } from './useOrderTransition';

export interface RejectTarget {
  id: string;
  serviceName: string;
}

export function RejectOrderModal({
  order,
  onClose,
  onChanged,
}: {
  order: RejectTarget;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { move, fetching } = useOrderTransition();
  const [error, setError] = useState<CombinedError | null>(null);

  const submit = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setError(null);
    const res = await move(order.id, 'REJECTED', { reason });
    if (!('error' in res)) {
      message.success(t('admin:ordersDoneREJECTED'));
      onChanged();
      onClose();
      return;
    }
    if (isStale(res.error)) {
      message.warning(t('admin:ordersConflict'));
      onChanged();
      onClose();
      return;
    }
    const fieldErrors = fieldErrorsOf(res.error).filter((f) => formFieldName(f.field) === 'reason');
    if (fieldErrors.length > 0) {
      form.setFields([
        { name: 'reason', errors: fieldErrors.map((f) => localizeBilingual(f.message, i18n.language)) },
      ]);
    } else {
      setError(res.error);
    }
  };

  return (
    <Modal
      open
      title={t('admin:ordersRejectTitle', { name: order.serviceName })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={fetching}
      mask={{ closable: !fetching }}
      okText={t('admin:ordersReject')}
      cancelText={t('common:cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'order-reject-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'order-reject-cancel' } as ButtonProps}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" data-testid="order-reject-form">
        <Form.Item
          name="reason"
          label={t('admin:ordersRejectReason')}
          extra={t('admin:ordersRejectReasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('admin:ordersRejectReasonRequired') },
            {
              max: ORDER_NOTE_MAX_LENGTH,
              message: t('admin:validationMaxLength', { max: ORDER_NOTE_MAX_LENGTH }),
            },
          ]}
        >
          <Input.TextArea
            data-testid="order-reject-reason"
            rows={3}
            maxLength={ORDER_NOTE_MAX_LENGTH}
            showCount
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
