// Loading, empty and error states shared by every page.
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, type ErrorLike } from './graphqlErrors';

export function LoadingState({ tip }: { tip?: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="loading-state">
      <Spin />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)' }}>{tip ?? t('common:loading')}</div>
    </div>
  );
}

export function EmptyState({ description }: { description?: string }) {
  const { t } = useTranslation();
  return <Empty data-testid="empty-state" description={description ?? t('common:empty')} />;
}

/** The translated message of a GraphQL / network error. */
export function useErrorMessage(): (error: ErrorLike | null | undefined) => string {
  const { t } = useTranslation();
  return (error) => t(errorMessageKey(error), { defaultValue: t('common:error') });
}

/** A full-block error with an optional retry. */
export function ErrorState({
  error,
  onRetry,
}: {
  error: ErrorLike | null | undefined;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Result
      status="warning"
      title={t('common:error')}
      subTitle={message(error)}
      data-testid="error-state"
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common:retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** An inline error banner, e.g. above a form. */
export function ErrorAlert({
  error,
  extra,
  title,
}: {
  error: ErrorLike | null | undefined;
  extra?: string[];
  /** overrides the message derived from the error code */
  title?: string;
}) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={title ?? message(error)}
      description={extra && extra.length > 0 ? extra.join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
