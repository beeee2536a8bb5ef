// 登记需求: staff enter a demand gathered on a visit, from a survey comment, the hotline or
// elsewhere (the source is recorded). Checked in the browser first; the API's field errors then
// appear under their fields.
import { LONG_TEXT_MAX_LENGTH, SERVICE_CATEGORIES, TITLE_MAX_LENGTH } from '@lc/domain';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import {
  DEMAND_FORM_FIELDS,
  STAFF_DEMAND_SOURCES,
  checkDemandForm,
  toCreateDemandInput,
  type DemandFormValues,
} from './planningModel';
import { useFormMessages } from './useFormMessages';
import type { Place } from './useStreetPlaces';

const CreateDemandMutation = graphql(`
  mutation CreateDemand($input: CreateDemandInput!) {
    createDemand(input: $input) {
      id
      title
      status
    }
  }
`);

export function DemandFormDrawer({
  streetName,
  communities,
  communityId,
  onClose,
}: {
  streetName: string;
  communities: readonly Place[];
  /** preselected (the community filter of the page) */
  communityId?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const messages = useFormMessages();
  const [form] = Form.useForm<DemandFormValues>();
  const [{ fetching }, create] = useMutation(CreateDemandMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const onFinish = async (values: DemandFormValues) => {
    setShownError(null);
    setUnmatched([]);
    const problems = checkDemandForm(values, messages);
    if (problems.length) {
      form.setFields(problems);
      return;
    }
    const res = await create({ input: toCreateDemandInput(values) }, { additionalTypenames: ['Demand'] });
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), DEMAND_FORM_FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:planningDemandCreated'));
    onClose();
  };

  return (
    <FormDrawer
      title={t('admin:planningDemandCreateTitle', { street: streetName })}
      size={520}
      saving={fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="demand"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<DemandFormValues>
        form={form}
        layout="vertical"
        data-testid="demand-form"
        initialValues={{ title: '', description: '', communityId, source: 'VISIT' }}
        onFinish={onFinish}
        onValuesChange={(changed) =>
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof DemandFormValues, errors: [] })),
          )
        }
      >
        <Form.Item name="title" label={t('admin:planningDemandTitle')} required>
          <Input data-testid="demand-title" maxLength={TITLE_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('admin:planningDemandDescription')}>
          <Input.TextArea data-testid="demand-description" rows={4} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="category" label={t('admin:planningCategory')} required>
          <Select
            data-testid="demand-category"
            virtual={false}
            placeholder={t('admin:planningPickCategory')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="communityId" label={t('admin:planningCommunity')} required>
          <Select
            data-testid="demand-community"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin:planningPickCommunity')}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
        <Form.Item name="source" label={t('admin:planningDemandSource')} required>
          <Select
            data-testid="demand-source"
            virtual={false}
            options={STAFF_DEMAND_SOURCES.map((s) => ({ value: s, label: t(`enum:demandSource.${s}`) }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
