// /projects/:id — one project: its status on the road PROPOSED → HEARING → APPROVED →
// IN_PROGRESS → REVIEW → COMPLETED (or REJECTED), the moves the official may try, why a move was
// refused (with a shortcut to record the missing meeting), the demands and resources it joins,
// the three meetings (record, announce, files) and the timeline of everything that happened.
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingKind } from '@lc/domain';
import { Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../orders/ordersModel';
import { CATEGORY_COLORS, DEMAND_STATUS_COLORS } from '../planning/planningModel';
import { MeetingFormDrawer } from './MeetingFormDrawer';
import { MeetingList } from './MeetingList';
import { PlanMeetingModal } from './PlanMeetingModal';
import { MoveRefusalAlert, ProjectMoves, type MoveRefusal } from './ProjectMoves';
import { ProjectTimeline } from './ProjectTimeline';
import {
  STATUS_COLORS,
  formatBudget,
  isOverdue,
  meetingKindsFor,
  plannableKindsFor,
  rejectedFromOf,
  statusSteps,
} from './projectModel';

const ProjectDetailQuery = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id
      title
      description
      status
      publiclyFunded
      budgetYuan
      createdAt
      ownerName
      street {
        id
        name
      }
      center {
        id
        name
      }
      demands {
        id
        title
        status
        category
        seconds
        community {
          id
          name
        }
      }
      resources {
        id
        name
        kind
        category
      }
      meetings {
        id
        kind
        heldAt
        place
        attendees
        representatives
        minutes
        outcome
        resolution
        votesFor
        votesAgainst
        votesAbstain
        attachments {
          id
          fileName
          mimeType
          sizeBytes
        }
      }
      timeline {
        id
        kind
        fromStatus
        toStatus
        actorName
        note
        at
        meeting {
          id
          kind
          outcome
        }
      }
      nextMeeting
      nextMeetingAt
      nextMeetingPlace
      viewerCanChange
      viewerTransitions
    }
  }
`);

const CONTEXT = { additionalTypenames: ['Meeting', 'MeetingAttachment'] };

export default function ProjectDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectDetailQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
    context: CONTEXT,
  });
  const [refusal, setRefusal] = useState<MoveRefusal | null>(null);
  const [recording, setRecording] = useState<{ kind?: MeetingKind } | null>(null);
  const [planning, setPlanning] = useState(false);
  const refetch = () => reexecute({ requestPolicy: 'network-only' });

  const p = data?.project;
  if (!data && fetching) return <LoadingState />;
  if (!data && error) return <ErrorState error={error} onRetry={refetch} />;
  if (!p)
    return (
      <ErrorState
        error={error ?? { graphQLErrors: [{ extensions: { code: 'NOT_FOUND' } }] }}
        onRetry={refetch}
      />
    );

  const { steps, current } = statusSteps(p.status, rejectedFromOf(p.timeline));
  const canRecord = p.viewerCanChange && meetingKindsFor(p.status).length > 0;
  const canPlan = p.viewerCanChange && plannableKindsFor(p.status).length > 0;
  const budget = formatBudget(p.budgetYuan, i18n.language);

  return (
    <div data-testid="project-detail" data-project-id={p.id}>
      <Page
        breadcrumb={
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[
              { title: <Link to="/projects">{t('admin:projectBoardNav')}</Link> },
              { title: <Link to={`/planning?street=${p.street.id}`}>{t('admin:planningNav')}</Link> },
              { title: p.title },
            ]}
          />
        }
        title={
          <Flex gap={8} align="center" wrap>
            <span>{p.title}</span>
            <Tag color={STATUS_COLORS[p.status]} data-testid="project-status" data-status={p.status}>
              {t(`enum:projectStatus.${p.status}`)}
            </Tag>
            {p.publiclyFunded ? (
              <Tag color="volcano" data-testid="project-funding">
                {t('admin:projectPubliclyFundedTag')}
              </Tag>
            ) : (
              <Tag data-testid="project-funding">{t('admin:projectSelfFundedTag')}</Tag>
            )}
          </Flex>
        }
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Steps
            current={current}
            size="small"
            data-testid="project-steps"
            items={steps.map((s) => ({
              status: s.state,
              title: t(`enum:projectStatus.${s.status}`),
              content:
                s.status === 'HEARING' && !p.publiclyFunded && p.status !== 'REJECTED'
                  ? t('admin:projectHearingOptional')
                  : undefined,
            }))}
          />
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
            <ProjectMoves project={p} onMoved={refetch} onRefusal={setRefusal} />
            <Flex gap={8} wrap>
              {canRecord ? (
                <Button icon={<PlusOutlined />} onClick={() => setRecording({})} data-testid="meeting-record">
                  {t('admin:meetingRecord')}
                </Button>
              ) : null}
              {canPlan ? (
                <Button
                  icon={<CalendarOutlined />}
                  onClick={() => setPlanning(true)}
                  data-testid="meeting-plan"
                >
                  {t('admin:meetingPlan')}
                </Button>
              ) : null}
            </Flex>
          </Flex>
          {p.publiclyFunded && p.status !== 'COMPLETED' && p.status !== 'REJECTED' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('admin:projectThreeMeetingsHint')}
            </Typography.Paragraph>
          ) : null}
        </Card>

        {error ? <ErrorAlert error={error} /> : null}
        {refusal ? (
          <MoveRefusalAlert
            refusal={refusal}
            status={p.status}
            canRecord={p.viewerCanChange}
            onRecord={(kind) => setRecording({ kind })}
            onClose={() => setRefusal(null)}
          />
        ) : null}

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('admin:projectInfo')} style={{ marginBottom: 16 }}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('admin:projectStreet')}>{p.street.name}</Descriptions.Item>
                <Descriptions.Item label={t('admin:projectCenter')}>
                  {p.center?.name ?? t('admin:notSet')}
                </Descriptions.Item>
                <Descriptions.Item label={t('admin:projectBudget')}>
                  {budget ?? t('admin:notSet')}
                </Descriptions.Item>
                <Descriptions.Item label={t('admin:projectOwner')}>
                  {p.ownerName ?? t('admin:notSet')}
                </Descriptions.Item>
                <Descriptions.Item label={t('admin:projectCreatedAt')}>
                  {formatDateTime(p.createdAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('admin:projectNextMeetingLabel')}>
                  {p.nextMeeting ? (
                    <span data-testid="project-next-meeting" data-kind={p.nextMeeting}>
                      <Tag color={isOverdue(p.nextMeetingAt, new Date()) ? 'red' : 'gold'}>
                        {t(`enum:meetingKind.${p.nextMeeting}`)}
                      </Tag>
                      {p.nextMeetingAt ? formatDateTime(p.nextMeetingAt) : t('admin:projectNotScheduled')}
                      {p.nextMeetingPlace ? ` · ${p.nextMeetingPlace}` : ''}
                    </span>
                  ) : (
                    t('admin:projectNoMeetingDue')
                  )}
                </Descriptions.Item>
                {p.description ? (
                  <Descriptions.Item label={t('admin:projectDescription')} span={2}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            <Card size="small" title={t('admin:projectDemands')} style={{ marginBottom: 16 }}>
              <Flex vertical gap={6} data-testid="project-demands">
                {p.demands.map((d) => (
                  <Flex
                    key={d.id}
                    gap={6}
                    wrap
                    align="center"
                    data-testid="project-demand"
                    data-title={d.title}
                  >
                    <Link to={`/planning?street=${p.street.id}&demand=${d.id}`}>{d.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.community.name}
                    </Typography.Text>
                    <Tag color={CATEGORY_COLORS[d.category]} style={{ marginInlineEnd: 0 }}>
                      {t(`enum:category.${d.category}`)}
                    </Tag>
                    <Tag color={DEMAND_STATUS_COLORS[d.status]} style={{ marginInlineEnd: 0 }}>
                      {t(`enum:demandStatus.${d.status}`)}
                    </Tag>
                  </Flex>
                ))}
              </Flex>
            </Card>
            <Card size="small" title={t('admin:projectResources')} style={{ marginBottom: 16 }}>
              {p.resources.length ? (
                <Flex gap={6} wrap data-testid="project-resources">
                  {p.resources.map((r) => (
                    <Tag key={r.id} data-testid="project-resource" data-name={r.name}>
                      {r.name} · {t(`enum:resourceKind.${r.kind}`)}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('admin:projectNoResources')}</Typography.Text>
              )}
            </Card>
            <Card
              size="small"
              title={t('admin:meetingsTitle')}
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('admin:meetingsAbout')}
                </Typography.Text>
              }
            >
              <div data-testid="meeting-list">
                <MeetingList meetings={p.meetings} canChange={p.viewerCanChange} onChanged={refetch} />
              </div>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('admin:projectTimeline')}>
              <div data-testid="project-timeline">
                <ProjectTimeline events={p.timeline} />
              </div>
            </Card>
          </Col>
        </Row>
      </Page>

      {recording ? (
        <MeetingFormDrawer
          projectId={p.id}
          projectTitle={p.title}
          status={p.status}
          kind={recording.kind}
          onClose={() => setRecording(null)}
          onRecorded={() => {
            setRefusal(null);
            refetch();
          }}
        />
      ) : null}
      {planning ? (
        <PlanMeetingModal
          projectId={p.id}
          status={p.status}
          onClose={() => setPlanning(false)}
          onPlanned={refetch}
        />
      ) : null}
    </div>
  );
}
