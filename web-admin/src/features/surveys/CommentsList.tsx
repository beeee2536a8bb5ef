// 居民意见: the free-text answers of the surveys in scope, newest first, with filters (survey,
// center, dates, words in the text), and “转为需求” to turn one into a demand of a community.
// Who wrote a comment is never shown (the API does not know it for anonymous surveys).
import { Button, DatePicker, Flex, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useReducer, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { SurveyCommentsQuery } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter, initialPager, pagerReducer } from '../../ui/cursorPager';
import { FilterSelect } from '../../ui/FilterSelect';
import { SearchBox } from '../../ui/SearchBox';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { scoreColor } from '../dashboard/dashboardModel';
import { useOrderCenters } from '../orders/useOrderCenters';
import { TurnIntoDemandModal, type CommentForDemand } from './TurnIntoDemandModal';

const SurveyCommentsQuery = graphql(`
  query SurveyComments($filter: SurveyCommentFilter, $first: Int, $after: String) {
    surveyComments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          text
          question
          surveyTitle
          submittedAt
          channel
          score
          center {
            id
            name
            street {
              id
            }
          }
          survey {
            id
            viewerCanManage
            region {
              id
              level
              parent {
                id
              }
            }
          }
          demand {
            id
            title
            street {
              id
            }
          }
        }
      }
    }
  }
`);

const ROW_STYLE: CSSProperties = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' };

type Comment = SurveyCommentsQuery['surveyComments']['edges'][number]['node'];

/** The street whose communities a comment's demand may go to, and a community to preselect. */
function demandPlaceOf(
  c: Comment,
  scope: { id: string; level: string } | null | undefined,
): CommentForDemand {
  const region = c.survey.region;
  const streetId =
    c.center?.street.id ??
    (region?.level === 'STREET'
      ? region.id
      : region?.level === 'COMMUNITY'
        ? region.parent?.id
        : undefined) ??
    (scope?.level === 'STREET' ? scope.id : undefined);
  return {
    id: c.id,
    text: c.text,
    streetId,
    communityId: region?.level === 'COMMUNITY' ? region.id : undefined,
  };
}

export function CommentsList({
  surveyId,
  surveyOptions,
}: {
  /** a single survey's comments (its detail page) */
  surveyId?: string;
  /** the surveys to filter by (the surveys page) */
  surveyOptions?: readonly { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const centers = useOrderCenters(viewer);
  const [pager, dispatch] = useReducer(pagerReducer, undefined, () => initialPager());
  const [survey, setSurvey] = useState<string | undefined>(undefined);
  const [center, setCenter] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const [turning, setTurning] = useState<CommentForDemand | null>(null);
  const first = () => dispatch({ type: 'first' });

  const filter = useMemo(
    () => ({
      surveyId: surveyId ?? survey,
      centerId: center,
      from: range ? range[0].startOf('day').toISOString() : undefined,
      to: range ? range[1].add(1, 'day').startOf('day').toISOString() : undefined,
      search,
    }),
    [surveyId, survey, center, range, search],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SurveyCommentsQuery,
    variables: { filter, first: pager.pageSize, after: currentAfter(pager) },
  });
  const connection = data?.surveyComments;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const onSearch = useCallback((s: string | undefined) => {
    setSearch(s);
    dispatch({ type: 'first' });
  }, []);

  let body;
  if (error && !connection)
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!connection) body = <LoadingState />;
  else if (rows.length === 0) body = <EmptyState description={t('admin:surveyNoComments')} />;
  else
    body = (
      <div>
        {rows.map((c) => (
          <Flex
            key={c.id}
            gap={12}
            align="start"
            justify="space-between"
            data-testid="comment-row"
            data-comment-id={c.id}
            style={ROW_STYLE}
          >
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Paragraph style={{ marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true }}>
                {c.text}
              </Typography.Paragraph>
              <Space size={[8, 4]} wrap style={{ fontSize: 12 }}>
                {c.score !== null && c.score !== undefined ? (
                  <Tag color={scoreColor(c.score * 10)}>{c.score.toFixed(1)}</Tag>
                ) : null}
                <Typography.Text type="secondary">{c.surveyTitle}</Typography.Text>
                <Typography.Text type="secondary">· {c.question}</Typography.Text>
                {c.center ? <Typography.Text type="secondary">· {c.center.name}</Typography.Text> : null}
                <Typography.Text type="secondary">· {t(`enum:responseChannel.${c.channel}`)}</Typography.Text>
                <Typography.Text type="secondary">
                  · {dayjs(c.submittedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Space>
            </div>
            {c.demand ? (
              <Link
                to={`/planning?street=${encodeURIComponent(c.demand.street.id)}&demand=${encodeURIComponent(c.demand.id)}`}
                data-testid="comment-demand"
              >
                <Tag color="green">{t('admin:surveyDemandMade', { title: c.demand.title })}</Tag>
              </Link>
            ) : (
              <Button
                size="small"
                onClick={() => setTurning(demandPlaceOf(c, viewer.scope))}
                data-testid="comment-to-demand"
              >
                {t('admin:surveyToDemand')}
              </Button>
            )}
          </Flex>
        ))}
      </div>
    );

  return (
    <div data-testid="comments-list" aria-busy={fetching}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        {surveyId ? null : (
          <FilterSelect
            testId="comments-survey-filter"
            width={220}
            placeholder={t('admin:surveyAllSurveys')}
            value={survey}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v) => {
              setSurvey(v);
              first();
            }}
            options={[...(surveyOptions ?? [])]}
            notFoundContent={t('common:empty')}
          />
        )}
        {surveyId || centers.fixedCenter ? null : (
          <FilterSelect
            testId="comments-center-filter"
            width={220}
            placeholder={t('admin:surveyAllCenters')}
            value={center}
            loading={centers.fetching}
            showSearch={{
              optionFilterProp: 'label',
              ...(centers.serverSearch ? { onSearch: centers.onSearch, filterOption: false } : {}),
            }}
            onChange={(v) => {
              setCenter(v);
              first();
            }}
            options={centers.centers.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
        )}
        <DatePicker.RangePicker
          data-testid="comments-dates"
          value={range}
          onChange={(v) => {
            setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
            first();
          }}
        />
        <SearchBox
          testId="comments-search"
          width={220}
          value={search}
          onSearch={onSearch}
          placeholder={t('admin:surveyCommentsSearch')}
        />
      </Flex>
      {body}
      <CursorPagination
        pager={pager}
        dispatch={dispatch}
        connection={connection}
        rowCount={rows.length}
        disabled={fetching}
        testIdPrefix="comments-pager"
      />
      {turning ? (
        <TurnIntoDemandModal
          comment={turning}
          onClose={() => setTurning(null)}
          onDone={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </div>
  );
}
