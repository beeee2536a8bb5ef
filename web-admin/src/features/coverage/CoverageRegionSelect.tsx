// Pick the district or street whose coverage to show: districts first, their streets indented.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionOptionGroup } from '../regions/useRegionOptions';

export interface RegionPick {
  value: string;
  label: string;
  level: string;
}

export function regionPicks(groups: readonly RegionOptionGroup[]): RegionPick[] {
  const out: RegionPick[] = [];
  for (const g of groups) {
    if (g.district) out.push({ value: g.district.id, label: g.district.name, level: g.district.level });
    for (const s of g.streets) out.push({ value: s.id, label: s.name, level: s.level });
  }
  return out;
}

export function CoverageRegionSelect({
  picks,
  value,
  loading,
  onChange,
}: {
  picks: readonly RegionPick[];
  value: string | undefined;
  loading: boolean;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid="coverage-region-select"
      style={{ width: 240 }}
      virtual={false}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      value={value}
      placeholder={t('admin:coveragePickRegion')}
      onChange={onChange}
      options={picks.map((p) => ({ value: p.value, label: p.label, level: p.level }))}
      optionRender={(option) => (
        <span
          style={{
            paddingInlineStart: option.data.level === 'DISTRICT' ? 0 : 16,
            fontWeight: option.data.level === 'DISTRICT' ? 600 : undefined,
          }}
        >
          {option.label}
        </span>
      )}
      notFoundContent={t('common:empty')}
    />
  );
}
