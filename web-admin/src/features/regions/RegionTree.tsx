// District → street → community tree, loading children as nodes are expanded.
import { Flex, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useErrorMessage } from '../../ui/states';

export const RegionTree_RegionFragment = graphql(`
  fragment RegionTree_RegionFragment on Region {
    id
    name
    level
    communityKind
    population
  }
`);

const RegionTreeChildrenQuery = graphql(`
  query RegionTreeChildren($parentId: ID!) {
    regions(parentId: $parentId) {
      id
      ...RegionTree_RegionFragment
    }
  }
`);

type RegionRef = FragmentType<typeof RegionTree_RegionFragment>;

interface RegionNodeData {
  id: string;
  name: string;
  level: string;
  communityKind?: string | null;
  population?: number | null;
}

export function RegionTree({
  roots,
  selectedId,
  onSelect,
}: {
  roots: readonly RegionRef[];
  selectedId: string | null;
  onSelect: (id: string, level: string) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const errorMessage = useErrorMessage();
  const rootNodes = useFragment(RegionTree_RegionFragment, roots);
  const [children, setChildren] = useState<Record<string, RegionNodeData[]>>({});
  const [loadErrors, setLoadErrors] = useState<Record<string, string>>({});
  const [expandedKeys, setExpandedKeys] = useState<React.Key[]>(() =>
    rootNodes.length === 1 ? [rootNodes[0].id] : [],
  );

  const loadChildren = useCallback(
    async (parentId: string) => {
      const res = await client.query(RegionTreeChildrenQuery, { parentId }).toPromise();
      if (res.error || !res.data) {
        setLoadErrors((e) => ({ ...e, [parentId]: errorMessage(res.error) }));
        return;
      }
      const list = useFragment(RegionTree_RegionFragment, res.data.regions).map((r) => ({ ...r }));
      setLoadErrors(({ [parentId]: _dropped, ...rest }) => rest);
      setChildren((c) => ({ ...c, [parentId]: list }));
    },
    [client, errorMessage],
  );

  const levelOf = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of rootNodes) m.set(r.id, r.level);
    for (const list of Object.values(children)) for (const r of list) m.set(r.id, r.level);
    return m;
  }, [rootNodes, children]);

  const treeData = useMemo(() => {
    const build = (r: RegionNodeData): TreeDataNode => {
      const kids = children[r.id];
      const isLeaf = r.level === 'COMMUNITY' || (kids !== undefined && kids.length === 0);
      return {
        key: r.id,
        isLeaf,
        title: (
          <Flex gap={6} align="center" wrap data-testid="region-node">
            <span>{r.name}</span>
            <Tag color={r.level === 'DISTRICT' ? 'geekblue' : r.level === 'STREET' ? 'cyan' : 'default'}>
              {r.communityKind
                ? t(`enum:communityKind.${r.communityKind}`)
                : t(`enum:regionLevel.${r.level}`)}
            </Tag>
            {r.population != null ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin:populationValue', { value: r.population.toLocaleString() })}
              </Typography.Text>
            ) : null}
            {loadErrors[r.id] ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {loadErrors[r.id]}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
        children: kids?.map(build),
      };
    };
    return rootNodes.map((r) => build(r));
  }, [rootNodes, children, loadErrors, t]);

  return (
    <Tree
      data-testid="region-tree"
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => setExpandedKeys(keys)}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys, info) => {
        if (keys.length === 0) return;
        const id = String(keys[0]);
        onSelect(id, levelOf.get(id) ?? String((info.node as { level?: string }).level ?? 'COMMUNITY'));
      }}
      loadData={async (node) => {
        const id = String(node.key);
        if (children[id]) return;
        await loadChildren(id);
      }}
    />
  );
}
