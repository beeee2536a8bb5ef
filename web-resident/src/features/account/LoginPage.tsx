// 手机号登录: the phone number, a text-message code (one request a minute), sign in, and back to
// the page that sent the resident here (?next=).
import { LOGIN_CODE_LENGTH, maskPhone } from '@lc/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { InlineLoading } from '../../ui/StateViews';
import {
  checkPhone,
  cleanCode,
  describeLoginError,
  isCompleteCode,
  type LoginMessage,
  RESEND_SECONDS,
} from './login-helpers';
import { safeNext, useSession } from './session';
import { sessionStore } from './session-store';
import { showToast } from './toast';
import { useCountdown } from './use-countdown';
import './account.css';

const RequestCodeMutation = graphql(`
  mutation LoginPageRequestCode($phone: String!) {
    requestLoginCode(phone: $phone)
  }
`);

const LoginMutation = graphql(`
  mutation LoginPageLogin($phone: String!, $code: String!) {
    loginWithCode(phone: $phone, code: $code) {
      token
      user {
        id
        displayName
        role
        phoneMasked
      }
    }
  }
`);

export default function LoginPage() {
  const { t } = useTranslation(NAMESPACES);
  const session = useSession();
  const [params] = useSearchParams();
  const sentFrom = params.get('next');
  const next = safeNext(sentFrom);

  const [phoneText, setPhoneText] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<LoginMessage | null>(null);
  const [invalid, setInvalid] = useState<'phone' | 'code' | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const countdown = useCountdown();
  const phoneRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const [requestState, requestCode] = useMutation(RequestCodeMutation);
  const [loginState, login] = useMutation(LoginMutation);

  // signed in (now or already): go where the resident was heading
  if (session) return <Navigate to={next} replace />;

  const fail = (msg: LoginMessage, field: 'phone' | 'code' | null) => {
    setMessage(msg);
    setInvalid(field);
    if (field === 'phone') phoneRef.current?.focus();
    if (field === 'code') codeRef.current?.focus();
  };

  const onRequestCode = async () => {
    if (requestState.fetching || countdown.remaining > 0) return;
    const check = checkPhone(phoneText);
    if (!check.ok) return fail({ key: check.error }, 'phone');
    setMessage(null);
    setInvalid(null);
    const result = await requestCode({ phone: check.phone });
    if (result.error) {
      const msg = describeLoginError(result.error, 'request');
      if (msg.waitSeconds) countdown.start(msg.waitSeconds);
      return fail(msg, msg.key === 'loginPhoneInvalid' ? 'phone' : null);
    }
    setSentTo(maskPhone(check.phone));
    countdown.start(RESEND_SECONDS);
    codeRef.current?.focus();
  };

  const onSubmit = async () => {
    if (loginState.fetching) return;
    const check = checkPhone(phoneText);
    if (!check.ok) return fail({ key: check.error }, 'phone');
    if (!isCompleteCode(code)) return fail({ key: 'loginCodeInvalid' }, 'code');
    setMessage(null);
    setInvalid(null);
    const result = await login({ phone: check.phone, code });
    const payload = result.data?.loginWithCode;
    if (result.error || !payload) {
      const msg = result.error ? describeLoginError(result.error, 'login') : { key: 'common:error' as const };
      return fail(msg, msg.key === 'loginCodeWrong' || msg.key === 'loginCodeInvalid' ? 'code' : null);
    }
    showToast(t('loginSuccess'), 'success');
    // the session change re-renders this page into a redirect to `next`
    sessionStore.set({
      token: payload.token,
      user: {
        id: payload.user.id,
        displayName: payload.user.displayName,
        phoneMasked: payload.user.phoneMasked ?? null,
      },
    });
  };

  const waiting = countdown.remaining > 0;
  return (
    <div className="page login-page" data-testid="login-page">
      <PageHeader title={t('loginTitle')} />
      {sentFrom && (
        <p className="notice notice-info" data-testid="login-needed">
          {t('loginNeeded')}
        </p>
      )}
      <p className="page-intro">{t('loginIntro')}</p>

      <form
        className="section login-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <label className="field-label" htmlFor="login-phone">
          {t('loginPhoneLabel')}
        </label>
        <input
          ref={phoneRef}
          id="login-phone"
          className="big-input phone-input"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={20}
          placeholder={t('loginPhonePlaceholder')}
          value={phoneText}
          aria-invalid={invalid === 'phone' || undefined}
          aria-describedby={message ? 'login-error' : undefined}
          data-testid="login-phone"
          onChange={(e) => setPhoneText(e.target.value)}
        />

        <button
          type="button"
          className="big-button request-code-button"
          disabled={waiting || requestState.fetching}
          aria-disabled={waiting || requestState.fetching}
          data-testid="login-request-code"
          data-seconds={waiting ? countdown.remaining : undefined}
          onClick={() => void onRequestCode()}
        >
          {requestState.fetching ? (
            <InlineLoading label={t('loginSending')} />
          ) : waiting ? (
            t('loginResendIn', { seconds: countdown.remaining })
          ) : (
            t('loginRequestCode')
          )}
        </button>
        {sentTo && (
          <p className="notice notice-success" role="status" data-testid="login-code-sent">
            {t('loginCodeSent', { phone: sentTo })}
          </p>
        )}

        <label className="field-label" htmlFor="login-code">
          {t('loginCodeLabel')}
        </label>
        <input
          ref={codeRef}
          id="login-code"
          className="big-input code-input"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={LOGIN_CODE_LENGTH}
          placeholder={t('loginCodePlaceholder')}
          value={code}
          aria-invalid={invalid === 'code' || undefined}
          aria-describedby={message ? 'login-error' : undefined}
          data-testid="login-code"
          onChange={(e) => setCode(cleanCode(e.target.value))}
        />

        {message && (
          <p id="login-error" className="form-error" role="alert" data-testid="login-error">
            {t(message.key, message.values ?? {})}
          </p>
        )}

        <button
          type="submit"
          className="big-button big-button-primary"
          disabled={loginState.fetching}
          data-testid="login-submit"
        >
          {loginState.fetching ? <InlineLoading label={t('loginSubmitting')} /> : t('loginSubmit')}
        </button>
      </form>
      <p className="muted small-print">{t('loginPrivacy')}</p>
    </div>
  );
}
