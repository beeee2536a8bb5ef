// The most ordered items of the year as bars, their average rating as a line on a second axis.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { reviewChartOption, type ReviewChartRow } from './reviewModel';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function ReviewChart({
  items,
  labels,
}: {
  items: readonly ReviewChartRow[];
  labels: { orders: string; rating: string };
}) {
  const option = useMemo(() => reviewChartOption(items, labels), [items, labels]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 340 }} notMerge lazyUpdate />;
}
