// 记录评估: an evaluator (or the district office) scores a center on the eight dimensions, each
// against the district's indicator description, records findings tagged with a training track,
// suggestions and photos. The weighted total is shown as it will be stored. Checked in the
// browser first; the API's field errors then appear under their fields or above the form.
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  DIMENSIONS,
  EVALUATION_PHASES,
  EVALUATOR_KINDS,
  LONG_TEXT_MAX_LENGTH,
  SCORE_MAX,
  TITLE_MAX_LENGTH,
  TRAINING_TRACKS,
  type Dimension,
} from '@lc/domain';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Divider,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Slider,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { localizeBilingual } from '../orders/bilingual';
import {
  EVALUATION_FORM_FIELDS,
  FINDINGS_MAX,
  PHOTO_ACCEPT,
  checkEvaluationForm,
  dayKey,
  initialEvaluationValues,
  isAcceptedPhoto,
  toRecordEvaluationInput,
  weightedTotal,
  type EvaluationFormValues,
  type EvaluationMessages,
} from './evaluationModel';
import { useDistrictIndicators, type ScopeCenter } from './useEvaluationScope';

const RecordEvaluationMutation = graphql(`
  mutation RecordEvaluation($input: RecordEvaluationInput!) {
    recordEvaluation(input: $input) {
      id
      total
      center {
        id
        name
      }
    }
  }
`);

const AddEvaluationPhotoMutation = graphql(`
  mutation AddEvaluationPhoto($evaluationId: ID!, $file: Upload!) {
    addEvaluationPhoto(evaluationId: $evaluationId, file: $file) {
      id
      fileName
    }
  }
`);

/** antd's typed field list (our field paths are built at run time). */
type FieldList = Parameters<FormInstance<EvaluationFormValues>['setFields']>[0];

/** A 0–10 score as a slider and a number box side by side (one form value). */
function ScoreInput({
  value,
  onChange,
  testId,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  testId: string;
}) {
  return (
    <Flex gap={12} align="center">
      <Slider
        style={{ flex: 1, margin: '0 6px' }}
        min={0}
        max={SCORE_MAX}
        step={0.5}
        value={value ?? undefined}
        onChange={(v: number) => onChange?.(v)}
      />
      <InputNumber
        data-testid={testId}
        style={{ width: 88 }}
        min={0}
        max={SCORE_MAX}
        step={0.5}
        precision={1}
        value={value ?? null}
        onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
      />
    </Flex>
  );
}

export function EvaluationFormDrawer({
  centers,
  districtId,
  centerId,
  onClose,
  onRecorded,
}: {
  centers: readonly ScopeCenter[];
  districtId: string | undefined;
  /** preselected (e.g. the center filter of the list) */
  centerId?: string;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [form] = Form.useForm<EvaluationFormValues>();
  const [{ fetching }, record] = useMutation(RecordEvaluationMutation);
  const [, addPhoto] = useMutation(AddEvaluationPhotoMutation);
  const [uploading, setUploading] = useState(false);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const indicators = useDistrictIndicators(districtId);
  const today = useMemo(() => new Date(), []);
  const initial = useMemo(
    () => initialEvaluationValues(viewer.role, today, centerId),
    [viewer.role, today, centerId],
  );
  const scores = Form.useWatch('scores', form) ?? {};
  const total = weightedTotal(scores, indicators.weights);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const messages: EvaluationMessages = useMemo(
    () => ({
      required: t('admin:validationRequired'),
      score: t('admin:evaluationScoreInvalid'),
      future: t('admin:evaluationDateFuture'),
      tooLong: (max: number) => t('admin:validationMaxLength', { max }),
      tooManyFindings: (max: number) => t('admin:evaluationTooManyFindings', { max }),
    }),
    [t],
  );

  const onFinish = async () => {
    // Read every field, including the list items antd only reports when touched.
    const values = form.getFieldsValue(true) as EvaluationFormValues;
    setShownError(null);
    setUnmatched([]);
    const problems = checkEvaluationForm(values, messages, new Date());
    if (problems.length) {
      form.setFields(problems as FieldList);
      return;
    }
    const res = await record(
      { input: toRecordEvaluationInput(values) },
      { additionalTypenames: ['Evaluation', 'CenterRank', 'TrainingNeed'] },
    );
    const saved = res.data?.recordEvaluation;
    if (res.error || !saved) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), EVALUATION_FORM_FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(res.error ?? null);
      return;
    }
    // Photos go one by one after the evaluation exists; a failed photo leaves the evaluation.
    let failed = 0;
    if (photos.length) {
      setUploading(true);
      for (const p of photos) {
        try {
          // a GraphQL multipart request: the photo travels as a file, named as the user chose it
          const file = new File([p.originFileObj as Blob], p.name, { type: p.type });
          const r = await addPhoto({ evaluationId: saved.id, file });
          if (r.error) failed += 1;
        } catch {
          failed += 1;
        }
      }
      setUploading(false);
    }
    if (failed) message.warning(t('admin:evaluationPhotosFailed', { n: failed }));
    message.success(
      t('admin:evaluationRecorded', { center: saved.center.name, total: saved.total.toFixed(1) }),
    );
    onRecorded();
    onClose();
  };

  return (
    <FormDrawer
      title={t('admin:evaluationCreateTitle')}
      size={640}
      saving={fetching || uploading}
      onClose={onClose}
      onSave={() => void onFinish()}
      testIdPrefix="evaluation"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<EvaluationFormValues>
        form={form}
        layout="vertical"
        data-testid="evaluation-form"
        initialValues={initial}
        onValuesChange={(changed: Partial<EvaluationFormValues>) => {
          const names: (string | (string | number)[])[] = Object.keys(changed).filter(
            (k) => k !== 'scores' && k !== 'findings',
          );
          for (const d of Object.keys(changed.scores ?? {})) names.push(['scores', d]);
          form.setFields(names.map((name) => ({ name, errors: [] })) as FieldList);
        }}
      >
        <Form.Item name="centerId" label={t('admin:evaluationCenter')} required>
          <Select
            data-testid="evaluation-center"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin:evaluationPickCenter')}
            options={centers.map((c) => ({ value: c.id, label: `${c.name}（${c.streetName}）` }))}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="phase" label={t('admin:evaluationPhase')} required>
            <Radio.Group
              data-testid="evaluation-phase"
              optionType="button"
              options={EVALUATION_PHASES.map((p) => ({
                value: p,
                label: <span data-testid={`evaluation-phase-${p}`}>{t(`enum:evaluationPhase.${p}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="evaluatedOn"
            label={t('admin:evaluationDate')}
            required
            getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
            normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
          >
            <DatePicker
              data-testid="evaluation-date"
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > dayKey(new Date())}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="evaluatorKind" label={t('admin:evaluationEvaluatorKind')} required>
            <Radio.Group
              data-testid="evaluation-evaluator-kind"
              options={EVALUATOR_KINDS.map((k) => ({ value: k, label: t(`enum:evaluatorKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="evaluatorName"
            label={t('admin:evaluationEvaluatorName')}
            tooltip={t('admin:evaluationEvaluatorNameHint')}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input
              data-testid="evaluation-evaluator-name"
              maxLength={TITLE_MAX_LENGTH}
              placeholder={t('admin:evaluationEvaluatorNameDefault')}
            />
          </Form.Item>
        </Flex>

        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('admin:evaluationScores')}
        </Divider>
        {DIMENSIONS.map((d: Dimension) => {
          const indicator = indicators.indicators.get(d);
          return (
            <Form.Item
              key={d}
              name={['scores', d]}
              label={t(`enum:dimension.${d}`)}
              required
              extra={
                <span data-testid={`evaluation-indicator-${d}`}>
                  {indicator ?? t('admin:evaluationNoIndicator')}
                </span>
              }
              style={{ marginBottom: 12 }}
            >
              <ScoreInput testId={`evaluation-score-${d}`} />
            </Form.Item>
          );
        })}
        <Alert
          type={total === null ? 'info' : 'success'}
          showIcon
          data-testid="evaluation-total"
          title={
            total === null
              ? t('admin:evaluationTotalPending')
              : t('admin:evaluationTotal', { total: total.toFixed(1) })
          }
          style={{ marginBottom: 16 }}
        />

        <Divider titlePlacement="start">{t('admin:evaluationFindings')}</Divider>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" data-testid="evaluation-finding-row">
                  <Form.Item name={[field.name, 'track']} style={{ width: 150, marginBottom: 12 }}>
                    <Select
                      data-testid="evaluation-finding-track"
                      virtual={false}
                      placeholder={t('admin:evaluationFindingTrack')}
                      options={TRAINING_TRACKS.map((tr) => ({
                        value: tr,
                        label: t(`enum:trainingTrack.${tr}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 12 }}>
                    <Input.TextArea
                      data-testid="evaluation-finding-text"
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={LONG_TEXT_MAX_LENGTH}
                      placeholder={t('admin:evaluationFindingText')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('admin:evaluationFindingRemove')}
                    onClick={() => remove(field.name)}
                    data-testid="evaluation-finding-remove"
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= FINDINGS_MAX}
                onClick={() => add({ track: undefined, text: '' })}
                data-testid="evaluation-finding-add"
                style={{ marginBottom: 16 }}
              >
                {t('admin:evaluationFindingAdd')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="suggestions" label={t('admin:evaluationSuggestions')}>
          <Input.TextArea data-testid="evaluation-suggestions" rows={3} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item label={t('admin:evaluationPhotos')} extra={t('admin:evaluationPhotosHint')}>
          <Upload
            accept={PHOTO_ACCEPT}
            multiple
            listType="picture"
            fileList={photos}
            beforeUpload={(file) => {
              const ok = isAcceptedPhoto(file);
              if (ok !== 'ok') {
                message.error(
                  ok === 'type' ? t('admin:evaluationPhotoType') : t('admin:evaluationPhotoSize'),
                );
                return Upload.LIST_IGNORE;
              }
              setPhotos((list) => [
                ...list,
                {
                  uid: file.uid,
                  name: file.name,
                  size: file.size,
                  type: file.type,
                  originFileObj: file,
                  status: 'done',
                },
              ]);
              return false;
            }}
            onRemove={(file) => setPhotos((list) => list.filter((f) => f.uid !== file.uid))}
          >
            <Button icon={<UploadOutlined />} data-testid="evaluation-photo-add">
              {t('admin:evaluationPhotoAdd')}
            </Button>
          </Upload>
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('admin:evaluationTotalHint')}
        </Typography.Text>
      </Form>
    </FormDrawer>
  );
}
