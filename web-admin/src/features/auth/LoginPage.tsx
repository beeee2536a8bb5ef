// Sign in with username and password; errors are shown in the UI language from extensions.code.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { errorCodeOf, fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useAuth } from './AuthProvider';

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        id
        ...AuthProvider_UserFragment
      }
    }
  }
`);

interface LoginValues {
  username: string;
  password: string;
}

/** When a locked account may try again (RATE_LIMITED carries retryAfterSeconds), as a local time. */
function retryAt(error: { graphQLErrors?: { extensions?: Record<string, unknown> }[] } | undefined) {
  const seconds = error?.graphQLErrors?.find((e) => e.extensions?.code === 'RATE_LIMITED')?.extensions
    ?.retryAfterSeconds;
  if (typeof seconds !== 'number') return null;
  return new Date(Date.now() + seconds * 1000).toLocaleTimeString('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { status, signIn, endedBecause } = useAuth();
  const [form] = Form.useForm<LoginValues>();
  const [result, login] = useMutation(LoginMutation);
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (status === 'authenticated') return <Navigate to={from} replace />;

  const onFinish = async (values: LoginValues) => {
    const res = await login({ username: values.username.trim(), password: values.password });
    if (res.data?.login) {
      signIn(res.data.login.token, res.data.login.user);
      navigate(from, { replace: true });
      return;
    }
    const mapped = toFormFieldErrors(fieldErrorsOf(res.error), ['username', 'password'] as const);
    if (mapped.fields.length > 0) form.setFields(mapped.fields);
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }} data-testid="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('common:appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('admin:loginSubtitle')}
        </Typography.Paragraph>
        {endedBecause && !result.error ? (
          <Alert type="info" showIcon title={t(`enum:error.${endedBecause}`)} style={{ marginBottom: 16 }} />
        ) : null}
        <ErrorAlert
          error={result.error}
          // On this page UNAUTHENTICATED means the username or password was wrong.
          title={
            errorCodeOf(result.error) === 'UNAUTHENTICATED'
              ? t('admin:loginFailed')
              : retryAt(result.error)
                ? t('admin:loginLocked', { time: retryAt(result.error) })
                : undefined
          }
        />
        <Form<LoginValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          data-testid="login-form"
        >
          <Form.Item
            name="username"
            label={t('admin:loginUsername')}
            rules={[{ required: true, whitespace: true, message: t('admin:loginUsernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
              placeholder={t('admin:loginUsername')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('admin:loginPassword')}
            rules={[{ required: true, message: t('admin:loginPasswordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
              placeholder={t('admin:loginPassword')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={result.fetching} data-testid="login-submit">
            {t('admin:loginSubmit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
