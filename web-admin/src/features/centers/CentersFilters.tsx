// Filters of the centers list: street/town, kind and free-text search.
import { CENTER_KINDS } from '@lc/domain';
import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionOptionGroup } from '../regions/useRegionOptions';

export interface CenterFilterValues {
  street?: string;
  kind?: string;
  search?: string;
}

export function streetSelectOptions(groups: readonly RegionOptionGroup[]): SelectProps<string>['options'] {
  const withStreets = groups.filter((g) => g.streets.length > 0);
  // One district (the usual case): a flat list of its streets; several: grouped by district.
  if (withStreets.length <= 1) {
    return (withStreets[0]?.streets ?? []).map((s) => ({ value: s.id, label: s.name }));
  }
  return withStreets.map((g, i) => ({
    label: g.district?.name ?? '—',
    title: g.district?.name,
    key: g.district?.id ?? `group-${i}`,
    options: g.streets.map((s) => ({ value: s.id, label: s.name })),
  }));
}

export function CentersFilters({
  values,
  streetGroups,
  streetsLoading,
  onChange,
}: {
  values: CenterFilterValues;
  streetGroups: readonly RegionOptionGroup[];
  streetsLoading: boolean;
  onChange: (next: CenterFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(values.search ?? '');

  // Keep the box in step when the URL changes (back/forward, links).
  useEffect(() => setText(values.search ?? ''), [values.search]);

  // Search as the user types, after a short pause.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (values.search ?? '')) return;
    const timer = window.setTimeout(() => onChange({ ...values, search: trimmed || undefined }), 350);
    return () => window.clearTimeout(timer);
  }, [text, values, onChange]);

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Select
        data-testid="centers-street-filter"
        style={{ width: 220 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        virtual={false}
        loading={streetsLoading}
        placeholder={t('admin:filterAllStreets')}
        value={values.street}
        onChange={(street?: string) => onChange({ ...values, street: street || undefined })}
        options={streetSelectOptions(streetGroups)}
        notFoundContent={t('common:empty')}
      />
      <Select
        data-testid="centers-kind-filter"
        style={{ width: 220 }}
        allowClear
        virtual={false}
        placeholder={t('admin:filterAllKinds')}
        value={values.kind}
        onChange={(kind?: string) => onChange({ ...values, kind: kind || undefined })}
        options={CENTER_KINDS.map((k) => ({ value: k, label: t(`enum:centerKind.${k}`) }))}
      />
      <Input
        data-testid="centers-search"
        style={{ width: 320 }}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('admin:filterSearchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          // Read the box itself: the latest keystroke may not have re-rendered yet.
          const v = e.currentTarget.value;
          setText(v);
          onChange({ ...values, search: v.trim() || undefined });
        }}
      />
    </Flex>
  );
}
