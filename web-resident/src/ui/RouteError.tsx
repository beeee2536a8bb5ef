import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { EmptyView, ErrorView } from './StateViews';
import { NAMESPACES } from '../i18n';

/** Unknown paths and failed page loads (e.g. a chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation(NAMESPACES);
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return <ErrorView message={t('common:error')} onRetry={() => window.location.reload()} />;
}

export function NotFound() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <EmptyView title={t('pageNotFound')} testId="not-found">
      <Link className="big-button" to="/">
        {t('goHome')}
      </Link>
    </EmptyView>
  );
}
