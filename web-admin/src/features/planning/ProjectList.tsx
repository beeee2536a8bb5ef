// 项目清单: the projects of the street (or touching one community), newest first, a page at a
// time: status, whether paid from public money (财力), budget and the next meeting. A click opens
// the project.
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProjectFilter } from '../../gql/graphql';
import { STATUS_COLORS, formatBudget } from '../projects/projectModel';
import { ListRow, PLANNING_PAGE_SIZE, PageRows } from './PlanningColumn';
import { useLoadMorePages, type LoadedPage } from './useLoadMorePages';

const ProjectListQuery = graphql(`
  query PlanningProjects($filter: ProjectFilter!, $first: Int!, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          publiclyFunded
          budgetYuan
          nextMeeting
          demands {
            id
            community {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CONTEXT = { additionalTypenames: ['Project'] };

function ProjectPage({ page, filter }: { page: LoadedPage; filter: ProjectFilter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectListQuery,
    variables: { filter, first: PLANNING_PAGE_SIZE, after: page.after },
    context: CONTEXT,
  });
  return (
    <PageRows
      page={page}
      fetching={fetching}
      error={error}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={data?.projects}
      emptyText={t('admin:planningNoProjects')}
      moreTestId="project-list-more"
      renderRow={(p) => {
        const communities = [...new Set(p.demands.map((d) => d.community.name))];
        const budget = formatBudget(p.budgetYuan, i18n.language);
        return (
          <ListRow
            data-testid="project-row"
            data-title={p.title}
            data-status={p.status}
            onClick={() => navigate(`/projects/${p.id}`)}
          >
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong style={{ flex: 1 }}>
                {p.title}
              </Typography.Text>
              <Tag color={STATUS_COLORS[p.status]} style={{ marginInlineEnd: 0 }}>
                {t(`enum:projectStatus.${p.status}`)}
              </Tag>
            </Flex>
            <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
              {p.publiclyFunded ? (
                <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                  {t('admin:projectPubliclyFundedTag')}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }}>{t('admin:projectSelfFundedTag')}</Tag>
              )}
              {budget ? (
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('admin:projectBudget')} {budget}
                </Typography.Text>
              ) : null}
              {communities.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  · {communities.join(t('admin:listSeparator'))}
                </Typography.Text>
              ) : null}
              {p.nextMeeting ? (
                <Tag color="gold" style={{ marginInlineEnd: 0, marginInlineStart: 'auto' }}>
                  {t('admin:projectNextMeeting', { kind: t(`enum:meetingKind.${p.nextMeeting}`) })}
                </Tag>
              ) : null}
            </Flex>
          </ListRow>
        );
      }}
    />
  );
}

export function ProjectList({ filter }: { filter: ProjectFilter }) {
  const pages = useLoadMorePages();
  return (
    <>
      {pages.map((p) => (
        <ProjectPage key={p.after ?? 'first'} page={p} filter={filter} />
      ))}
    </>
  );
}
