// 选择我的社区: district → street → community with the shared pickers, then "确定" makes it the
// resident's community (and their home center's, when they have none yet); back to ?next=.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { ErrorView, InlineLoading, LoadingView } from '../../ui/StateViews';
import { safeNext } from '../account/session';
import { showToast } from '../account/toast';
import { mutationErrorText } from '../orders/mutation-errors';
import { CommunityPicker, type CommunitySelection } from '../places/CommunityPicker';
import {
  type CommunityMe,
  initialCommunitySelection,
  SetHomeCommunityMutation,
  useCommunityMe,
} from './use-community';
import '../account/account.css';
import './community.css';

export default function PickCommunityPage() {
  const { t } = useTranslation(NAMESPACES);
  const { me, loading, error, retry } = useCommunityMe();
  const [params] = useSearchParams();
  const raw = params.get('next');
  // only the community pages (or another page of the app) are sensible places to return to
  const next = raw ? safeNext(raw) : '/community';

  return (
    <div className="page community-pick-page" data-testid="community-pick-page">
      <PageHeader title={t('communityPickTitle')} back />
      <p className="page-intro">{t('communityPickIntro')}</p>
      {loading ? (
        <LoadingView lines={3} />
      ) : error ? (
        <ErrorView error={error} onRetry={retry} />
      ) : (
        <CommunityChooser me={me} next={next} />
      )}
    </div>
  );
}

function CommunityChooser({ me, next }: { me: CommunityMe | null; next: string }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const [selection, setSelection] = useState<CommunitySelection>(() => initialCommunitySelection(me));
  const [{ fetching }, save] = useMutation(SetHomeCommunityMutation);
  const [saveError, setSaveError] = useState<string | null>(null);
  const current = me?.homeCommunity ?? null;

  const onSave = async () => {
    if (fetching || !selection.communityId) return;
    setSaveError(null);
    const result = await save({ communityId: selection.communityId });
    if (result.error || !result.data) {
      setSaveError(result.error ? mutationErrorText(result.error, t, i18n.language) : t('common:error'));
      return;
    }
    showToast(t('communitySaved'), 'success');
    void navigate(next, { replace: true });
  };

  return (
    <>
      {current && (
        <p className="notice notice-info" data-testid="community-pick-current">
          {t('communityCurrent', { name: current.name })}
        </p>
      )}
      <Section title={t('communityPickPlace')}>
        <CommunityPicker value={selection} onChange={setSelection} />
      </Section>
      {saveError && (
        <p className="form-error" role="alert" data-testid="community-pick-error">
          {saveError}
        </p>
      )}
      <button
        type="button"
        className="big-button big-button-primary"
        disabled={!selection.communityId || fetching}
        data-testid="community-pick-save"
        onClick={() => void onSave()}
      >
        {fetching ? <InlineLoading /> : t('communityPickSave')}
      </button>
    </>
  );
}
