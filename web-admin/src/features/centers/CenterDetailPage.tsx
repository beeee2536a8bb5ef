// /centers/:id — everything about one center; "编辑" only when the server says the viewer may.
import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/states';
import { CenterCommunities } from './CenterCommunities';
import { CenterEditDrawer } from './CenterEditDrawer';
import { CenterOfferings } from './CenterOfferings';
import { CenterProfile } from './CenterProfile';
import { DutyToday } from '../team/DutyToday';

const CenterDetailPageQuery = graphql(`
  query CenterDetailPage($id: ID!) {
    center(id: $id) {
      id
      name
      kind
      viewerCanEdit
      ...CenterProfile_CenterFragment
      ...DutyToday_CenterFragment
      ...CenterCommunities_CenterFragment
      ...CenterOfferings_CenterFragment
      ...CenterEditDrawer_CenterFragment
    }
  }
`);

export default function CenterDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CenterDetailPageQuery,
    variables: { id },
  });

  const breadcrumb = (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: <Link to="/centers">{t('admin:navCenters')}</Link> },
        { title: data?.center?.name ?? t('common:loading') },
      ]}
    />
  );

  if (fetching && !data) return <LoadingState />;
  if (error && !data?.center) {
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const center = data?.center;
  if (!center) {
    return (
      <Result
        status="404"
        title={t('enum:error.NOT_FOUND')}
        extra={
          <Link to="/centers">
            <Button type="primary">{t('admin:backToCenters')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <Page
      breadcrumb={breadcrumb}
      title={
        <span data-testid="center-title">
          {center.name} <Tag color="blue">{t(`enum:centerKind.${center.kind}`)}</Tag>
        </span>
      }
      extra={
        center.viewerCanEdit ? (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="center-edit-button"
          >
            {t('admin:edit')}
          </Button>
        ) : null
      }
    >
      <CenterProfile center={center} />
      <DutyToday center={center} />
      <CenterCommunities center={center} />
      <CenterOfferings center={center} />
      {editing && center.viewerCanEdit ? (
        <CenterEditDrawer center={center} onClose={() => setEditing(false)} />
      ) : null}
    </Page>
  );
}
