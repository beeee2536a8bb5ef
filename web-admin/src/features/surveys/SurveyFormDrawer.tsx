// 新建/编辑问卷: title, what it is about (a center, a service, a project or a region), anonymity,
// dates, and the question builder — add, remove and reorder questions; each with its kind, text,
// whether it is required, its options (choice questions) and the dimension it counts toward
// (score questions). A draft may be edited; opening it freezes it.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DIMENSIONS,
  LONG_TEXT_MAX_LENGTH,
  QUESTION_KINDS,
  SURVEY_SCOPES,
  TITLE_MAX_LENGTH,
  type SurveyScope,
} from '@lc/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Switch,
  Tooltip,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { localizeBilingual } from '../orders/bilingual';
import { useOrderCenters } from '../orders/useOrderCenters';
import {
  OPTION_MAX_LENGTH,
  OPTIONS_MAX,
  QUESTION_TEXT_MAX_LENGTH,
  SURVEY_MAX_QUESTIONS,
  checkSurveyForm,
  fieldPath,
  initialSurveyValues,
  isChoice,
  newQuestion,
  surveyToFormValues,
  toSurveyInput,
  type SurveyFormValues,
  type SurveyMessages,
} from './surveyModel';
import { useSurveyProjects, useSurveyRegions, useSurveyServices } from './useSurveySubjects';

export const SurveyFormDrawer_SurveyFragment = graphql(`
  fragment SurveyFormDrawer_SurveyFragment on Survey {
    id
    title
    description
    scopeKind
    anonymous
    opensAt
    closesAt
    center {
      id
      name
    }
    service {
      id
      name
    }
    project {
      id
      title
    }
    region {
      id
      name
    }
    questions {
      id
      kind
      text
      required
      options
      dimension
    }
  }
`);

const CreateSurveyMutation = graphql(`
  mutation CreateSurvey($input: SurveyInput!) {
    createSurvey(input: $input) {
      id
      title
      status
    }
  }
`);

const UpdateSurveyMutation = graphql(`
  mutation UpdateSurvey($id: ID!, $input: SurveyInput!) {
    updateSurvey(id: $id, input: $input) {
      id
      title
      status
      updatedAt
      ...SurveyFormDrawer_SurveyFragment
    }
  }
`);

/** Top-level fields an API error may name. */
const FORM_FIELDS = new Set([
  'title',
  'description',
  'scopeKind',
  'centerId',
  'serviceId',
  'projectId',
  'regionId',
  'anonymous',
  'opensAt',
  'closesAt',
  'questions',
]);

type FieldList = Parameters<FormInstance<SurveyFormValues>['setFields']>[0];

/** A date-and-time field kept as an ISO string in the form. */
const isoDateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d?: Dayjs | null) => (d ? d.toISOString() : null),
};

/** Options typed one per line, kept as a list (blank lines dropped when sent). */
const optionLinesProps = {
  getValueProps: (v?: string[]) => ({ value: (v ?? []).join('\n') }),
  normalize: (text?: string) => (text ?? '').split('\n'),
};

export function SurveyFormDrawer({
  survey,
  onClose,
  onSaved,
}: {
  /** the draft to edit; a new survey when left out */
  survey?: FragmentType<typeof SurveyFormDrawer_SurveyFragment>;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const editing = useFragment(SurveyFormDrawer_SurveyFragment, survey);
  const [form] = Form.useForm<SurveyFormValues>();
  const [{ fetching: creating }, create] = useMutation(CreateSurveyMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateSurveyMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const centers = useOrderCenters(viewer);
  const initial = useMemo(
    () => (editing ? surveyToFormValues(editing) : initialSurveyValues(centers.fixedCenter?.id)),
    // The fixed center of staff arrives after the first render; the form takes it then.
    [editing, centers.fixedCenter?.id],
  );
  const scopeKind = (Form.useWatch('scopeKind', form) ?? initial.scopeKind) as SurveyScope;
  const regions = useSurveyRegions(viewer);
  const services = useSurveyServices(
    viewer,
    scopeKind === 'SERVICE',
    editing?.service ? { value: editing.service.id, label: editing.service.name } : undefined,
  );
  const projects = useSurveyProjects(
    viewer,
    scopeKind === 'PROJECT',
    editing?.project ? { value: editing.project.id, label: editing.project.title } : undefined,
  );
  const centerOptions = useMemo(() => {
    const list = centers.centers.map((c) => ({ value: c.id, label: `${c.name}（${c.street}）` }));
    const own = editing?.center;
    return own && !list.some((o) => o.value === own.id)
      ? [{ value: own.id, label: own.name }, ...list]
      : list;
  }, [centers.centers, editing]);

  const messages: SurveyMessages = useMemo(
    () => ({
      required: t('admin:validationRequired'),
      tooLong: (max: number) => t('admin:validationMaxLength', { max }),
      noQuestions: t('admin:surveyNoQuestions'),
      tooManyQuestions: (max: number) => t('admin:surveyTooManyQuestions', { max }),
      duplicateText: (n: number) => t('admin:surveyDuplicateQuestion', { n }),
      optionsTooFew: t('admin:surveyOptionsTooFew'),
      optionsDuplicate: t('admin:surveyOptionsDuplicate'),
      optionsTooMany: (max: number) => t('admin:surveyOptionsTooMany', { max }),
      optionSeparator: t('admin:surveyOptionSeparator'),
      closesBeforeOpens: t('admin:surveyClosesBeforeOpens'),
    }),
    [t],
  );

  const onSave = async () => {
    const values = form.getFieldsValue(true) as SurveyFormValues;
    setShownError(null);
    setUnmatched([]);
    const problems = checkSurveyForm(values, messages);
    if (problems.length) {
      form.setFields(problems as FieldList);
      return;
    }
    const input = toSurveyInput(values);
    const res = editing
      ? await update({ id: editing.id, input }, { additionalTypenames: ['Survey'] })
      : await create({ input }, { additionalTypenames: ['Survey'] });
    const saved = res.data && ('updateSurvey' in res.data ? res.data.updateSurvey : res.data.createSurvey);
    if (res.error || !saved) {
      const placed: { name: (string | number)[]; errors: string[] }[] = [];
      const rest: string[] = [];
      for (const f of fieldErrorsOf(res.error)) {
        const path = fieldPath(f.field);
        if (typeof path[0] === 'string' && FORM_FIELDS.has(path[0]))
          placed.push({ name: path, errors: [localize(f.message)] });
        else if (f.message) rest.push(localize(f.message));
      }
      form.setFields(placed as FieldList);
      setUnmatched(rest);
      setShownError(res.error ?? null);
      return;
    }
    message.success(editing ? t('admin:surveyUpdated') : t('admin:surveyCreated', { title: saved.title }));
    onSaved(saved.id);
    onClose();
  };

  return (
    <FormDrawer
      title={editing ? t('admin:surveyEditTitle') : t('admin:surveyCreateTitle')}
      size={720}
      saving={creating || updating}
      onClose={onClose}
      onSave={() => void onSave()}
      testIdPrefix="survey"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<SurveyFormValues>
        key={initial.centerId ?? ''}
        form={form}
        layout="vertical"
        data-testid="survey-form"
        initialValues={initial}
        onValuesChange={(changed: Partial<SurveyFormValues>) => {
          const names: (string | (string | number)[])[] = Object.keys(changed).filter(
            (k) => k !== 'questions',
          );
          (changed.questions ?? []).forEach((q, i) => {
            if (q) for (const k of Object.keys(q)) names.push(['questions', i, k]);
          });
          names.push('questions');
          form.setFields(names.map((name) => ({ name, errors: [] })) as FieldList);
        }}
      >
        <Form.Item name="title" label={t('admin:surveyTitleLabel')} required>
          <Input data-testid="survey-title" maxLength={TITLE_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('admin:surveyDescription')}>
          <Input.TextArea data-testid="survey-description" rows={2} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="scopeKind" label={t('admin:surveyScope')} required>
          <Radio.Group
            data-testid="survey-scope"
            optionType="button"
            options={SURVEY_SCOPES.map((s) => ({ value: s, label: t(`enum:surveyScope.${s}`) }))}
          />
        </Form.Item>
        {scopeKind === 'CENTER' || scopeKind === 'SERVICE' ? (
          <Form.Item
            name="centerId"
            label={scopeKind === 'SERVICE' ? t('admin:surveyServiceCenter') : t('admin:surveyCenter')}
            required={scopeKind === 'CENTER'}
          >
            <Select
              data-testid="survey-center"
              virtual={false}
              allowClear={scopeKind === 'SERVICE'}
              showSearch={{
                optionFilterProp: 'label',
                ...(centers.serverSearch ? { onSearch: centers.onSearch, filterOption: false } : {}),
              }}
              loading={centers.fetching}
              placeholder={t('admin:surveyPickCenter')}
              options={centerOptions}
              notFoundContent={t('common:empty')}
            />
          </Form.Item>
        ) : null}
        {scopeKind === 'SERVICE' ? (
          <Form.Item name="serviceId" label={t('admin:surveyService')} required>
            <Select
              data-testid="survey-service"
              virtual={false}
              showSearch={{ onSearch: services.onSearch, filterOption: false }}
              loading={services.fetching}
              placeholder={t('admin:surveyPickService')}
              options={services.options}
              notFoundContent={t('common:empty')}
            />
          </Form.Item>
        ) : null}
        {scopeKind === 'PROJECT' ? (
          <Form.Item name="projectId" label={t('admin:surveyProject')} required>
            <Select
              data-testid="survey-project"
              virtual={false}
              showSearch={{ onSearch: projects.onSearch, filterOption: false }}
              loading={projects.fetching}
              placeholder={t('admin:surveyPickProject')}
              options={projects.options}
              notFoundContent={t('common:empty')}
            />
          </Form.Item>
        ) : null}
        {scopeKind === 'REGION' ? (
          <Form.Item name="regionId" label={t('admin:surveyRegion')} required>
            <Select
              data-testid="survey-region"
              virtual={false}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('admin:surveyPickRegion')}
              options={regions}
              notFoundContent={t('common:empty')}
            />
          </Form.Item>
        ) : null}
        <Flex gap={16} wrap>
          <Form.Item
            name="opensAt"
            label={t('admin:surveyOpensAt')}
            tooltip={t('admin:surveyOpensAtHint')}
            {...isoDateProps}
          >
            <DatePicker
              data-testid="survey-opens-at"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
            />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label={t('admin:surveyClosesAt')}
            tooltip={t('admin:surveyClosesAtHint')}
            {...isoDateProps}
          >
            <DatePicker
              data-testid="survey-closes-at"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
            />
          </Form.Item>
          <Form.Item
            name="anonymous"
            label={t('admin:surveyAnonymous')}
            tooltip={t('admin:surveyAnonymousHint')}
            valuePropName="checked"
          >
            <Switch data-testid="survey-anonymous" />
          </Form.Item>
        </Flex>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('admin:surveyQuestions')}
        </Typography.Title>
        <Form.List name="questions">
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <QuestionRow
                  key={field.key}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  onUp={() => move(index, index - 1)}
                  onDown={() => move(index, index + 1)}
                  onRemove={() => remove(index)}
                />
              ))}
              {/* errors about the list as a whole (none, too many) */}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                disabled={fields.length >= SURVEY_MAX_QUESTIONS}
                onClick={() => add(newQuestion('SCORE'))}
                data-testid="question-add"
              >
                {t('admin:surveyQuestionAdd')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}

function QuestionRow({
  name,
  index,
  count,
  onUp,
  onDown,
  onRemove,
}: {
  name: number;
  index: number;
  count: number;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SurveyFormValues>();
  const kind = Form.useWatch(['questions', name, 'kind'], form) ?? 'SCORE';
  return (
    <Card
      size="small"
      data-testid="question-row"
      data-kind={kind}
      style={{ marginBottom: 12 }}
      title={t('admin:surveyQuestionN', { n: index + 1 })}
      extra={
        <Flex gap={4}>
          <Tooltip title={t('admin:surveyQuestionUp')}>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={onUp}
              aria-label={t('admin:surveyQuestionUp')}
              data-testid="question-up"
            />
          </Tooltip>
          <Tooltip title={t('admin:surveyQuestionDown')}>
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              onClick={onDown}
              aria-label={t('admin:surveyQuestionDown')}
              data-testid="question-down"
            />
          </Tooltip>
          <Tooltip title={t('admin:surveyQuestionRemove')}>
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={onRemove}
              aria-label={t('admin:surveyQuestionRemove')}
              data-testid="question-remove"
            />
          </Tooltip>
        </Flex>
      }
    >
      <Flex gap={12} wrap align="start">
        <Form.Item
          name={[name, 'kind']}
          label={t('admin:surveyQuestionKind')}
          style={{ width: 170, marginBottom: 8 }}
        >
          <Select
            data-testid="question-kind"
            virtual={false}
            options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`enum:questionKind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'SCORE' ? (
          <Form.Item
            name={[name, 'dimension']}
            label={t('admin:surveyQuestionDimension')}
            tooltip={t('admin:surveyQuestionDimensionHint')}
            style={{ width: 200, marginBottom: 8 }}
          >
            <Select
              data-testid="question-dimension"
              virtual={false}
              allowClear
              placeholder={t('admin:surveyQuestionNoDimension')}
              options={DIMENSIONS.map((d) => ({ value: d, label: t(`enum:dimension.${d}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name={[name, 'required']}
          label={t('admin:surveyQuestionRequired')}
          valuePropName="checked"
          style={{ marginBottom: 8 }}
        >
          <Checkbox data-testid="question-required" />
        </Form.Item>
      </Flex>
      <Form.Item
        name={[name, 'text']}
        label={t('admin:surveyQuestionText')}
        required
        style={{ marginBottom: 8 }}
      >
        <Input data-testid="question-text" maxLength={QUESTION_TEXT_MAX_LENGTH} />
      </Form.Item>
      {isChoice(kind) ? (
        <Form.Item
          name={[name, 'options']}
          label={t('admin:surveyQuestionOptions')}
          extra={t('admin:surveyQuestionOptionsHint', { max: OPTIONS_MAX, length: OPTION_MAX_LENGTH })}
          required
          style={{ marginBottom: 8 }}
          {...optionLinesProps}
        >
          <Input.TextArea data-testid="question-options" autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      ) : null}
    </Card>
  );
}
