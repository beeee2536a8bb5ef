// The menus page's filters: region (district or street, by menu), category, audience, search,
// and whether retired items are listed.
import { AUDIENCES, SERVICE_CATEGORIES } from '@lc/domain';
import { Flex, Select, Switch, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../ui/FilterSelect';
import { SearchBox } from '../../ui/SearchBox';
import type { MenuRegion } from './useMenuRegions';

export interface MenuFilterValues {
  category?: string;
  audience?: string;
  search?: string;
  includeRetired: boolean;
}

export function MenusFilters({
  level,
  regions,
  regionId,
  regionsLoading,
  groupByDistrict,
  onRegion,
  values,
  onChange,
}: {
  level: 'DISTRICT' | 'STREET';
  regions: readonly MenuRegion[];
  regionId: string | undefined;
  regionsLoading: boolean;
  /** streets of several districts: group them under their district */
  groupByDistrict: { id: string; name: string }[] | null;
  onRegion: (id: string) => void;
  values: MenuFilterValues;
  onChange: (next: MenuFilterValues) => void;
}) {
  const { t } = useTranslation();
  const onSearch = useCallback(
    (search: string | undefined) => onChange({ ...values, search }),
    [values, onChange],
  );

  const regionOptions: (
    | { value: string; label: string }
    | { label: string; title: string; options: { value: string; label: string }[] }
  )[] = groupByDistrict
    ? groupByDistrict
        .map((d) => ({
          label: d.name,
          title: d.name,
          options: regions.filter((r) => r.districtId === d.id).map((r) => ({ value: r.id, label: r.name })),
        }))
        .filter((g) => g.options.length > 0)
    : regions.map((r) => ({ value: r.id, label: r.name }));

  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Select
        data-testid="menus-region-select"
        style={{ width: 220 }}
        virtual={false}
        showSearch={{ optionFilterProp: 'label' }}
        loading={regionsLoading}
        value={regionId}
        placeholder={t(level === 'DISTRICT' ? 'admin:menusPickDistrict' : 'admin:menusPickStreet')}
        onChange={onRegion}
        options={regionOptions}
        notFoundContent={t('common:empty')}
      />
      <FilterSelect
        testId="menus-category-filter"
        width={160}
        placeholder={t('admin:menusAllCategories')}
        value={values.category}
        onChange={(category) => onChange({ ...values, category })}
        options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
      />
      <FilterSelect
        testId="menus-audience-filter"
        width={180}
        placeholder={t('admin:menusAllAudiences')}
        value={values.audience}
        onChange={(audience) => onChange({ ...values, audience })}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`enum:audience.${a}`) }))}
      />
      <SearchBox
        testId="menus-search"
        width={260}
        placeholder={t('admin:menusSearchPlaceholder')}
        value={values.search}
        onSearch={onSearch}
      />
      <Flex align="center" gap={6}>
        <Switch
          data-testid="menus-show-retired"
          size="small"
          checked={values.includeRetired}
          onChange={(includeRetired) => onChange({ ...values, includeRetired })}
        />
        <Typography.Text>{t('admin:menusShowRetired')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
