// 记录会议: a hearing (听证会), coordination meeting (协调会) or review meeting (评议会) of a
// project — only the kinds its status allows (MEETING_WINDOWS). Date and time are typed as
// YYYY-MM-DD HH:mm or picked; attendees, residents' representatives by name, minutes, outcome,
// resolution and the vote. A hearing recorded while PROPOSED opens the hearing phase, a hearing
// that rejects ends the project, a review meeting while IN_PROGRESS opens the review: the caller
// refetches the project afterwards.
import { LONG_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, type MeetingKind, type ProjectStatus } from '@lc/domain';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { FormDrawer } from '../../ui/FormDrawer';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { SCHEDULE_FORMAT } from '../orders/ordersModel';
import {
  MEETING_FORM_FIELDS,
  checkMeetingForm,
  defaultMeetingKind,
  meetingKindsFor,
  outcomesFor,
  toRecordMeetingInput,
  type MeetingFormField,
  type MeetingFormValues,
  type MeetingProblem,
} from './projectModel';

const RecordMeetingMutation = graphql(`
  mutation RecordMeeting($input: RecordMeetingInput!) {
    recordMeeting(input: $input) {
      id
      kind
      outcome
    }
  }
`);

const PROBLEM_KEYS: Record<MeetingProblem, string> = {
  required: 'admin:validationRequired',
  notCount: 'admin:meetingProblemNotCount',
  tooManyVotes: 'admin:meetingProblemTooManyVotes',
  voteNotCarried: 'admin:meetingProblemVoteNotCarried',
  voteCarried: 'admin:meetingProblemVoteCarried',
  badName: 'admin:meetingProblemBadName',
};

const REPRESENTATIVES_MAX = 50;

export function MeetingFormDrawer({
  projectId,
  projectTitle,
  status,
  kind,
  onClose,
  onRecorded,
}: {
  projectId: string;
  projectTitle: string;
  status: ProjectStatus;
  /** the kind to preselect (e.g. the meeting a refused move asked for) */
  kind?: MeetingKind;
  onClose: () => void;
  onRecorded: (kind: MeetingKind) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const [{ fetching }, record] = useMutation(RecordMeetingMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const kinds = meetingKindsFor(status);
  const picked = Form.useWatch('kind', form) as MeetingKind | undefined;
  const outcome = Form.useWatch('outcome', form);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const onFinish = async (values: MeetingFormValues) => {
    setShownError(null);
    setUnmatched([]);
    const problems = checkMeetingForm(values);
    if (problems.length) {
      const byField = new Map<MeetingFormField, string[]>();
      for (const p of problems)
        byField.set(p.name, [...(byField.get(p.name) ?? []), t(PROBLEM_KEYS[p.problem])]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      return;
    }
    const res = await record(
      { input: toRecordMeetingInput(projectId, values) },
      { additionalTypenames: ['Project', 'Meeting', 'Demand'] },
    );
    if (res.error || !res.data) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), MEETING_FORM_FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(res.error ?? null);
      return;
    }
    message.success(
      t('admin:meetingRecorded', { kind: t(`enum:meetingKind.${res.data.recordMeeting.kind}`) }),
    );
    onRecorded(res.data.recordMeeting.kind);
    onClose();
  };

  const numberField = (name: MeetingFormField, label: string, testId: string) => (
    <Form.Item name={name} label={label} style={{ flex: 1, minWidth: 100 }}>
      <InputNumber data-testid={testId} min={0} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <FormDrawer
      title={t('admin:meetingRecordTitle', { title: projectTitle })}
      size={600}
      saving={fetching}
      onClose={onClose}
      onSave={() => form.submit()}
      testIdPrefix="meeting"
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      {picked === 'HEARING' && outcome === 'REJECTED' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('admin:meetingHearingRejectsHint')}
        />
      ) : null}
      <Form<MeetingFormValues>
        form={form}
        layout="vertical"
        data-testid="meeting-form"
        initialValues={{ kind: defaultMeetingKind(status, kind), representatives: [], attendees: null }}
        onFinish={onFinish}
        onValuesChange={(changed) => {
          const names = Object.keys(changed) as MeetingFormField[];
          // A vote or outcome change may clear the cross-field errors of the others.
          const related: MeetingFormField[] = names.some((n) =>
            ['votesFor', 'votesAgainst', 'votesAbstain', 'attendees', 'outcome', 'kind'].includes(n),
          )
            ? ['votesFor', 'votesAgainst', 'votesAbstain', 'outcome']
            : [];
          form.setFields([...new Set([...names, ...related])].map((name) => ({ name, errors: [] })));
          // A hearing cannot be merely noted.
          if (changed.kind && !outcomesFor(changed.kind).includes(form.getFieldValue('outcome')))
            form.setFieldValue('outcome', undefined);
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('admin:meetingKind')} required style={{ flex: 1, minWidth: 160 }}>
            <Select
              data-testid="meeting-kind"
              virtual={false}
              placeholder={t('admin:meetingPickKind')}
              options={kinds.map((k) => ({ value: k, label: t(`enum:meetingKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="heldAt"
            label={t('admin:meetingHeldAt')}
            required
            extra={t('admin:meetingHeldAtHint')}
            style={{ flex: 1, minWidth: 200 }}
          >
            <DatePicker
              data-testid="meeting-held-at"
              showTime={{ format: 'HH:mm' }}
              format={SCHEDULE_FORMAT}
              placeholder={SCHEDULE_FORMAT}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('admin:meetingPlace')}>
          <Input data-testid="meeting-place" maxLength={TITLE_MAX_LENGTH} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="attendees" label={t('admin:meetingAttendees')} required style={{ width: 160 }}>
            <InputNumber data-testid="meeting-attendees" min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="representatives"
            label={t('admin:meetingRepresentatives')}
            extra={t('admin:meetingRepresentativesHint')}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Select
              mode="tags"
              data-testid="meeting-representatives"
              virtual={false}
              tokenSeparators={[',', '，', '、', ' ']}
              maxCount={REPRESENTATIVES_MAX}
              placeholder={t('admin:meetingRepresentativesPlaceholder')}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="minutes" label={t('admin:meetingMinutes')} required>
          <Input.TextArea data-testid="meeting-minutes" rows={4} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="outcome" label={t('admin:meetingOutcome')} required>
          <Select
            data-testid="meeting-outcome"
            virtual={false}
            placeholder={t('admin:meetingPickOutcome')}
            options={outcomesFor(picked).map((o) => ({ value: o, label: t(`enum:meetingOutcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="resolution" label={t('admin:meetingResolution')} required>
          <Input.TextArea data-testid="meeting-resolution" rows={2} maxLength={LONG_TEXT_MAX_LENGTH} />
        </Form.Item>
        <Flex gap={12} wrap>
          {numberField('votesFor', t('admin:meetingVotesFor'), 'meeting-votes-for')}
          {numberField('votesAgainst', t('admin:meetingVotesAgainst'), 'meeting-votes-against')}
          {numberField('votesAbstain', t('admin:meetingVotesAbstain'), 'meeting-votes-abstain')}
        </Flex>
      </Form>
    </FormDrawer>
  );
}
