// 我的: who is signed in (masked phone), the home center orders go to, links to my orders, the
// mobile menu and the satisfaction surveys, and signing out.
import { RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { ErrorView, LoadingView } from '../../ui/StateViews';
import { ConfirmDialog } from './ConfirmDialog';
import { homeCenterPath } from './home-center-path';
import { loginPath, useSession } from './session';
import { sessionStore } from './session-store';
import { showToast } from './toast';
import { useMe } from './use-me';
import './account.css';

/** The page gates itself (no RequireResident around it): signed out from here it leads home,
 * reached without a session it leads to sign-in and back. */
export default function AccountPage() {
  const { t } = useTranslation(NAMESPACES);
  const session = useSession();
  const [signedOut, setSignedOut] = useState(false);
  if (!session) return <Navigate to={signedOut ? '/' : loginPath('/account')} replace />;
  return (
    <AccountView
      onSignOut={() => {
        setSignedOut(true);
        sessionStore.clear();
        showToast(t('signedOut'));
      }}
    />
  );
}

function AccountView({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation(NAMESPACES);
  const session = useSession();
  const { me, loading, error, retry } = useMe();
  const [confirmSignOut, setConfirmSignOut] = useState(false);

  const signOut = () => {
    setConfirmSignOut(false);
    onSignOut();
  };

  const phone = me?.phoneMasked ?? session?.user.phoneMasked ?? '';
  const center = me?.homeCenter ?? null;
  const changeTo = homeCenterPath('/account');

  return (
    <div className="page account-page" data-testid="account-page">
      <PageHeader title={t('accountTitle')} />

      <Section title={t('accountPhone')}>
        <p className="account-phone" data-testid="account-phone">
          {phone}
        </p>
        {me?.displayName && (
          <dl className="info-list info-list-compact">
            <div className="info-row">
              <dt className="info-label">{t('accountName')}</dt>
              <dd className="info-value">{me.displayName}</dd>
            </div>
          </dl>
        )}
      </Section>

      <Section
        title={t('homeCenter')}
        testId="home-center"
        extra={
          center ? (
            <Link className="link-button" to={changeTo} data-testid="home-center-change">
              {t('homeCenterChange')}
            </Link>
          ) : null
        }
      >
        {loading ? (
          <LoadingView lines={1} testId="home-center-loading" />
        ) : error ? (
          <ErrorView error={error} onRetry={retry} />
        ) : center ? (
          <>
            <p className="home-center-name" data-testid="home-center-name">
              {center.name}
            </p>
            <p className="muted">{center.address}</p>
            <p className="muted">{t('homeCenterHint')}</p>
          </>
        ) : (
          <>
            <p className="home-center-name is-empty" data-testid="home-center-name">
              {t('homeCenterNone')}
            </p>
            <p className="muted">{t('homeCenterHint')}</p>
            <Link className="big-button big-button-primary" to={changeTo} data-testid="home-center-change">
              {t('homeCenterChoose')}
            </Link>
          </>
        )}
      </Section>

      <nav className="link-list" aria-label={t('accountTitle')}>
        <Link className="link-row" to="/report" data-testid="account-report">
          <span>{t('accountReport')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
        <Link className="link-row" to="/my-cases" data-testid="account-my-cases">
          <span>{t('accountMyCases')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
        <Link className="link-row" to="/messages" data-testid="account-messages">
          <span>{t('accountMessages')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
        <Link className="link-row" to="/orders" data-testid="account-orders">
          <span>{t('accountOrders')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
        <Link className="link-row" to="/mobile" data-testid="account-mobile">
          <span>{t('accountMobileMenu')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
        <Link className="link-row" to="/surveys" data-testid="account-surveys">
          <span>{t('accountSurveys')}</span>
          <RightOutline aria-hidden="true" />
        </Link>
      </nav>

      <button
        type="button"
        className="big-button big-button-danger"
        data-testid="sign-out"
        onClick={() => setConfirmSignOut(true)}
      >
        {t('signOut')}
      </button>

      <ConfirmDialog
        visible={confirmSignOut}
        title={t('signOutConfirm')}
        okText={t('signOut')}
        cancelText={t('common:cancel')}
        danger
        onOk={signOut}
        onCancel={() => setConfirmSignOut(false)}
      />
    </div>
  );
}
