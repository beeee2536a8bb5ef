// The matching panel of a demand: the resources the API suggests, best first, each with its
// score as a bar split by factor and the reasons the points were given (same category, serves
// the community or nearby, spare capacity, past project reviews). Staff tick resources, may add
// other open demands of the street, and make a project of them.
import { PlusOutlined } from '@ant-design/icons';
import { PAGE_MAX } from '@lc/domain';
import { Button, Checkbox, Empty, Flex, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorState } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { CreateProjectDrawer } from '../projects/CreateProjectDrawer';
import {
  CATEGORY_COLORS,
  MATCH_FACTOR_COLORS,
  MATCH_SCORE_MAX,
  factorMax,
  formatPoints,
  scoreSegments,
  type MatchFactor,
} from './planningModel';

const ResourceMatchesQuery = graphql(`
  query ResourceMatches($demandId: ID!, $first: Int) {
    resourceMatches(demandId: $demandId, first: $first) {
      score
      reasons {
        factor
        points
        explanation
      }
      resource {
        id
        name
        kind
        category
        capacity
        activeProjects
        region {
          id
          name
        }
      }
    }
  }
`);

const OpenDemandsQuery = graphql(`
  query OpenStreetDemands($filter: DemandFilter!, $first: Int!) {
    demands(filter: $filter, first: $first) {
      edges {
        node {
          id
          title
          community {
            id
            name
          }
        }
      }
    }
  }
`);

const MATCHES_SHOWN = 10;

/** The score bar: one coloured part per factor, on a track as wide as the highest possible score. */
export function ScoreBar({
  score,
  reasons,
}: {
  score: number;
  reasons: readonly { factor: string; points: number }[];
}) {
  const { t } = useTranslation();
  const segments = scoreSegments(reasons);
  return (
    <Flex align="center" gap={8} data-testid="match-score" data-score={String(score)}>
      <div
        style={{
          flex: 1,
          height: 10,
          borderRadius: 5,
          background: '#f0f0f0',
          display: 'flex',
          overflow: 'hidden',
          minWidth: 80,
        }}
        role="img"
        aria-label={t('admin:planningScoreOf', { score: formatPoints(score), max: MATCH_SCORE_MAX })}
      >
        {segments.map((s) => (
          <Tooltip
            key={s.factor}
            title={`${t(`admin:planningFactor${s.factor}`, { defaultValue: s.factor })} +${formatPoints(s.points)}`}
          >
            <div style={{ width: `${s.width}%`, background: s.color, height: '100%' }} />
          </Tooltip>
        ))}
      </div>
      <Typography.Text strong style={{ minWidth: 56, textAlign: 'right' }}>
        {formatPoints(score)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          /{MATCH_SCORE_MAX}
        </Typography.Text>
      </Typography.Text>
    </Flex>
  );
}

export function MatchPanel({
  demand,
  streetId,
  canCreate,
}: {
  demand: { id: string; title: string; status: string };
  streetId: string;
  /** the viewer keeps this street's lists (ticks and makes projects) */
  canCreate: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const [extraDemands, setExtraDemands] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourceMatchesQuery,
    variables: { demandId: demand.id, first: MATCHES_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [openDemands] = useQuery({
    query: OpenDemandsQuery,
    variables: { filter: { regionId: streetId, status: 'OPEN' }, first: PAGE_MAX },
    pause: !canCreate,
  });
  const otherDemands = useMemo(
    () => (openDemands.data?.demands.edges.map((e) => e.node) ?? []).filter((d) => d.id !== demand.id),
    [openDemands.data, demand.id],
  );
  const matches = data?.resourceMatches ?? [];
  const closed = demand.status === 'CLOSED';

  const toggle = (id: string, on: boolean) =>
    setPicked((list) => (on ? [...list, id] : list.filter((x) => x !== id)));

  const pickedResources = matches.filter((m) => picked.includes(m.resource.id)).map((m) => m.resource);
  const pickedDemands = [
    { id: demand.id, title: demand.title },
    ...otherDemands.filter((d) => extraDemands.includes(d.id)).map((d) => ({ id: d.id, title: d.title })),
  ];

  return (
    <div data-testid="match-panel">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('admin:planningMatchTitle')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {(['CATEGORY', 'AREA', 'CAPACITY', 'REVIEWS'] as MatchFactor[]).map((f) => (
            <Flex key={f} align="center" gap={4} style={{ fontSize: 12 }}>
              <span
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: MATCH_FACTOR_COLORS[f],
                  display: 'inline-block',
                }}
              />
              {t(`admin:planningFactor${f}`)}
            </Flex>
          ))}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('admin:planningMatchHint')}
      </Typography.Paragraph>

      {!data && fetching ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {!data && error ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {data && matches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin:planningNoMatches')} />
      ) : null}

      {matches.map((m) => {
        const checked = picked.includes(m.resource.id);
        return (
          <div
            key={m.resource.id}
            data-testid="match-row"
            data-name={m.resource.name}
            style={{
              border: `1px solid ${checked ? '#91caff' : '#f0f0f0'}`,
              background: checked ? '#f0f7ff' : undefined,
              borderRadius: 8,
              padding: 10,
              marginBottom: 8,
            }}
          >
            <Flex align="center" gap={8}>
              {canCreate && !closed ? (
                <Checkbox
                  data-testid="match-pick"
                  checked={checked}
                  onChange={(e) => toggle(m.resource.id, e.target.checked)}
                  aria-label={m.resource.name}
                />
              ) : null}
              <Typography.Text strong style={{ flex: 1 }}>
                {m.resource.name}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`enum:resourceKind.${m.resource.kind}`)}</Tag>
              <Tag color={CATEGORY_COLORS[m.resource.category]} style={{ marginInlineEnd: 0 }}>
                {t(`enum:category.${m.resource.category}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('admin:planningServes', { area: m.resource.region.name })} ·{' '}
              {m.resource.capacity === null || m.resource.capacity === undefined
                ? t('admin:planningInUseUnlimited', { active: m.resource.activeProjects })
                : t('admin:planningInUse', {
                    active: m.resource.activeProjects,
                    capacity: m.resource.capacity,
                  })}
            </Typography.Text>
            <div style={{ margin: '6px 0' }}>
              <ScoreBar score={m.score} reasons={m.reasons} />
            </div>
            <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
              {m.reasons.map((r) => {
                const max = factorMax(r.factor);
                return (
                  <li key={r.factor} data-testid="match-reason" data-factor={r.factor}>
                    <Typography.Text style={{ fontSize: 12 }} strong>
                      {t(`admin:planningFactor${r.factor}`, { defaultValue: r.factor })}{' '}
                      <span
                        style={{
                          color: r.points > 0 ? MATCH_FACTOR_COLORS[r.factor as MatchFactor] : undefined,
                        }}
                      >
                        +{formatPoints(r.points)}
                        {max !== null ? `/${max}` : ''}
                      </span>
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('admin:planningColon')}
                      {localizeBilingual(r.explanation, i18n.language)}
                    </Typography.Text>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}

      {canCreate && !closed ? (
        <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginTop: 8 }}>
          <Typography.Text>{t('admin:planningAlsoDemands')}</Typography.Text>
          <Select
            mode="multiple"
            data-testid="match-extra-demands"
            virtual={false}
            style={{ width: '100%', margin: '6px 0 12px' }}
            value={extraDemands}
            onChange={setExtraDemands}
            loading={openDemands.fetching}
            placeholder={t('admin:planningAlsoDemandsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={otherDemands.map((d) => ({ value: d.id, label: `${d.title}（${d.community.name}）` }))}
            notFoundContent={t('admin:planningNoOtherDemands')}
          />
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary" data-testid="match-picked-count">
              {t('admin:planningPicked', { resources: picked.length, demands: pickedDemands.length })}
            </Typography.Text>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="project-create"
            >
              {t('admin:planningMakeProject')}
            </Button>
          </Flex>
        </div>
      ) : null}

      {creating ? (
        <CreateProjectDrawer
          streetId={streetId}
          demands={pickedDemands}
          resources={pickedResources}
          defaultTitle={demand.title}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </div>
  );
}
