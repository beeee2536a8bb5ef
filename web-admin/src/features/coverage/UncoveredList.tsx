// Communities that no center reaches within the chosen walking time.
import { CheckCircleOutlined } from '@ant-design/icons';
import { Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';

export const UncoveredList_RegionFragment = graphql(`
  fragment UncoveredList_RegionFragment on Region {
    id
    name
    communityKind
    population
    parent {
      id
      name
    }
  }
`);

export function UncoveredList({
  communities,
  selectedId,
  onSelect,
}: {
  communities: readonly FragmentType<typeof UncoveredList_RegionFragment>[];
  selectedId?: string | null;
  onSelect?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const list = useFragment(UncoveredList_RegionFragment, communities);
  if (list.length === 0) {
    return (
      <div data-testid="uncovered-list">
        <Result status="success" icon={<CheckCircleOutlined />} title={t('admin:coverageAllCovered')} />
      </div>
    );
  }
  return (
    <div data-testid="uncovered-list" role="list" style={{ maxHeight: 460, overflow: 'auto' }}>
      {list.map((c) => (
        <div
          key={c.id}
          role="listitem"
          data-testid="uncovered-item"
          data-region-id={c.id}
          onClick={onSelect ? () => onSelect(c.id) : undefined}
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            gap: 8,
            padding: '8px',
            borderBottom: '1px solid #f0f0f0',
            cursor: onSelect ? 'pointer' : undefined,
            background: selectedId === c.id ? '#fff1f0' : undefined,
          }}
        >
          <div>
            <div style={{ fontWeight: 500 }} data-testid="uncovered-name">
              {c.name}
            </div>
            <Typography.Text type="secondary" data-testid="uncovered-street">
              {c.parent?.name ?? '—'}
            </Typography.Text>
          </div>
          <div style={{ textAlign: 'right' }}>
            {c.communityKind ? (
              <Tag style={{ marginInlineEnd: 0 }}>{t(`enum:communityKind.${c.communityKind}`)}</Tag>
            ) : null}
            {c.population != null ? (
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {t('admin:populationValue', { value: c.population.toLocaleString() })}
              </div>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
