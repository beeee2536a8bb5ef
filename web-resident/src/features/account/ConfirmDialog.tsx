// A confirmation dialog with large buttons. Declarative (rendered in the app's tree, so the
// language and elder-mode settings apply); the OK button carries data-testid="confirm-ok".
import { Dialog, type DialogProps } from 'antd-mobile';
import type { ReactNode } from 'react';

type Action = Exclude<NonNullable<DialogProps['actions']>[number], unknown[]>;

export function ConfirmDialog({
  visible,
  title,
  content,
  okText,
  cancelText,
  danger,
  onOk,
  onCancel,
}: {
  visible: boolean;
  title: ReactNode;
  content?: ReactNode;
  okText: string;
  cancelText: string;
  danger?: boolean;
  /** may return a promise: the OK button shows a spinner until it settles */
  onOk: () => void | Promise<void>;
  onCancel: () => void;
}) {
  const cancel = {
    key: 'cancel',
    text: cancelText,
    onClick: onCancel,
    'data-testid': 'confirm-cancel',
  } as Action;
  const ok = {
    key: 'ok',
    text: okText,
    bold: true,
    danger,
    onClick: onOk,
    'data-testid': 'confirm-ok',
  } as Action;
  return (
    <Dialog
      visible={visible}
      title={title}
      content={content}
      closeOnMaskClick
      onClose={onCancel}
      className="confirm-dialog"
      actions={[[cancel, ok]]}
    />
  );
}
