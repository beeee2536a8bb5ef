// 录入诉求: staff enter a case they found on patrol, at a visit, on the hotline or at the door —
// category, what and where (street → community, address), who reported it (kept encrypted, shown
// masked) and up to three photos. The one who enters it is its first contact (首问).
import { UploadOutlined } from '@ant-design/icons';
import {
  CASE_ADDRESS_MAX_LENGTH,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_PHOTOS_MAX,
  STAFF_CASE_SOURCES,
  type CaseSource,
} from '@lc/domain';
import { App, Button, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { localizeBilingual } from '../orders/bilingual';
import { useRegionOptions } from '../regions/useRegionOptions';
import { CaseCategoriesQuery } from './caseQueries';

const EnterCaseMutation = graphql(`
  mutation EnterCase($input: ReportCaseInput!, $photos: [Upload!]) {
    reportCase(input: $input, photos: $photos) {
      id
      status
    }
  }
`);

const CommunitiesQuery = graphql(`
  query CaseEntryCommunities($streetId: ID!) {
    regions(parentId: $streetId, level: COMMUNITY) {
      id
      name
    }
  }
`);

interface Values {
  category?: string;
  description: string;
  streetId?: string;
  communityId?: string;
  address: string;
  source: CaseSource;
  contact: string;
}

const FIELDS = ['category', 'description', 'communityId', 'address', 'source', 'contact', 'photos'] as const;

export function CaseEntryDrawer({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const regions = useRegionOptions(viewer);
  const streets = useMemo(() => regions.groups.flatMap((g) => g.streets), [regions.groups]);
  const [form] = Form.useForm<Values>();
  const streetId = Form.useWatch('streetId', form) ?? (streets.length === 1 ? streets[0].id : undefined);
  const [communities] = useQuery({
    query: CommunitiesQuery,
    variables: { streetId: streetId ?? '' },
    pause: !streetId,
  });
  const [categories] = useQuery({ query: CaseCategoriesQuery, variables: {} });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [{ fetching }, enter] = useMutation(EnterCaseMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);
  const required = t('admin:validationRequired');

  const onFinish = async (v: Values) => {
    setShownError(null);
    setUnmatched([]);
    const res = await enter(
      {
        input: {
          category: v.category ?? '',
          description: v.description,
          communityId: v.communityId ?? null,
          address: v.address || null,
          source: v.source,
          contact: v.contact || null,
          idempotencyKey: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
        },
        photos: files.map((f) => f.originFileObj as File),
      },
      { additionalTypenames: ['Case'] },
    );
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(
        fieldErrorsOf(res.error).map((e) => ({ ...e, field: e.field.replace(/^photos\.\d+$/, 'photos') })),
        FIELDS,
      );
      form.setFields(
        mapped.fields
          .filter((f) => f.name !== 'photos')
          .map((f) => ({ name: f.name as keyof Values, errors: f.errors.map(localize) })),
      );
      setUnmatched(
        [
          ...mapped.unmatched,
          ...mapped.fields.filter((f) => f.name === 'photos').flatMap((f) => f.errors),
        ].map(localize),
      );
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:casesEntered'));
    onSaved(res.data.reportCase.id);
  };

  return (
    <FormDrawer
      title={t('admin:casesEnter')}
      size={560}
      saving={fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="case-entry"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="case-entry-form"
        initialValues={{ description: '', address: '', contact: '', source: 'PATROL' }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="source" label={t('admin:casesSource')} required>
          <Radio.Group
            optionType="button"
            options={STAFF_CASE_SOURCES.map((s) => ({ value: s, label: t(`enum:caseSource.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('admin:casesCategory')}
          rules={[{ required: true, message: required }]}
        >
          <Select
            data-testid="case-entry-category"
            virtual={false}
            options={(categories.data?.caseCategories ?? []).map((c) => ({
              value: c.code,
              label: i18n.language === 'en' ? c.nameEn : c.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('admin:casesDescription')}
          rules={[{ required: true, whitespace: true, message: required }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={CASE_DESCRIPTION_MAX_LENGTH}
            showCount
            data-testid="case-entry-description"
          />
        </Form.Item>
        {streets.length > 1 ? (
          <Form.Item
            name="streetId"
            label={t('admin:casesStreet')}
            rules={[{ required: true, message: required }]}
          >
            <Select virtual={false} options={streets.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="communityId"
          label={t('admin:casesCommunity')}
          rules={[{ required: true, message: required }]}
        >
          <Select
            data-testid="case-entry-community"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            loading={communities.fetching}
            options={(communities.data?.regions ?? []).map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
        <Form.Item name="address" label={t('admin:casesAddress')}>
          <Input maxLength={CASE_ADDRESS_MAX_LENGTH} placeholder={t('admin:casesAddressHint')} />
        </Form.Item>
        <Form.Item name="contact" label={t('admin:casesContact')} extra={t('admin:casesContactHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('admin:casesPhotos')}
          extra={t('admin:casesPhotosHint', { max: CASE_PHOTOS_MAX })}
        >
          <Upload
            accept=".jpg,.jpeg,.png,.webp"
            listType="picture"
            multiple
            maxCount={CASE_PHOTOS_MAX}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(0, CASE_PHOTOS_MAX))}
          >
            <Button icon={<UploadOutlined />}>{t('admin:casesAddPhoto')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
