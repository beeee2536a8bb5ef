// 我的反映: the problems I reported (and those a report of mine was merged into), newest first,
// with their status; the ones waiting for my answer come with a note. A button leads to 我要反映.
import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { formatOrderTime } from '../orders/order-format';
import { Tag } from '../../ui/Tag';
import { statusTone } from './case-format';
import '../account/account.css';
import './cases.css';

const MyCasesQuery = graphql(`
  query ResidentMyCases($first: Int!) {
    myCases(first: $first) {
      totalCount
      edges {
        node {
          id
          description
          status
          reportedAt
          viewerIsReporter
          viewerActions
          category {
            name
            nameEn
          }
        }
      }
    }
  }
`);

export default function MyCasesPage() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyCasesQuery,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const cases = data?.myCases.edges.map((e) => e.node) ?? [];
  return (
    <div className="page my-cases-page" data-testid="my-cases-page">
      <PageHeader title={t('myCasesTitle')} back />
      <Link className="big-button big-button-primary" to="/report" data-testid="my-cases-report">
        {t('caseReportTitle')}
      </Link>
      {error && !data ? (
        <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : fetching && !data ? (
        <LoadingView />
      ) : cases.length === 0 ? (
        <EmptyView title={t('myCasesEmpty')} hint={t('myCasesEmptyHint')} />
      ) : (
        <ul className="card-list case-list" data-testid="my-cases-list">
          {cases.map((c) => (
            <li key={c.id}>
              <Link className="case-card" to={`/my-cases/${c.id}`} data-testid="my-case" data-case-id={c.id}>
                <span className="case-card-main">
                  <span className="case-card-title">
                    <Tag tone={statusTone(c.status)}>{t(`enum:caseStatus.${c.status}`)}</Tag>
                    {c.category
                      ? i18n.language.startsWith('zh')
                        ? c.category.name
                        : c.category.nameEn
                      : null}
                  </span>
                  <span className="case-card-text">{c.description}</span>
                  <span className="muted">{formatOrderTime(c.reportedAt, i18n.language)}</span>
                  {c.viewerActions.includes('CONFIRM_FIXED') ? (
                    <span className="case-card-ask">{t('myCasesAnswer')}</span>
                  ) : null}
                </span>
                <RightOutline aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
