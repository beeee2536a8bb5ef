// 选择我的服务中心: district → street (→ community) with the shared pickers, then one tap on a
// center of that place makes it the resident's home center; back to ?next= afterwards.
import { CheckCircleFill, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { EmptyView, ErrorView, InlineLoading, LoadingView } from '../../ui/StateViews';
import { useEnumLabel } from '../../ui/use-labels';
import { mutationErrorText } from '../orders/mutation-errors';
import { CommunityPicker, type CommunitySelection } from '../places/CommunityPicker';
import { safeNext } from './session';
import { showToast } from './toast';
import { type HomeCenter, useMe } from './use-me';
import './account.css';

const HomeCenterChoicesQuery = graphql(`
  query HomeCenterChoices($regionId: ID!) {
    region(id: $regionId) {
      id
      name
      centers {
        id
        name
        address
        kind
      }
    }
  }
`);

const SetHomeCenterMutation = graphql(`
  mutation HomeCenterSet($centerId: ID!) {
    setHomeCenter(centerId: $centerId) {
      id
      phoneMasked
      homeCenter {
        id
        name
        address
        street {
          id
          name
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

/** The pickers start at the current home center's street, when there is one. */
export function initialSelection(center: HomeCenter | null): CommunitySelection {
  if (!center) return { districtId: '', streetId: '', communityId: '' };
  return { districtId: center.street.parent?.id ?? '', streetId: center.street.id, communityId: '' };
}

export default function HomeCenterPage() {
  const { t } = useTranslation(NAMESPACES);
  const { me, loading, error, retry } = useMe();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  return (
    <div className="page home-center-page" data-testid="home-center-page">
      <PageHeader title={t('homeCenterTitle')} back />
      <p className="page-intro">{t('homeCenterIntro')}</p>
      {loading ? (
        <LoadingView lines={3} />
      ) : error ? (
        <ErrorView error={error} onRetry={retry} />
      ) : (
        <HomeCenterChooser current={me?.homeCenter ?? null} next={next} />
      )}
    </div>
  );
}

function HomeCenterChooser({ current, next }: { current: HomeCenter | null; next: string }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const [selection, setSelection] = useState<CommunitySelection>(() => initialSelection(current));
  const [saveState, save] = useMutation(SetHomeCenterMutation);
  const [savingId, setSavingId] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const onChoose = async (centerId: string) => {
    if (saveState.fetching) return;
    setSavingId(centerId);
    setSaveError(null);
    const result = await save({ centerId });
    setSavingId(null);
    if (result.error || !result.data) {
      setSaveError(result.error ? mutationErrorText(result.error, t, i18n.language) : t('common:error'));
      return;
    }
    showToast(t('homeCenterSaved'), 'success');
    void navigate(next, { replace: true });
  };

  const placeId = selection.communityId || selection.streetId;
  return (
    <>
      {current && (
        <p className="notice notice-info" data-testid="home-center-current">
          {t('homeCenterCurrent', { name: current.name })}
        </p>
      )}
      <Section title={t('homeCenterPlace')}>
        <CommunityPicker value={selection} onChange={setSelection} />
      </Section>
      {saveError && (
        <p className="form-error" role="alert" data-testid="home-center-error">
          {saveError}
        </p>
      )}
      {placeId ? (
        <CenterChoices
          regionId={placeId}
          currentId={current?.id ?? null}
          savingId={savingId}
          onChoose={(id) => void onChoose(id)}
        />
      ) : (
        <EmptyView title={t('homeCenterPickPlace')} testId="home-center-placeholder" />
      )}
    </>
  );
}

function CenterChoices({
  regionId,
  currentId,
  savingId,
  onChoose,
}: {
  regionId: string;
  currentId: string | null;
  savingId: string | null;
  onChoose: (centerId: string) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: HomeCenterChoicesQuery,
    variables: { regionId },
  });
  if (fetching && !data) return <LoadingView lines={3} testId="home-center-choices-loading" />;
  if (error && !data)
    return <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const region = data?.region;
  const centers = region ? [...region.centers].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) : [];
  if (!region || centers.length === 0)
    return <EmptyView title={t('homeCenterEmpty')} testId="home-center-choices-empty" />;
  return (
    <Section title={t('homeCentersOf', { place: region.name })}>
      <ul className="choice-list" data-testid="center-options">
        {centers.map((c) => {
          const isCurrent = c.id === currentId;
          return (
            <li key={c.id}>
              <button
                type="button"
                className={`choice-button${isCurrent ? ' is-current' : ''}`}
                data-testid="center-option"
                data-center-id={c.id}
                aria-pressed={isCurrent}
                disabled={savingId !== null}
                onClick={() => onChoose(c.id)}
              >
                <span className="choice-main">
                  <span className="choice-title">{c.name}</span>
                  <span className="choice-sub">
                    {label('centerKind', c.kind)} · {c.address}
                  </span>
                  {isCurrent && (
                    <span className="choice-current">
                      <CheckCircleFill aria-hidden="true" /> {t('homeCenterChosen')}
                    </span>
                  )}
                </span>
                {savingId === c.id ? <InlineLoading /> : <RightOutline aria-hidden="true" />}
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
