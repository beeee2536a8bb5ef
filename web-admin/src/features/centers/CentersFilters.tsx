// Filters of the centers list: street/town, kind and free-text search.
import { CENTER_KINDS } from '@lc/domain';
import { Flex, type SelectProps } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../ui/FilterSelect';
import { SearchBox } from '../../ui/SearchBox';
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
  const onSearch = useCallback(
    (search: string | undefined) => onChange({ ...values, search }),
    [values, onChange],
  );

  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <FilterSelect
        testId="centers-street-filter"
        width={220}
        showSearch={{ optionFilterProp: 'label' }}
        loading={streetsLoading}
        placeholder={t('admin:filterAllStreets')}
        value={values.street}
        onChange={(street) => onChange({ ...values, street })}
        options={streetSelectOptions(streetGroups)}
        notFoundContent={t('common:empty')}
      />
      <FilterSelect
        testId="centers-kind-filter"
        width={220}
        placeholder={t('admin:filterAllKinds')}
        value={values.kind}
        onChange={(kind) => onChange({ ...values, kind })}
        options={CENTER_KINDS.map((k) => ({ value: k, label: t(`enum:centerKind.${k}`) }))}
      />
      <SearchBox
        testId="centers-search"
        width={320}
        placeholder={t('admin:filterSearchPlaceholder')}
        value={values.search}
        onSearch={onSearch}
      />
    </Flex>
  );
}
