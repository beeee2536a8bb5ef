// Loading, empty and error states, the same everywhere: large text, one clear action.
import { DotLoading, Skeleton } from 'antd-mobile';
import { ExclamationCircleOutline, FileOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorMessageKey } from './errors';
import { NAMESPACES } from '../i18n';

export function LoadingView({ lines = 3, testId }: { lines?: number; testId?: string }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div
      className="state-view state-loading"
      role="status"
      aria-live="polite"
      data-testid={testId ?? 'loading'}
    >
      <div className="state-loading-label">
        <DotLoading color="primary" />
        <span>{t('common:loading')}</span>
      </div>
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={lines} animated />
    </div>
  );
}

/** Small inline spinner with the loading text, for buttons and short waits. */
export function InlineLoading({ label }: { label?: string }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <span className="inline-loading" role="status" aria-live="polite">
      <DotLoading color="currentColor" />
      <span>{label ?? t('common:loading')}</span>
    </span>
  );
}

export function EmptyView({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="state-view state-empty" data-testid={testId ?? 'empty'}>
      <FileOutline className="state-icon" aria-hidden="true" />
      <p className="state-title">{title}</p>
      {hint && <p className="state-hint">{hint}</p>}
      {children && <div className="state-actions">{children}</div>}
    </div>
  );
}

export function ErrorView({
  error,
  message,
  onRetry,
  children,
}: {
  error?: CombinedError;
  message?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation(NAMESPACES);
  const text = message ?? (error ? t(errorMessageKey(error)) : t('common:error'));
  return (
    <div className="state-view state-error" role="alert" data-testid="error">
      <ExclamationCircleOutline className="state-icon" aria-hidden="true" />
      <p className="state-title">{text}</p>
      <div className="state-actions">
        {onRetry && (
          <button type="button" className="big-button" onClick={onRetry}>
            {t('common:retry')}
          </button>
        )}
        {children}
      </div>
    </div>
  );
}
