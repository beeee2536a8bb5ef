// 生成项目: a project (PROPOSED) from one or more demands of a street and the resources picked
// for them: title (prefilled from the demand), whether it is paid from public money (then the
// three meetings apply), budget and the center running it. Opens the new project when saved.
import { BUDGET_MAX_YUAN, LONG_TEXT_MAX_LENGTH, PAGE_MAX, TITLE_MAX_LENGTH } from '@lc/domain';
import { Alert, App, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { localizeBilingual } from '../orders/bilingual';

const ProjectCentersQuery = graphql(`
  query ProjectCenters($regionId: ID!, $first: Int!) {
    centers(filter: { regionId: $regionId }, first: $first) {
      edges {
        node {
          id
          name
          viewerCanEdit
        }
      }
    }
  }
`);

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      title
      status
    }
  }
`);

interface Values {
  title: string;
  description?: string;
  publiclyFunded: boolean;
  budgetYuan?: number | null;
  centerId?: string;
}

const FIELDS = [
  'title',
  'description',
  'publiclyFunded',
  'budgetYuan',
  'centerId',
  'demandIds',
  'resourceIds',
] as const;

export function CreateProjectDrawer({
  streetId,
  demands,
  resources,
  defaultTitle,
  onClose,
}: {
  streetId: string;
  demands: readonly { id: string; title: string }[];
  resources: readonly { id: string; name: string }[];
  defaultTitle: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const viewer = useViewer();
  const isStaff = viewer.role === 'CENTER_STAFF';
  const [form] = Form.useForm<Values>();
  const [{ fetching }, create] = useMutation(CreateProjectMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const publiclyFunded = Form.useWatch('publiclyFunded', form);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const [centersResult] = useQuery({
    query: ProjectCentersQuery,
    variables: { regionId: streetId, first: PAGE_MAX },
  });
  const centers = (centersResult.data?.centers.edges.map((e) => e.node) ?? []).filter(
    (c) => !isStaff || c.viewerCanEdit,
  );
  const ownCenter = isStaff ? centers[0]?.id : undefined;
  // Center staff run projects at their own center: shown, not picked.
  useEffect(() => {
    if (ownCenter) form.setFieldValue('centerId', ownCenter);
  }, [ownCenter, form]);

  const onFinish = async (values: Values) => {
    setShownError(null);
    setUnmatched([]);
    const title = values.title.trim();
    if (!title) {
      form.setFields([{ name: 'title', errors: [t('admin:validationRequired')] }]);
      return;
    }
    const res = await create(
      {
        input: {
          title,
          description: values.description?.trim() || null,
          demandIds: demands.map((d) => d.id),
          resourceIds: resources.map((r) => r.id),
          publiclyFunded: Boolean(values.publiclyFunded),
          budgetYuan: values.budgetYuan ?? null,
          centerId: (isStaff ? ownCenter : values.centerId) || null,
        },
      },
      { additionalTypenames: ['Project', 'Demand', 'Resource'] },
    );
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), FIELDS);
      form.setFields(
        mapped.fields
          .filter((f) => f.name !== 'demandIds' && f.name !== 'resourceIds')
          .map((f) => ({ name: f.name as keyof Values, errors: f.errors.map(localize) })),
      );
      setUnmatched([
        ...mapped.fields
          .filter((f) => f.name === 'demandIds' || f.name === 'resourceIds')
          .flatMap((f) => f.errors.map(localize)),
        ...mapped.unmatched.map(localize),
      ]);
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:projectCreated'));
    onClose();
    navigate(`/projects/${res.data.createProject.id}`);
  };

  return (
    <FormDrawer
      title={t('admin:projectCreateTitle')}
      size={520}
      saving={fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="project"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Typography.Paragraph type="secondary">
        {t('admin:projectCreateFrom', {
          demands: demands.map((d) => d.title).join(t('admin:listSeparator')),
        })}
        <br />
        {resources.length
          ? t('admin:projectCreateWith', {
              resources: resources.map((r) => r.name).join(t('admin:listSeparator')),
            })
          : t('admin:projectCreateNoResources')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="project-form"
        initialValues={{ title: defaultTitle, publiclyFunded: false, budgetYuan: null }}
        onFinish={onFinish}
        onValuesChange={(changed) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))
        }
      >
        <Form.Item name="title" label={t('admin:projectTitle')} required>
          <Input data-testid="project-title" maxLength={TITLE_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('admin:projectDescription')}>
          <Input.TextArea data-testid="project-description" rows={3} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item
          name="publiclyFunded"
          label={t('admin:projectPubliclyFunded')}
          valuePropName="checked"
          extra={t('admin:projectPubliclyFundedHint')}
        >
          <Switch data-testid="project-public-funding" />
        </Form.Item>
        {publiclyFunded ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('admin:projectThreeMeetingsHint')}
          />
        ) : null}
        <Form.Item name="budgetYuan" label={t('admin:projectBudgetYuan')}>
          <InputNumber
            data-testid="project-budget"
            min={0}
            max={BUDGET_MAX_YUAN}
            step={1000}
            style={{ width: 220 }}
            suffix={t('admin:projectYuan')}
          />
        </Form.Item>
        <Form.Item
          name="centerId"
          label={t('admin:projectCenter')}
          extra={isStaff ? t('admin:projectOwnCenter') : undefined}
        >
          <Select
            data-testid="project-center"
            virtual={false}
            allowClear={!isStaff}
            disabled={isStaff}
            loading={centersResult.fetching}
            placeholder={t('admin:projectPickCenter')}
            showSearch={{ optionFilterProp: 'label' }}
            options={centers.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
