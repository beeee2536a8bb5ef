// A drawer holding one form, with Cancel / Save in its footer. While saving, the buttons and the
// mask stay put so the request cannot be abandoned half-way. The parent mounts the drawer to
// open it and unmounts it on close.
import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FormDrawer({
  title,
  size,
  saving,
  onClose,
  onSave,
  testIdPrefix,
  children,
}: {
  title: ReactNode;
  size: number;
  saving: boolean;
  onClose: () => void;
  /** submits the form */
  onSave: () => void;
  /** the buttons are `${testIdPrefix}-cancel` and `${testIdPrefix}-submit` */
  testIdPrefix: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={size}
      maskClosable={!saving}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={saving} data-testid={`${testIdPrefix}-cancel`}>
            {t('common:cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={`${testIdPrefix}-submit`}>
            {t('common:save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
