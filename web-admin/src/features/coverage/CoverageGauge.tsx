// The covered rate as an ECharts gauge (tree-shaken ECharts core, loaded with this chunk only).
import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/states';
import { rateBand } from './coverageMath';

echarts.use([GaugeChart, CanvasRenderer]);

const BAND_COLORS = { none: '#d9d9d9', low: '#ff4d4f', mid: '#faad14', high: '#52c41a' } as const;

export default function CoverageGauge({ rate, label }: { rate: number | null; label: string }) {
  const { t } = useTranslation();
  if (rate === null) return <EmptyState description={t('admin:coverageNoCommunities')} />;
  const option = {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        progress: { show: true, width: 14, itemStyle: { color: BAND_COLORS[rateBand(rate)] } },
        axisLine: {
          lineStyle: {
            width: 14,
            color: [[1, '#f0f0f0']],
          },
        },
        pointer: { show: true, length: '55%', width: 5 },
        axisTick: { show: false },
        splitLine: { length: 10, lineStyle: { width: 2, color: '#999' } },
        axisLabel: { distance: 20, color: '#999', fontSize: 11 },
        title: { offsetCenter: [0, '70%'], fontSize: 13 },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '40%'],
          fontSize: 26,
          fontWeight: 600,
          formatter: (v: number) => `${v.toFixed(1)}%`,
        },
        data: [{ value: Number(rate.toFixed(1)), name: label }],
      },
    ],
  };
  return (
    <div data-testid="coverage-gauge">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 236 }} notMerge lazyUpdate />
    </div>
  );
}
