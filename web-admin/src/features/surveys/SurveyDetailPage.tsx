// /surveys/:id — one survey: what it is about, its status, dates and responses, with its
// manager's actions (edit a draft, open, close), and tabs for paper entry (纸质录入), Excel import,
// residents' comments (居民意见) and the questions. The tab lives in the address.
import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { CommentsList } from './CommentsList';
import { PaperEntryForm } from './PaperEntryForm';
import { SurveyFormDrawer } from './SurveyFormDrawer';
import { SurveyImportPanel } from './SurveyImportPanel';
import { STATUS_COLORS, formatWhen, subjectName } from './SurveysPage';
import { SurveyStatusButton } from './SurveyStatusButton';
import { detailTabOf, type SurveyDetailTab } from './surveyModel';

const SurveyDetailQuery = graphql(`
  query SurveyDetail($id: ID!) {
    survey(id: $id) {
      id
      title
      description
      status
      scopeKind
      anonymous
      opensAt
      closesAt
      responseCount
      acceptingResponses
      viewerCanManage
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
        position
        kind
        text
        required
        options
        dimension
      }
      ...SurveyFormDrawer_SurveyFragment
    }
  }
`);

export default function SurveyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [{ data, error }, reexecute] = useQuery({ query: SurveyDetailQuery, variables: { id } });
  const survey = data?.survey;
  const tab = detailTabOf(params.get('tab'), survey ?? null);
  const setTab = (next: string) => {
    const out = new URLSearchParams(params);
    out.set('tab', next);
    setParams(out, { replace: true });
  };
  const questions = useMemo(() => survey?.questions ?? [], [survey]);

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { title: <Link to="/surveys">{t('admin:surveyPageTitle')}</Link> },
        { title: survey?.title ?? '…' },
      ]}
    />
  );

  if (error && !survey)
    return (
      <div data-testid="survey-detail">
        {breadcrumb}
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!data) return <LoadingState />;
  if (!survey)
    return (
      <div data-testid="survey-detail">
        {breadcrumb}
        <EmptyState description={t('admin:surveyNotFound')} />
      </div>
    );

  const items: { key: SurveyDetailTab; label: string; children: React.ReactNode }[] = [
    ...(survey.viewerCanManage
      ? [
          {
            key: 'paper' as const,
            label: t('admin:surveyTabPaper'),
            children: tab === 'paper' ? <PaperEntryForm survey={survey} /> : null,
          },
          {
            key: 'import' as const,
            label: t('admin:surveyTabImport'),
            children: tab === 'import' ? <SurveyImportPanel survey={survey} /> : null,
          },
        ]
      : []),
    {
      key: 'comments',
      label: t('admin:surveyTabComments'),
      children: tab === 'comments' ? <CommentsList surveyId={survey.id} /> : null,
    },
    {
      key: 'questions',
      label: t('admin:surveyTabQuestions'),
      children: (
        <Table
          data-testid="survey-questions"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={questions}
          columns={[
            { title: '#', dataIndex: 'position', key: 'position', width: 50 },
            { title: t('admin:surveyQuestionText'), dataIndex: 'text', key: 'text' },
            {
              title: t('admin:surveyQuestionKind'),
              key: 'kind',
              render: (_: unknown, q: (typeof questions)[number]) => t(`enum:questionKind.${q.kind}`),
            },
            {
              title: t('admin:surveyQuestionOptions'),
              key: 'options',
              render: (_: unknown, q: (typeof questions)[number]) =>
                (q.options ?? []).map((o, i) => `${i + 1} ${o}`).join('　') || '—',
            },
            {
              title: t('admin:surveyQuestionDimension'),
              key: 'dimension',
              render: (_: unknown, q: (typeof questions)[number]) =>
                q.dimension ? t(`enum:dimension.${q.dimension}`) : '—',
            },
            {
              title: t('admin:surveyQuestionRequired'),
              key: 'required',
              width: 70,
              render: (_: unknown, q: (typeof questions)[number]) => (q.required ? '✓' : ''),
            },
          ]}
        />
      ),
    },
  ];

  return (
    <div data-testid="survey-detail" data-survey-id={survey.id} data-status={survey.status}>
      <Page
        breadcrumb={breadcrumb}
        title={
          <Flex gap={8} align="center" wrap>
            <span>{survey.title}</span>
            <Tag color={STATUS_COLORS[survey.status]} data-testid="survey-detail-status">
              {t(`enum:surveyStatus.${survey.status}`)}
            </Tag>
          </Flex>
        }
        extra={
          <>
            {survey.viewerCanManage && survey.status === 'DRAFT' ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="survey-edit">
                {t('admin:surveyEdit')}
              </Button>
            ) : null}
            <SurveyStatusButton survey={survey} />
          </>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('admin:surveyScope')}>
            {t(`enum:surveyScope.${survey.scopeKind}`)} · {subjectName(survey) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:surveyPeriod')}>
            {t('admin:surveyPeriodValue', {
              from: formatWhen(survey.opensAt) ?? t('admin:surveyOnceOpened'),
              to: formatWhen(survey.closesAt) ?? t('admin:surveyUntilClosed'),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:surveyResponses')}>
            <span data-testid="survey-response-count">{survey.responseCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:surveyAnonymous')}>
            {survey.anonymous ? t('admin:surveyYes') : t('admin:surveyNo')}
          </Descriptions.Item>
        </Descriptions>
        {survey.description ? (
          <Typography.Paragraph type="secondary">{survey.description}</Typography.Paragraph>
        ) : null}
        <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      </Page>
      {editing ? (
        <SurveyFormDrawer survey={survey} onClose={() => setEditing(false)} onSaved={() => undefined} />
      ) : null}
    </div>
  );
}
