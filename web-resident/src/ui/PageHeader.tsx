import { LeftOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAMESPACES } from '../i18n';

/** Page title, with a large back button when the page is not a top-level tab. */
export function PageHeader({
  title,
  back,
  titleTestId,
}: {
  title: string;
  back?: boolean;
  titleTestId?: string;
}) {
  const { t } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const goBack = () => {
    // history from inside the app: go back; opened directly: go home
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/');
  };
  return (
    <div className="page-header">
      {back && (
        <button type="button" className="back-button" onClick={goBack} data-testid="back-button">
          <LeftOutline aria-hidden="true" />
          <span>{t('back')}</span>
        </button>
      )}
      <h1 className="page-title" data-testid={titleTestId}>
        {title}
      </h1>
    </div>
  );
}
