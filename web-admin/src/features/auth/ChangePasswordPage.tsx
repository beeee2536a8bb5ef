// /change-password — set a new password: forced after signing in with a one-time password, and
// open to anyone signed in from the user menu. The answer carries a new token (older ones end).
import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useAuth } from './AuthProvider';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      user {
        id
        ...AuthProvider_UserFragment
      }
    }
  }
`);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { viewer, signIn } = useAuth();
  const [form] = Form.useForm<Values>();
  const [result, change] = useMutation(ChangePasswordMutation);
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const forced = Boolean(viewer?.mustChangePassword);

  const onFinish = async (v: Values) => {
    const res = await change({ currentPassword: v.currentPassword, newPassword: v.newPassword });
    if (res.data?.changePassword) {
      signIn(res.data.changePassword.token, res.data.changePassword.user);
      message.success(t('admin:passwordChanged'));
      navigate(from === '/change-password' ? '/' : from, { replace: true });
      return;
    }
    const mapped = toFormFieldErrors(fieldErrorsOf(res.error), ['currentPassword', 'newPassword'] as const);
    if (mapped.fields.length) form.setFields(mapped.fields);
  };

  return (
    <Flex justify="center" style={{ paddingTop: 24 }}>
      <Card style={{ width: 440 }} data-testid="change-password-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {forced ? t('admin:passwordTitle') : t('admin:passwordChangeTitle')}
        </Typography.Title>
        {forced ? (
          <Alert type="warning" showIcon title={t('admin:passwordIntro')} style={{ marginBottom: 16 }} />
        ) : null}
        <ErrorAlert error={fieldErrorsOf(result.error).length ? null : result.error} />
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('admin:passwordCurrent')} rules={[{ required: true }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="password-current"
            />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('admin:passwordNew')}
            extra={t('admin:passwordRules')}
            rules={[{ required: true }, { min: 10, message: t('admin:passwordRules') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="password-new"
            />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('admin:passwordConfirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('admin:passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="password-confirm"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={result.fetching}
            data-testid="password-save"
          >
            {t('admin:passwordSave')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
