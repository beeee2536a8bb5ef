// /cases/:id — one case: what and where, its photos, who holds it under which responsibility
// (首问 / 指定 / 兜底), its level on the ladder and deadline, the timeline of every step (who, when,
// why), the moves the viewer may make now, and open cases that may be the same problem (merge).
import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import type { CaseAction } from '@lc/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  Popconfirm,
  Row,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { CaseDetailQuery, MoveCaseInput } from '../../gql/graphql';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState, useErrorMessage } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { formatDateTime } from '../orders/ordersModel';
import { CaseActionModal } from './CaseActionModal';
import { DeadlineTag } from './DeadlineTag';
import { LEVEL_COLORS, STATUS_COLORS, actionNeedsForm, orderedActions } from './casesModel';

const CaseDetailQueryDoc = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      version
      categoryCode
      category {
        name
        nameEn
      }
      description
      address
      source
      status
      level
      jointForce
      jointDepartment
      responsibility
      overdue
      deadlineAt
      reportedAt
      acceptedAt
      resolvedAt
      resolution
      rejectReason
      followUpFixed
      followUpRating
      followUpComment
      followUpDueAt
      isPublic
      mergedIntoId
      contact
      viewerActions
      street {
        id
        name
      }
      community {
        id
        name
      }
      center {
        id
        name
      }
      owner {
        id
        displayName
      }
      firstContact {
        id
        displayName
      }
      reporter {
        id
        displayName
        phoneMasked
      }
      photos {
        id
        fileName
      }
      timeline {
        id
        kind
        fromStatus
        toStatus
        fromLevel
        toLevel
        actorKind
        actorName
        assigneeName
        jointForce
        note
        rating
        deadlineAt
        at
      }
      possibleDuplicates {
        similarity
        distanceMeters
        case {
          id
          description
          status
          reportedAt
        }
      }
    }
  }
`);

const MoveCaseMutation = graphql(`
  mutation CaseDetailMove($id: ID!, $input: MoveCaseInput!) {
    moveCase(id: $id, input: $input) {
      id
      status
      version
    }
  }
`);

const SetPublicMutation = graphql(`
  mutation CaseDetailSetPublic($id: ID!, $isPublic: Boolean!) {
    setCasePublic(id: $id, isPublic: $isPublic) {
      id
      isPublic
    }
  }
`);

const PhotoQuery = graphql(`
  query CasePhoto($id: ID!) {
    casePhotoContent(id: $id) {
      mimeType
      contentBase64
    }
  }
`);

type CaseData = NonNullable<CaseDetailQuery['case']>;

function Photo({ id, name }: { id: string; name: string }) {
  const [{ data }] = useQuery({ query: PhotoQuery, variables: { id } });
  const p = data?.casePhotoContent;
  if (!p) return <div style={{ width: 120, height: 90, background: '#f5f5f5', borderRadius: 6 }} />;
  return (
    <Image
      width={120}
      height={90}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      src={`data:${p.mimeType};base64,${p.contentBase64}`}
      alt={name}
      data-testid="case-photo"
    />
  );
}

function CaseTimeline({ c }: { c: CaseData }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      data-testid="case-timeline"
      items={c.timeline.map((e) => ({
        key: e.id,
        color:
          e.kind === 'OVERDUE'
            ? 'red'
            : e.kind === 'ESCALATE'
              ? 'purple'
              : e.toStatus === 'CLOSED'
                ? 'green'
                : 'blue',
        children: (
          <div data-testid="case-timeline-step" data-kind={e.kind}>
            <Flex gap={8} wrap align="baseline">
              <Typography.Text strong>
                {t(`admin:caseEvent_${e.kind}`, {
                  defaultValue: t(`enum:caseAction.${e.kind}`, { defaultValue: e.kind }),
                })}
              </Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
              <Typography.Text type="secondary">
                {e.actorName ?? t(`admin:caseActor_${e.actorKind}`)}
              </Typography.Text>
            </Flex>
            {e.fromLevel && e.toLevel && e.fromLevel !== e.toLevel ? (
              <div>
                {t(`enum:caseLevel.${e.fromLevel}`)} → {t(`enum:caseLevel.${e.toLevel}`)}
                {e.jointForce ? ` · ${t(`enum:jointForce.${e.jointForce}`)}` : ''}
              </div>
            ) : null}
            {e.assigneeName ? <div>{t('admin:caseAssignedTo', { name: e.assigneeName })}</div> : null}
            {e.rating ? <div>{t('admin:caseRating', { rating: e.rating })}</div> : null}
            {e.note ? (
              <Typography.Paragraph style={{ margin: 0 }}>
                {localizeBilingual(e.note, i18n.language)}
              </Typography.Paragraph>
            ) : null}
            {e.deadlineAt && e.kind !== 'OVERDUE' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin:caseDeadlineSet', { at: formatDateTime(e.deadlineAt) })}
              </Typography.Text>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [{ data, error }, reexecute] = useQuery({
    query: CaseDetailQueryDoc,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [moving, move] = useMutation(MoveCaseMutation);
  const [, setPublic] = useMutation(SetPublicMutation);
  const [modal, setModal] = useState<{ action: CaseAction; targetCaseId?: string } | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  /** Makes a move; answers the error when the form should show it (BAD_USER_INPUT), else null. */
  const run = async (input: MoveCaseInput): Promise<CombinedError | null> => {
    const r = await move({ id, input }, { additionalTypenames: ['Case'] });
    if (r.error) {
      if (r.error.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT')) return r.error;
      if (r.error.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT')) {
        void message.warning(t('admin:caseConflict'));
        refresh();
      } else void message.error(errorMessage(r.error));
      return null;
    }
    void message.success(t('admin:caseMoved', { action: t(`enum:caseAction.${input.action}`) }));
    refresh();
    return null;
  };

  if (error && !data) return <ErrorState error={error} onRetry={refresh} />;
  if (!data) return <LoadingState />;
  const c = data.case;
  if (!c)
    return (
      <Page title={t('admin:casesTitle')}>
        <Empty description={t('admin:caseNotFound')} />
      </Page>
    );
  const actions = orderedActions(c.viewerActions.filter((a) => a !== 'MERGE'));
  const canAct = c.viewerActions.length > 0;
  const category = c.category
    ? i18n.language === 'en'
      ? c.category.nameEn
      : c.category.name
    : c.categoryCode;

  return (
    <Page
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('admin:caseBack')}
          />
          {t('admin:caseTitle', { id: c.id })}
          <Tag color={STATUS_COLORS[c.status]} data-testid="case-detail-status">
            {t(`enum:caseStatus.${c.status}`)}
          </Tag>
          <Tag color={LEVEL_COLORS[c.level]} data-testid="case-detail-level">
            {t(`enum:caseLevel.${c.level}`)}
            {c.jointForce ? ` · ${t(`enum:jointForce.${c.jointForce}`)}` : ''}
          </Tag>
          {c.overdue ? (
            <Tag color="red" icon={<WarningOutlined />}>
              {t('admin:casesOverdue')}
            </Tag>
          ) : null}
        </Flex>
      }
      extra={
        <Flex gap={8} wrap data-testid="case-actions">
          {actions.map((a) =>
            actionNeedsForm(a) ? (
              <Button
                key={a}
                type={a === 'REJECT' ? 'default' : 'primary'}
                danger={a === 'REJECT'}
                onClick={() => setModal({ action: a })}
                data-testid={`case-action-${a}`}
              >
                {t(`enum:caseAction.${a}`)}
              </Button>
            ) : (
              <Popconfirm
                key={a}
                title={t('admin:caseConfirm', { action: t(`enum:caseAction.${a}`) })}
                okText={t('common:confirm')}
                cancelText={t('common:cancel')}
                onConfirm={() => void run({ action: a, version: c.version })}
                okButtonProps={{ 'data-testid': 'case-confirm-ok' } as never}
              >
                <Button type="primary" loading={moving.fetching} data-testid={`case-action-${a}`}>
                  {t(`enum:caseAction.${a}`)}
                </Button>
              </Popconfirm>
            ),
          )}
        </Flex>
      }
    >
      {c.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('admin:caseMergedInto', { id: c.mergedIntoId })}
          action={<Button onClick={() => navigate(`/cases/${c.mergedIntoId}`)}>{t('admin:caseOpen')}</Button>}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('admin:caseWhat')}>
            <Typography.Paragraph style={{ fontSize: 16 }} data-testid="case-detail-description">
              {c.description}
            </Typography.Paragraph>
            {c.photos.length ? (
              <Image.PreviewGroup>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  {c.photos.map((p) => (
                    <Photo key={p.id} id={p.id} name={p.fileName} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            ) : null}
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('admin:casesCategory')}>{category}</Descriptions.Item>
              <Descriptions.Item label={t('admin:casesSource')}>
                {t(`enum:caseSource.${c.source}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casesPlace')}>
                {[c.street.name, c.community?.name, c.center?.name].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casesAddress')}>{c.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('admin:caseReporter')}>
                {c.reporter
                  ? `${c.reporter.displayName} ${c.reporter.phoneMasked ?? ''}`
                  : (c.contact ?? t(`enum:caseSource.${c.source}`))}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casesReportedAt')}>
                {formatDateTime(c.reportedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:caseFirstContact')}>
                {c.firstContact?.displayName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casesOwner')}>
                <span data-testid="case-detail-owner">{c.owner?.displayName ?? '—'}</span>
                {' · '}
                {t(`enum:caseResponsibility.${c.responsibility}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casesDeadline')}>
                <DeadlineTag deadlineAt={c.deadlineAt} overdue={c.overdue} />
              </Descriptions.Item>
              <Descriptions.Item label={t('admin:casePublic')}>
                <Switch
                  checked={c.isPublic}
                  disabled={!canAct}
                  onChange={(on) =>
                    void setPublic({ id: c.id, isPublic: on }).then((r) =>
                      r.error ? message.error(errorMessage(r.error)) : undefined,
                    )
                  }
                  data-testid="case-public"
                />
              </Descriptions.Item>
              {c.resolution ? (
                <Descriptions.Item label={t('admin:caseResolution')} span={2}>
                  {c.resolution}
                </Descriptions.Item>
              ) : null}
              {c.rejectReason ? (
                <Descriptions.Item label={t('admin:caseRejectReason')} span={2}>
                  {c.rejectReason}
                </Descriptions.Item>
              ) : null}
              {c.followUpRating ? (
                <Descriptions.Item label={t('admin:caseFollowUp')} span={2}>
                  {t(c.followUpFixed ? 'admin:caseFixed' : 'admin:caseNotFixed')} ·{' '}
                  {t('admin:caseRating', { rating: c.followUpRating })}
                  {c.followUpComment ? ` · ${c.followUpComment}` : ''}
                </Descriptions.Item>
              ) : null}
              {c.status === 'RESOLVED' && c.followUpDueAt ? (
                <Descriptions.Item label={t('admin:caseFollowUp')} span={2}>
                  {t('admin:caseFollowUpDue', { at: formatDateTime(c.followUpDueAt) })}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {c.possibleDuplicates.length ? (
            <Card
              size="small"
              title={t('admin:caseDuplicates')}
              style={{ marginTop: 16 }}
              data-testid="case-duplicates"
            >
              {c.possibleDuplicates.map((d) => (
                <Flex
                  key={d.case.id}
                  justify="space-between"
                  align="center"
                  gap={8}
                  style={{ padding: '6px 0' }}
                >
                  <Flex vertical>
                    <Typography.Link onClick={() => navigate(`/cases/${d.case.id}`)}>
                      #{d.case.id} {d.case.description}
                    </Typography.Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('admin:caseDuplicateWhy', {
                        similarity: Math.round(d.similarity * 100),
                        meters: d.distanceMeters,
                      })}{' '}
                      · {t(`enum:caseStatus.${d.case.status}`)} · {formatDateTime(d.case.reportedAt)}
                    </Typography.Text>
                  </Flex>
                  {c.viewerActions.includes('MERGE') ? (
                    <Button
                      onClick={() => setModal({ action: 'MERGE', targetCaseId: d.case.id })}
                      data-testid="case-merge"
                    >
                      {t('admin:caseMergeInto', { id: d.case.id })}
                    </Button>
                  ) : null}
                </Flex>
              ))}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('admin:caseTimeline')}>
            <CaseTimeline c={c} />
          </Card>
        </Col>
      </Row>
      {modal ? (
        <CaseActionModal
          caseId={c.id}
          action={modal.action}
          level={c.level}
          version={c.version}
          targetCaseId={modal.targetCaseId}
          onRun={run}
          onClose={() => setModal(null)}
        />
      ) : null}
    </Page>
  );
}
