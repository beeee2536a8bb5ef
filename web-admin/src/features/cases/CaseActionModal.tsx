// The form of a case move that needs more than a click: why (reject, hand over, escalate), to whom
// (assign: the case's center staff and street admins, the secretary marked), to which level and
// force (escalate: 联勤联动 needs the force), what was done (resolve), into which case (merge).
import {
  CASE_REASON_MAX_LENGTH,
  JOINT_FORCES,
  type CaseAction,
  type CaseLevel,
  type JointForce,
} from '@lc/domain';
import { Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { MoveCaseInput } from '../../gql/graphql';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { higherLevels, needsOf } from './casesModel';

const AssigneesQuery = graphql(`
  query CaseAssignees($caseId: ID!) {
    caseAssignees(caseId: $caseId) {
      id
      displayName
      role
      secretary
      openCases
    }
  }
`);

interface Values {
  reason?: string;
  note?: string;
  assigneeId?: string;
  level?: CaseLevel;
  jointForce?: JointForce;
  jointDepartment?: string;
  targetCaseId?: string;
}

const FIELDS = [
  'reason',
  'note',
  'assigneeId',
  'level',
  'jointForce',
  'jointDepartment',
  'targetCaseId',
] as const;

export function CaseActionModal({
  caseId,
  action,
  level,
  version,
  targetCaseId,
  onRun,
  onClose,
}: {
  caseId: string;
  action: CaseAction;
  level: CaseLevel;
  version: number;
  targetCaseId?: string;
  onRun: (input: MoveCaseInput) => Promise<CombinedError | null>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const needs = needsOf(action);
  const [busy, setBusy] = useState(false);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const chosenLevel = Form.useWatch('level', form);
  const chosenForce = Form.useWatch('jointForce', form);
  const [assignees] = useQuery({
    query: AssigneesQuery,
    variables: { caseId },
    pause: !needs.includes('assignee'),
  });
  const required = t('admin:validationRequired');
  const levels = higherLevels(level);

  const submit = async (v: Values) => {
    setBusy(true);
    const error = await onRun({
      action,
      version,
      reason: v.reason?.trim() || null,
      note: v.note?.trim() || null,
      assigneeId: v.assigneeId ?? null,
      level: v.level ?? null,
      jointForce: v.level === 'JOINT_ENFORCEMENT' ? (v.jointForce ?? null) : null,
      jointDepartment: v.jointDepartment?.trim() || null,
      targetCaseId: v.targetCaseId?.trim() || null,
    });
    setBusy(false);
    if (!error) {
      onClose();
      return;
    }
    const mapped = toFormFieldErrors(fieldErrorsOf(error), FIELDS);
    form.setFields(
      mapped.fields.map((f) => ({
        name: f.name,
        errors: f.errors.map((m) => localizeBilingual(m, i18n.language)),
      })),
    );
    setUnmatched(mapped.unmatched.map((m) => localizeBilingual(m, i18n.language)));
    setShownError(mapped.fields.length ? null : error);
  };

  return (
    <Modal
      open
      title={t(`enum:caseAction.${action}`)}
      okText={t('common:confirm')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'case-action-submit' } as never}
      destroyOnHidden
    >
      {shownError || unmatched.length ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ targetCaseId, level: levels.length === 1 ? levels[0] : undefined }}
        onFinish={(v) => void submit(v)}
        data-testid="case-action-form"
      >
        {needs.includes('assignee') ? (
          <Form.Item
            name="assigneeId"
            label={t('admin:caseAssignee')}
            rules={[{ required: true, message: required }]}
          >
            <Select
              data-testid="case-assignee"
              virtual={false}
              loading={assignees.fetching}
              options={(assignees.data?.caseAssignees ?? []).map((a) => ({
                value: a.id,
                label: (
                  <span>
                    {a.displayName} <Tag>{t(`enum:role.${a.role}`)}</Tag>
                    {a.secretary ? <Tag color="purple">{t('admin:caseSecretary')}</Tag> : null}
                    <span style={{ color: '#8c8c8c' }}>{t('admin:caseOpenCases', { n: a.openCases })}</span>
                  </span>
                ),
              }))}
            />
          </Form.Item>
        ) : null}
        {needs.includes('level') ? (
          <>
            <Form.Item
              name="level"
              label={t('admin:caseEscalateTo')}
              rules={[{ required: true, message: required }]}
            >
              <Select
                data-testid="case-level"
                virtual={false}
                options={levels.map((l) => ({ value: l, label: t(`enum:caseLevel.${l}`) }))}
              />
            </Form.Item>
            {chosenLevel === 'JOINT_ENFORCEMENT' ? (
              <Form.Item
                name="jointForce"
                label={t('admin:caseForce')}
                rules={[{ required: true, message: required }]}
              >
                <Select
                  data-testid="case-force"
                  virtual={false}
                  options={JOINT_FORCES.map((f) => ({ value: f, label: t(`enum:jointForce.${f}`) }))}
                />
              </Form.Item>
            ) : null}
            {chosenLevel === 'JOINT_ENFORCEMENT' && chosenForce === 'OTHER_DEPARTMENT' ? (
              <Form.Item
                name="jointDepartment"
                label={t('admin:caseDepartment')}
                rules={[{ required: true, message: required }]}
              >
                <Input maxLength={CASE_REASON_MAX_LENGTH} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {needs.includes('target') ? (
          <Form.Item
            name="targetCaseId"
            label={t('admin:caseMergeTarget')}
            rules={[{ required: true, message: required }]}
          >
            <Input prefix="#" data-testid="case-merge-target" />
          </Form.Item>
        ) : null}
        {needs.includes('note') ? (
          <Form.Item
            name="note"
            label={t('admin:caseResolution')}
            rules={[{ required: true, whitespace: true, message: required }]}
          >
            <Input.TextArea rows={3} maxLength={CASE_REASON_MAX_LENGTH} showCount data-testid="case-note" />
          </Form.Item>
        ) : null}
        {needs.includes('reason') || action === 'ASSIGN' ? (
          <Form.Item
            name="reason"
            label={t(action === 'REJECT' ? 'admin:caseRejectReason' : 'admin:caseReason')}
            rules={needs.includes('reason') ? [{ required: true, whitespace: true, message: required }] : []}
            extra={action === 'REJECT' ? t('admin:caseRejectHint') : undefined}
          >
            <Input.TextArea rows={3} maxLength={CASE_REASON_MAX_LENGTH} showCount data-testid="case-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
