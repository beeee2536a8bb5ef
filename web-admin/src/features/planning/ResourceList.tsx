// 资源清单: the resources serving the street (or one community), a page at a time: kind,
// category, area, capacity in use, and the masked contact. The owning street's staff may reveal
// the contact person after giving a reason; every reveal is recorded by the API.
import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ResourceFilter } from '../../gql/graphql';
import { useErrorMessage } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { CATEGORY_COLORS } from './planningModel';
import { ListRow, PLANNING_PAGE_SIZE, PageRows } from './PlanningColumn';
import { useLoadMorePages, type LoadedPage } from './useLoadMorePages';

const ResourceListQuery = graphql(`
  query PlanningResources($filter: ResourceFilter!, $first: Int!, $after: String) {
    resources(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          category
          description
          capacity
          availability
          contactMasked
          activeProjects
          viewerCanRevealContact
          region {
            id
            name
            level
          }
        }
      }
    }
  }
`);

const RevealResourceContactMutation = graphql(`
  mutation RevealResourceContact($id: ID!, $reason: String) {
    revealResourceContact(id: $id, reason: $reason) {
      name
      phone
    }
  }
`);

const CONTEXT = { additionalTypenames: ['Resource', 'Project'] };
const REASON_MAX = 200;

const testIdProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;

/** "查看联系方式": asks why, reveals the contact (recorded), and shows it in place of the mask. */
export function RevealContact({ resourceId }: { resourceId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [, reveal] = useMutation(RevealResourceContactMutation);

  if (contact) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<PhoneOutlined />}
        data-testid="resource-contact"
        style={{ marginTop: 6, padding: '4px 8px' }}
        title={
          <span>
            {contact.name ?? t('admin:planningContactNoName')} {contact.phone ?? ''}
          </span>
        }
        description={<span style={{ fontSize: 12 }}>{t('admin:planningContactRecorded')}</span>}
      />
    );
  }

  return (
    <Popconfirm
      title={t('admin:planningRevealTitle')}
      description={
        <div style={{ maxWidth: 280 }} onClick={(e) => e.stopPropagation()}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {t('admin:planningRevealHint')}
          </Typography.Paragraph>
          <Input
            data-testid="resource-reveal-reason"
            placeholder={t('admin:planningRevealReason')}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      }
      okText={t('admin:planningRevealOk')}
      cancelText={t('common:cancel')}
      okButtonProps={testIdProps('resource-reveal-confirm')}
      cancelButtonProps={testIdProps('resource-reveal-cancel')}
      onConfirm={async () => {
        const res = await reveal({ id: resourceId, reason: reason.trim() || null });
        if (res.error || !res.data) {
          const own = res.error?.graphQLErrors[0]?.message;
          message.error(own ? localizeBilingual(own, i18n.language) : errorMessage(res.error));
          return;
        }
        const { name, phone } = res.data.revealResourceContact;
        setContact({ name: name ?? null, phone: phone ?? null });
      }}
    >
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        data-testid="resource-reveal"
        style={{ padding: 0 }}
      >
        {t('admin:planningReveal')}
      </Button>
    </Popconfirm>
  );
}

function ResourcePage({ page, filter }: { page: LoadedPage; filter: ResourceFilter }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourceListQuery,
    variables: { filter, first: PLANNING_PAGE_SIZE, after: page.after },
    context: CONTEXT,
  });
  return (
    <PageRows
      page={page}
      fetching={fetching}
      error={error}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={data?.resources}
      emptyText={t('admin:planningNoResources')}
      moreTestId="resource-list-more"
      renderRow={(r) => (
        <ListRow data-testid="resource-row" data-name={r.name}>
          <Flex justify="space-between" gap={8} align="flex-start">
            <Typography.Text strong style={{ flex: 1 }}>
              {r.name}
            </Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`enum:resourceKind.${r.kind}`)}</Tag>
          </Flex>
          <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
            <Tag color={CATEGORY_COLORS[r.category]} style={{ marginInlineEnd: 0 }}>
              {t(`enum:category.${r.category}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('admin:planningServes', { area: r.region.name })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="resource-capacity">
              ·{' '}
              {r.capacity === null || r.capacity === undefined
                ? t('admin:planningInUseUnlimited', { active: r.activeProjects })
                : t('admin:planningInUse', { active: r.activeProjects, capacity: r.capacity })}
            </Typography.Text>
          </Flex>
          {r.availability ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
              {t('admin:planningAvailability')}
              {t('admin:planningColon')}
              {r.availability}
            </Typography.Text>
          ) : null}
          <Flex gap={8} align="center" wrap style={{ marginTop: 4, fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="resource-contact-masked">
              {t('admin:planningContact')}
              {t('admin:planningColon')}
              {r.contactMasked ?? t('admin:planningContactNone')}
            </Typography.Text>
            {r.viewerCanRevealContact && r.contactMasked ? <RevealContact resourceId={r.id} /> : null}
          </Flex>
        </ListRow>
      )}
    />
  );
}

export function ResourceList({ filter }: { filter: ResourceFilter }) {
  const pages = useLoadMorePages();
  return (
    <>
      {pages.map((p) => (
        <ResourcePage key={p.after ?? 'first'} page={p} filter={filter} />
      ))}
    </>
  );
}
