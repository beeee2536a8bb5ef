// 我要反映: a resident reports a problem — what kind (big buttons), what is wrong, up to three
// photos (shrunk on the phone first), and where: their community, their current position, or
// another community picked from the lists. Only they and the staff in charge see it. Sent once
// however often the button is pressed (an idempotency key per form).
import { CASE_ADDRESS_MAX_LENGTH, CASE_DESCRIPTION_MAX_LENGTH, CASE_PHOTOS_MAX } from '@lc/domain';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { InlineLoading } from '../../ui/StateViews';
import { showToast } from '../account/toast';
import { useCommunityMe } from '../community/use-community';
import { CommunityPicker, type CommunitySelection } from '../places/CommunityPicker';
import { reportFieldErrors, shrinkPhoto, type ReportField } from './case-format';
import '../account/account.css';
import '../community/community.css';
import './cases.css';

const CategoriesQuery = graphql(`
  query ResidentCaseCategories {
    caseCategories {
      code
      name
      nameEn
    }
  }
`);

const ReportMutation = graphql(`
  mutation ResidentReportCase($input: ReportCaseInput!, $photos: [Upload!]) {
    reportCase(input: $input, photos: $photos) {
      id
      status
    }
  }
`);

type Place = 'home' | 'gps' | 'pick';
type Errors = Partial<Record<ReportField, string>>;

interface Photo {
  file: File;
  url: string;
}

const newKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export default function ReportCasePage() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const id = useId();
  const { me } = useCommunityMe();
  const home = me?.homeCommunity ?? null;
  const [categories] = useQuery({ query: CategoriesQuery });
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [place, setPlace] = useState<Place>('home');
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [picked, setPicked] = useState<CommunitySelection>({ districtId: '', streetId: '', communityId: '' });
  const [errors, setErrors] = useState<Errors>({});
  const key = useRef(newKey());
  const [{ fetching }, report] = useMutation(ReportMutation);
  const fileInput = useRef<HTMLInputElement>(null);

  // without a home community, the place starts as "pick"
  useEffect(() => {
    if (me && !home) setPlace((p) => (p === 'home' ? 'pick' : p));
  }, [me, home]);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.url)), [photos]);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = CASE_PHOTOS_MAX - photos.length;
    const chosen = Array.from(files).slice(0, room);
    const shrunk = await Promise.all(chosen.map(shrinkPhoto));
    setPhotos((all) => [...all, ...shrunk.map((file) => ({ file, url: URL.createObjectURL(file) }))]);
    setErrors((e) => ({ ...e, photos: undefined }));
    if (fileInput.current) fileInput.current.value = '';
  };

  const locate = () => {
    if (!navigator.geolocation) {
      setErrors((e) => ({ ...e, place: t('caseReportNoGps') }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude });
        setPlace('gps');
        setErrors((e) => ({ ...e, place: undefined }));
      },
      () => {
        setLocating(false);
        setErrors((e) => ({ ...e, place: t('caseReportGpsDenied') }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const where = useMemo(() => {
    if (place === 'home' && home) return { communityId: home.id, point: null };
    if (place === 'gps' && point) return { communityId: null, point };
    if (place === 'pick' && picked.communityId) return { communityId: picked.communityId, point: null };
    return null;
  }, [place, home, point, picked.communityId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fetching) return;
    const found: Errors = {};
    if (!category) found.category = t('caseReportNeedCategory');
    if (!description.trim()) found.description = t('caseReportNeedDescription');
    if (!where) found.place = t('caseReportNeedPlace');
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await report({
      input: {
        category: category!,
        description: description.trim(),
        communityId: where!.communityId,
        point: where!.point,
        address: address.trim() || null,
        idempotencyKey: key.current,
      },
      photos: photos.map((p) => p.file),
    });
    if (result.error || !result.data) {
      setErrors(
        result.error ? reportFieldErrors(result.error, t, i18n.language) : { form: t('common:error') },
      );
      return;
    }
    showToast(t('caseReportSent'), 'success');
    void navigate(`/my-cases/${result.data.reportCase.id}`, { replace: true });
  };

  const list = categories.data?.caseCategories ?? [];
  return (
    <div className="page report-case-page" data-testid="report-case-page">
      <PageHeader title={t('caseReportTitle')} back />
      <form
        className="demand-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        data-testid="report-case-form"
      >
        <p className="page-intro">{t('caseReportIntro')}</p>

        <fieldset className="category-field">
          <legend className="field-label">{t('caseReportCategory')}</legend>
          <div className="category-grid" role="radiogroup" aria-label={t('caseReportCategory')}>
            {categories.fetching && !list.length ? <InlineLoading /> : null}
            {list.map((c) => (
              <button
                key={c.code}
                type="button"
                role="radio"
                aria-checked={category === c.code}
                className={`category-button${category === c.code ? ' is-active' : ''}`}
                data-testid="case-category"
                data-value={c.code}
                onClick={() => {
                  setCategory(c.code);
                  setErrors((e) => ({ ...e, category: undefined }));
                }}
              >
                {i18n.language.startsWith('zh') ? c.name : c.nameEn}
              </button>
            ))}
          </div>
        </fieldset>
        {errors.category ? (
          <p className="form-error" role="alert">
            {errors.category}
          </p>
        ) : null}

        <label className="field-label" htmlFor={`${id}-description`}>
          {t('caseReportDescription')}
        </label>
        <textarea
          id={`${id}-description`}
          className="big-textarea"
          rows={4}
          maxLength={CASE_DESCRIPTION_MAX_LENGTH}
          placeholder={t('caseReportDescriptionHint')}
          value={description}
          data-testid="case-description"
          aria-invalid={errors.description ? true : undefined}
          onChange={(e) => {
            setDescription(e.target.value);
            setErrors((x) => ({ ...x, description: undefined }));
          }}
        />
        <p className="char-count muted">
          {t('orderNoteCount', { count: description.length, max: CASE_DESCRIPTION_MAX_LENGTH })}
        </p>
        {errors.description ? (
          <p className="form-error" role="alert">
            {errors.description}
          </p>
        ) : null}

        <p className="field-label">{t('caseReportPhotos', { max: CASE_PHOTOS_MAX })}</p>
        <div className="case-photos" data-testid="case-photos">
          {photos.map((p, i) => (
            <div key={p.url} className="case-photo">
              <img src={p.url} alt={t('caseReportPhotoAlt', { n: i + 1 })} />
              <button
                type="button"
                className="case-photo-remove"
                aria-label={t('caseReportPhotoRemove', { n: i + 1 })}
                onClick={() => setPhotos((all) => all.filter((x) => x !== p))}
              >
                ×
              </button>
            </div>
          ))}
          {photos.length < CASE_PHOTOS_MAX ? (
            <label className="case-photo-add">
              <span>{t('caseReportAddPhoto')}</span>
              <input
                ref={fileInput}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                className="visually-hidden"
                data-testid="case-photo-input"
                onChange={(e) => void addPhotos(e.target.files)}
              />
            </label>
          ) : null}
        </div>
        {errors.photos ? (
          <p className="form-error" role="alert">
            {errors.photos}
          </p>
        ) : null}

        <fieldset className="category-field">
          <legend className="field-label">{t('caseReportWhere')}</legend>
          <div className="choice-list case-place" role="radiogroup" aria-label={t('caseReportWhere')}>
            {home ? (
              <button
                type="button"
                role="radio"
                aria-checked={place === 'home'}
                className={`category-button${place === 'home' ? ' is-active' : ''}`}
                onClick={() => setPlace('home')}
                data-testid="case-place-home"
              >
                {t('caseReportHome', { name: home.name })}
              </button>
            ) : null}
            <button
              type="button"
              role="radio"
              aria-checked={place === 'gps'}
              className={`category-button${place === 'gps' ? ' is-active' : ''}`}
              onClick={locate}
              data-testid="case-place-gps"
            >
              {locating ? (
                <InlineLoading label={t('caseReportLocating')} />
              ) : point && place === 'gps' ? (
                t('caseReportGpsDone')
              ) : (
                t('caseReportUseGps')
              )}
            </button>
            <button
              type="button"
              role="radio"
              aria-checked={place === 'pick'}
              className={`category-button${place === 'pick' ? ' is-active' : ''}`}
              onClick={() => setPlace('pick')}
              data-testid="case-place-pick"
            >
              {t('caseReportPick')}
            </button>
          </div>
          {place === 'pick' ? <CommunityPicker value={picked} onChange={(v) => setPicked(v)} /> : null}
        </fieldset>
        {errors.place ? (
          <p className="form-error" role="alert">
            {errors.place}
          </p>
        ) : null}

        <label className="field-label" htmlFor={`${id}-address`}>
          {t('caseReportAddress')}
        </label>
        <input
          id={`${id}-address`}
          className="big-input"
          maxLength={CASE_ADDRESS_MAX_LENGTH}
          placeholder={t('caseReportAddressHint')}
          value={address}
          data-testid="case-address"
          onChange={(e) => setAddress(e.target.value)}
        />
        {errors.address ? (
          <p className="form-error" role="alert">
            {errors.address}
          </p>
        ) : null}

        <p className="small-print muted">{t('caseReportPrivacy')}</p>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button
          type="submit"
          className="big-button big-button-primary"
          disabled={fetching}
          data-testid="case-submit"
        >
          {fetching ? <InlineLoading label={t('caseReportSending')} /> : t('caseReportSubmit')}
        </button>
      </form>
    </div>
  );
}
