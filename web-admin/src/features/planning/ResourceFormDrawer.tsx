// 登记资源: a government service, enterprise, social organisation, partner unit, local talent or
// volunteer that can serve the street: category, the area served (the street, one community, or
// for the district office the whole district), capacity, availability and the contact person
// (personal data: stored encrypted, shown masked).
import {
  LONG_TEXT_MAX_LENGTH,
  RESOURCE_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_SHORT_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '@lc/domain';
import { App, Divider, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { ResourceKind } from '../../gql/graphql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import {
  RESOURCE_CAPACITY_MAX,
  RESOURCE_FORM_FIELDS,
  checkResourceForm,
  toCreateResourceInput,
  type ResourceFormValues,
} from './planningModel';
import { useFormMessages } from './useFormMessages';
import type { Place } from './useStreetPlaces';

const CreateResourceMutation = graphql(`
  mutation CreateResource($input: CreateResourceInput!) {
    createResource(input: $input) {
      id
      name
    }
  }
`);

export function ResourceFormDrawer({
  street,
  district,
  communities,
  onClose,
}: {
  street: Place;
  /** offered as an area only to the district office */
  district: Place | null;
  communities: readonly Place[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const messages = useFormMessages();
  const [form] = Form.useForm<ResourceFormValues>();
  const [{ fetching }, create] = useMutation(CreateResourceMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  // Bare names, so the options read as the places they are (the field's hint explains the scope).
  const regionOptions = [
    ...(district ? [{ value: district.id, label: district.name }] : []),
    { value: street.id, label: street.name },
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];

  const onFinish = async (values: ResourceFormValues) => {
    setShownError(null);
    setUnmatched([]);
    const problems = checkResourceForm(values, messages);
    if (problems.length) {
      form.setFields(problems);
      return;
    }
    const input = toCreateResourceInput(values);
    const res = await create(
      { input: { ...input, kind: input.kind as ResourceKind } },
      { additionalTypenames: ['Resource'] },
    );
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), RESOURCE_FORM_FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:planningResourceCreated', { name: res.data.createResource.name }));
    onClose();
  };

  return (
    <FormDrawer
      title={t('admin:planningResourceCreateTitle', { street: street.name })}
      size={560}
      saving={fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="resource"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<ResourceFormValues>
        form={form}
        layout="vertical"
        data-testid="resource-form"
        initialValues={{ name: '', regionId: street.id, capacity: null }}
        onFinish={onFinish}
        onValuesChange={(changed) =>
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof ResourceFormValues, errors: [] })),
          )
        }
      >
        <Form.Item name="name" label={t('admin:planningResourceName')} required>
          <Input data-testid="resource-name" maxLength={TITLE_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item name="kind" label={t('admin:planningResourceKind')} required>
          <Select
            data-testid="resource-kind"
            virtual={false}
            placeholder={t('admin:planningPickKind')}
            options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`enum:resourceKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('admin:planningCategory')} required>
          <Select
            data-testid="resource-category"
            virtual={false}
            placeholder={t('admin:planningPickCategory')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('admin:planningResourceArea')}
          extra={t('admin:planningResourceAreaHint')}
          required
        >
          <Select
            data-testid="resource-region"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={regionOptions}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('admin:planningResourceCapacity')}
          extra={t('admin:planningResourceCapacityHint')}
        >
          <InputNumber
            data-testid="resource-capacity"
            min={0}
            max={RESOURCE_CAPACITY_MAX}
            precision={0}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="availability" label={t('admin:planningAvailability')}>
          <Input
            data-testid="resource-availability"
            maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH}
            placeholder={t('admin:planningAvailabilityPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="description" label={t('admin:planningResourceDescription')}>
          <Input.TextArea data-testid="resource-description" rows={3} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('admin:planningContact')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('admin:planningContactPrivacy')}
        </Typography.Paragraph>
        <Form.Item name="contactName" label={t('admin:planningContactName')}>
          <Input
            data-testid="resource-contact-name"
            maxLength={SERVICE_SHORT_TEXT_MAX_LENGTH}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('admin:planningContactPhone')}>
          <Input
            data-testid="resource-contact-phone"
            inputMode="tel"
            maxLength={20}
            placeholder="13812345678"
            autoComplete="off"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
