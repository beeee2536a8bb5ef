// 提需求: title, description and category (big buttons) for my community. While the resident
// types, similar open demands of the community are looked up (after a pause) and offered to second
// instead; raising a new one anyway stays possible. Sent: a toast, then the list with it on top.
import { LONG_TEXT_MAX_LENGTH, SERVICE_CATEGORIES, TITLE_MAX_LENGTH } from '@lc/domain';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ServiceCategory } from '../../gql/graphql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { InlineLoading } from '../../ui/StateViews';
import { showToast } from '../account/toast';
import { checkDemandForm, type DemandErrors, demandFieldErrors } from './community-format';
import { CommunityGate, CurrentCommunity } from './CommunityGate';
import { DemandStatusTag, SecondButton, SecondsCount } from './DemandCard';
import type { DemandsLocationState } from './DemandsPage';
import { useSecondDemand } from './use-second-demand';
import { SIMILAR_DEBOUNCE_MS, useDebouncedValue } from './use-debounced-value';
import type { HomeCommunity } from './use-community';
import '../account/account.css';
import './community.css';

/** A title shorter than this is not looked up yet. */
export const SIMILAR_MIN_TITLE = 2;
const SIMILAR_SHOWN = 5;

const CreateDemandMutation = graphql(`
  mutation CommunityCreateDemand($input: CreateDemandInput!) {
    createDemand(input: $input) {
      id
      title
      status
      seconds
    }
  }
`);

const SimilarDemandsQuery = graphql(`
  query CommunitySimilarDemands($communityId: ID!, $title: String!, $description: String, $first: Int) {
    similarDemands(communityId: $communityId, title: $title, description: $description, first: $first) {
      score
      demand {
        id
        title
        seconds
        status
        raisedByMe
        viewerSeconded
        viewerCanSecond
      }
    }
  }
`);

export default function NewDemandPage() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="page new-demand-page" data-testid="new-demand-page">
      <PageHeader title={t('demandNewTitle')} back />
      <CommunityGate next="/community/demands/new">
        {(community) => (
          <>
            <CurrentCommunity community={community} next="/community/demands/new" />
            <DemandForm community={community} />
          </>
        )}
      </CommunityGate>
    </div>
  );
}

function DemandForm({ community }: { community: HomeCommunity }) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<ServiceCategory | null>(null);
  const [errors, setErrors] = useState<DemandErrors>({});
  const [{ fetching }, create] = useMutation(CreateDemandMutation);

  const typed = useMemo(
    () => ({ title: title.trim(), description: description.trim() }),
    [title, description],
  );
  const settled = useDebouncedValue(typed, SIMILAR_DEBOUNCE_MS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fetching) return;
    const found = checkDemandForm({ title, category }, t);
    setErrors(found);
    if (Object.keys(found).length > 0 || !category) return;
    const result = await create({
      input: {
        title: title.trim(),
        description: description.trim() || null,
        category,
        communityId: community.id,
      },
    });
    if (result.error || !result.data) {
      setErrors(
        result.error ? demandFieldErrors(result.error, t, i18n.language) : { form: t('common:error') },
      );
      return;
    }
    showToast(t('demandRaised'), 'success');
    const state: DemandsLocationState = { raisedDemandId: result.data.createDemand.id };
    void navigate('/community/demands', { replace: true, state });
  };

  const clear = (field: keyof DemandErrors) =>
    setErrors((all) => {
      if (!all[field] && !all.form) return all;
      const next = { ...all };
      delete next[field];
      delete next.form;
      return next;
    });

  return (
    <form className="demand-form" data-testid="demand-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="page-intro">{t('demandNewIntro')}</p>

      <label className="field-label" htmlFor={`${id}-title`}>
        {t('demandTitleLabel')}
      </label>
      <input
        id={`${id}-title`}
        className="big-input"
        type="text"
        maxLength={TITLE_MAX_LENGTH}
        placeholder={t('demandTitlePlaceholder')}
        value={title}
        aria-invalid={errors.title ? true : undefined}
        aria-describedby={errors.title ? `${id}-title-error` : undefined}
        data-testid="demand-title-input"
        onChange={(e) => {
          setTitle(e.target.value);
          clear('title');
        }}
      />
      <p className="char-count muted">
        {t('orderNoteCount', { count: title.length, max: TITLE_MAX_LENGTH })}
      </p>
      <FieldError id={`${id}-title-error`} field="title" text={errors.title} />

      <label className="field-label" htmlFor={`${id}-description`}>
        {t('demandDescriptionLabel')}
      </label>
      <textarea
        id={`${id}-description`}
        className="big-textarea"
        rows={4}
        maxLength={LONG_TEXT_MAX_LENGTH}
        placeholder={t('demandDescriptionPlaceholder')}
        value={description}
        aria-invalid={errors.description ? true : undefined}
        aria-describedby={errors.description ? `${id}-description-error` : undefined}
        data-testid="demand-description-input"
        onChange={(e) => {
          setDescription(e.target.value);
          clear('description');
        }}
      />
      <FieldError id={`${id}-description-error`} field="description" text={errors.description} />

      <SimilarDemands communityId={community.id} title={settled.title} description={settled.description} />

      <fieldset
        className="category-field"
        aria-describedby={errors.category ? `${id}-category-error` : undefined}
      >
        <legend className="field-label">{t('demandCategoryLabel')}</legend>
        <div className="category-grid" role="radiogroup" aria-label={t('demandCategoryLabel')}>
          {SERVICE_CATEGORIES.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={category === c}
              className={`category-button${category === c ? ' is-active' : ''}`}
              data-testid="demand-category"
              data-value={c}
              onClick={() => {
                setCategory(c);
                clear('category');
              }}
            >
              {t(`enum:category.${c}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <FieldError id={`${id}-category-error`} field="category" text={errors.category} />

      <FieldError field="form" text={errors.form} />
      <p className="muted small-print">{t('demandVisibleHint')}</p>
      <button
        type="submit"
        className="big-button big-button-primary"
        disabled={fetching}
        data-testid="demand-submit"
      >
        {fetching ? <InlineLoading label={t('orderSubmitting')} /> : t('demandSubmit')}
      </button>
    </form>
  );
}

function FieldError({ id, field, text }: { id?: string; field: keyof DemandErrors; text?: string }) {
  if (!text) return null;
  return (
    <p id={id} className="form-error" role="alert" data-testid="demand-error" data-field={field}>
      {text}
    </p>
  );
}

/** "这些需求和您的很像，可以直接附议": the community's open demands like the one being written. */
function SimilarDemands({
  communityId,
  title,
  description,
}: {
  communityId: string;
  title: string;
  description: string;
}) {
  const { t } = useTranslation(NAMESPACES);
  const onSecond = useSecondDemand();
  const [{ data, fetching }] = useQuery({
    query: SimilarDemandsQuery,
    variables: { communityId, title, description: description || null, first: SIMILAR_SHOWN },
    pause: title.length < SIMILAR_MIN_TITLE,
  });
  const items = title.length < SIMILAR_MIN_TITLE ? [] : (data?.similarDemands ?? []);
  if (items.length === 0)
    return fetching && title.length >= SIMILAR_MIN_TITLE ? (
      <div className="muted similar-looking" aria-live="polite">
        <InlineLoading label={t('demandSimilarLooking')} />
      </div>
    ) : null;
  return (
    <section className="similar-box" data-testid="demand-similar" aria-live="polite">
      <h2 className="similar-title">{t('demandSimilarTitle')}</h2>
      <p className="muted">{t('demandSimilarHint')}</p>
      <ul className="plain-list similar-list">
        {items.map(({ demand }) => (
          <li
            key={demand.id}
            className="similar-item"
            data-testid="demand-similar-item"
            data-title={demand.title}
            data-demand-id={demand.id}
          >
            <div className="similar-item-main">
              <span className="similar-item-title">{demand.title}</span>
              <span className="tag-row">
                <DemandStatusTag status={demand.status} />
                <SecondsCount count={demand.seconds} />
              </span>
            </div>
            <SecondButton demand={demand} onSecond={onSecond} />
          </li>
        ))}
      </ul>
    </section>
  );
}
