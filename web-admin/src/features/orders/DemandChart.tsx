// Residents per item as a horizontal ECharts bar (top 10); clicking a bar picks the item.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { DEMAND_CHART_TOP, demandChartOption, type DemandRow } from './ordersModel';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function DemandChart({
  rows,
  selectedId,
  labels,
  onSelect,
}: {
  rows: readonly DemandRow[];
  selectedId: string | null;
  labels: { residents: string; orders: string };
  onSelect: (serviceId: string) => void;
}) {
  const option = useMemo(() => demandChartOption(rows, labels, selectedId), [rows, labels, selectedId]);
  const shown = Math.min(rows.length, DEMAND_CHART_TOP);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      style={{ height: Math.max(160, 36 * shown + 48) }}
      notMerge
      lazyUpdate
      onEvents={{
        click: (params: { data?: { serviceId?: string } }) => {
          if (params.data?.serviceId) onSelect(params.data.serviceId);
        },
      }}
    />
  );
}
